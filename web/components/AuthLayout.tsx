import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, rememberLocale, setLocale } from '../i18n/index.js';
import { BrandMark } from './Brand.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** Frame of the pages seen before sign-in: brand, language switch, one centred card. */
export function AuthLayout({
  title,
  description,
  children,
  footer,
  wide,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'tr' ? 'tr' : currentLocale();
  return (
    <div className="auth-page">
      <header className="auth-page__header">
        <span className="brand brand--static">
          <BrandMark />
          {t('app.name')}
        </span>
        <LanguageSwitch
          value={locale}
          onChange={(next) => {
            rememberLocale(next);
            void setLocale(next);
          }}
        />
      </header>
      <main id="main" className="auth-page__main">
        <div className={wide ? 'auth-card auth-card--wide' : 'auth-card'}>
          <h1 className="auth-card__title">{title}</h1>
          {description ? <div className="auth-card__description">{description}</div> : null}
          {children}
        </div>
        {footer ? <div className="auth-page__footer">{footer}</div> : null}
      </main>
    </div>
  );
}
