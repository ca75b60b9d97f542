import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { isOrganizationAdmin } from '../../shared/roles.js';
import { BrandMark } from '../components/Brand.js';
import { errorMessage } from '../components/errors.js';
import { NotificationBell } from '../features/notifications/NotificationBell.js';
import { useLogout, useSession, useSwitchOrganization } from '../features/auth/use-session.js';
import { HeaderTimer } from '../features/time/HeaderTimer.js';
import { useLiveUpdates } from './use-live-updates.js';

type NavKey = 'myWork' | 'projects' | 'dashboard' | 'time' | 'reports' | 'people' | 'settings';

const NAV: readonly { key: NavKey; to: string; adminOnly?: boolean }[] = [
  { key: 'myWork', to: '/my-work' },
  { key: 'projects', to: '/projects' },
  { key: 'dashboard', to: '/dashboard' },
  { key: 'time', to: '/time' },
  { key: 'reports', to: '/reports' },
  { key: 'people', to: '/people', adminOnly: true },
  { key: 'settings', to: '/settings' },
];

/** Closes a popup on Escape (returning focus to its button) and on a click outside it. */
function useDismiss(
  open: boolean,
  close: () => void,
  refs: readonly React.RefObject<HTMLElement | null>[],
  button: React.RefObject<HTMLElement | null>,
) {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        close();
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!refs.some((ref) => ref.current?.contains(event.target as Node))) close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, close, refs, button]);
}

function initials(name: string, locale: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0]];
  return letters
    .map((part) => part?.[0] ?? '')
    .join('')
    .toLocaleUpperCase(locale);
}

function UserMenu() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const refs = useRef([button, panel] as const).current;
  const close = useRef(() => setOpen(false)).current;
  useDismiss(open, close, refs, button);

  return (
    <div className="user-menu">
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(me.user.name, i18n.language)}
        </span>
        <span className="user-menu__name">{me.user.name}</span>
        <span className="visually-hidden">{t('app.userMenu.label')}</span>
        <span className="chevron" aria-hidden="true" />
      </button>
      <div ref={panel} id={menuId} className="user-menu__panel" hidden={!open}>
        <div className="user-menu__who">
          <span className="user-menu__who-name">{me.user.name}</span>
          <span className="user-menu__who-email">{me.user.email}</span>
        </div>
        <ul className="user-menu__list">
          <li>
            <Link className="user-menu__item" to="/profile" onClick={close}>
              {t('app.userMenu.profile')}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="user-menu__item"
              disabled={logout.isPending}
              onClick={() => {
                close();
                // Signed out, the session gate sends the browser to the sign-in page.
                logout.mutate();
              }}
            >
              {t('app.userMenu.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

function OrganizationSwitcher() {
  const { t } = useTranslation();
  const me = useSession();
  const switchOrganization = useSwitchOrganization();
  const id = useId();
  if (me.organizations.length < 2) {
    return (
      <div className="org-block">
        <span className="org-block__label">{t('app.organization.label')}</span>
        <span className="org-block__name">{me.organization.name}</span>
      </div>
    );
  }
  return (
    <div className="org-block">
      <label className="org-block__label" htmlFor={id}>
        {t('app.organization.switch')}
      </label>
      <select
        id={id}
        className="input select input--compact"
        value={String(me.organization.id)}
        disabled={switchOrganization.isPending}
        onChange={(event) => switchOrganization.mutate(Number(event.target.value))}
      >
        {me.organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </select>
      <div role="alert">{switchOrganization.isError ? <p className="field__error">{errorMessage(switchOrganization.error)}</p> : null}</div>
    </div>
  );
}

export function AppFrame() {
  const { t } = useTranslation();
  const me = useSession();
  useLiveUpdates();
  const location = useLocation();
  const admin = isOrganizationAdmin(me.role);
  const [navOpen, setNavOpen] = useState(false);
  const navId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  const main = useRef<HTMLElement>(null);
  const refs = useRef([menuButton, nav] as const).current;
  const closeNav = useRef(() => setNavOpen(false)).current;
  useDismiss(navOpen, closeNav, refs, menuButton);

  // A route change closes the phone menu and lets the new page's heading take focus.
  const firstPath = useRef(location.pathname);
  useEffect(() => {
    setNavOpen(false);
    if (location.pathname !== firstPath.current && main.current) main.current.dataset.navigated = 'true';
  }, [location.pathname]);

  useEffect(() => {
    if (navOpen) nav.current?.querySelector<HTMLElement>('a, select, button')?.focus();
  }, [navOpen]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <button
          ref={menuButton}
          type="button"
          className="menu-button"
          aria-expanded={navOpen}
          aria-controls={navId}
          onClick={() => setNavOpen((open) => !open)}
        >
          <span className="menu-button__icon" aria-hidden="true" />
          <span>{t('app.menu')}</span>
        </button>
        <Link to="/" className="brand">
          <BrandMark />
          {t('app.name')}
        </Link>
        <div className="topbar__spacer" />
        <HeaderTimer />
        <NotificationBell />
        <UserMenu />
      </header>
      <div className="app__body">
        <nav ref={nav} id={navId} className={navOpen ? 'sidebar sidebar--open' : 'sidebar'} aria-label={t('app.nav.label')}>
          <OrganizationSwitcher />
          <ul className="nav-list">
            {NAV.filter((item) => admin || !item.adminOnly).map((item) => (
              <li key={item.key}>
                <NavLink className="nav-link" to={item.to}>
                  {t(`app.nav.${item.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main ref={main} id="main" className="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
