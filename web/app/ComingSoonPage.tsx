import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/Page.js';

type Section = 'dashboard';

/** An honest page for a part of Spine that is not built yet: what it will hold, no made-up data. */
function ComingSoon({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`app.nav.${section}`)} />
      <div className="notice notice--info">
        <h2 className="notice__title">{t('placeholder.title')}</h2>
        <p>{t(`placeholder.${section}`)}</p>
        <p className="muted">{t('placeholder.meanwhile')}</p>
      </div>
    </>
  );
}

export const DashboardPage = () => <ComingSoon section="dashboard" />;
