import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Navigate, Outlet, useLocation, useRouteError, useSearchParams } from 'react-router';
import { errorMessage } from '../components/errors.js';
import { ErrorNotice, Loading } from '../components/Page.js';
import { safeNext } from '../components/safe-next.js';
import { signOutIntent, useMe, useSetupStatus, useUserLocale } from '../features/auth/use-session.js';

export function FullPageLoading() {
  return (
    <div className="full-page-center">
      <Loading />
    </div>
  );
}

/**
 * Decides where a visitor belongs before any page shows: setup on a fresh install, otherwise the
 * requested page (the session gates below handle signed-in versus signed-out).
 */
export function Root() {
  const location = useLocation();
  const setup = useSetupStatus();
  const needsMe = setup.data?.needed === false;
  const me = useMe();
  useUserLocale(me.data);

  if (setup.isPending || (needsMe && me.isPending)) return <FullPageLoading />;
  if (setup.isError) {
    return (
      <div className="full-page-center">
        <ErrorNotice message={errorMessage(setup.error)} onRetry={() => void setup.refetch()} />
      </div>
    );
  }
  const onSetup = location.pathname === '/setup';
  if (setup.data.needed && !onSetup) return <Navigate to="/setup" replace />;
  if (!setup.data.needed && onSetup) return <Navigate to="/" replace />;
  if (me.isError && !setup.data.needed) {
    return (
      <div className="full-page-center">
        <ErrorNotice message={errorMessage(me.error)} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  return <Outlet />;
}

export function RequireSession() {
  const location = useLocation();
  const { data: me } = useMe();
  if (!me) {
    const here = `${location.pathname}${location.search}`;
    const search = here === '/' || signOutIntent.current ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return <Outlet />;
}

export function PublicOnly() {
  const [params] = useSearchParams();
  const { data: me } = useMe();
  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  // A failed chunk load usually means a new version was deployed while this tab was open.
  const message = notFound ? t('app.notFound.body') : t('app.error.body');
  if (import.meta.env.DEV) console.error(error);
  return (
    <main className="full-page-center" id="main">
      <div className="auth-card">
        <h1 className="auth-card__title">{notFound ? t('app.notFound.title') : t('app.error.title')}</h1>
        <p>{message}</p>
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t('app.error.reload')}
          </button>
          <a className="button" href="/">
            {t('app.notFound.home')}
          </a>
        </div>
      </div>
    </main>
  );
}
