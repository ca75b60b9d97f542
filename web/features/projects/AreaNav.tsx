import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** Projects and Clients: two pages of one area, as tabs that are links. */
export function AreaNav() {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('projects.area.label')}>
      <NavLink className="tabs__link" to="/projects" end>
        {t('projects.area.projects')}
      </NavLink>
      <NavLink className="tabs__link" to="/projects/clients">
        {t('projects.area.clients')}
      </NavLink>
    </nav>
  );
}
