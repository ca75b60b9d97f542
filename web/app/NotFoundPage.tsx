import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/Page.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('app.notFound.title')} description={t('app.notFound.body')} />
      <Link className="button" to="/">
        {t('app.notFound.home')}
      </Link>
    </>
  );
}
