import './projects.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Client, Project, ProjectState } from '../../../shared/projects.js';
import { ErrorNotice, Loading, PageHeader } from '../../components/Page.js';
import { useFormat, useSession } from '../auth/use-session.js';
import { AreaNav } from './AreaNav.js';
import { NewProjectDialog } from './NewProjectDialog.js';
import { errorMessage } from '../../components/errors.js';
import { canRunProjects, PROJECT_STATES, projectRoleLabel, projectStateLabel } from './labels.js';
import { useClients, useProjects } from './use-projects.js';

type StateFilter = ProjectState | 'all';

function readState(value: string | null): StateFilter {
  return value === 'all' || (PROJECT_STATES as readonly string[]).includes(value ?? '') ? (value as StateFilter) : 'active';
}

function ProjectsTable({ projects, clients, showState }: { projects: Project[]; clients: Map<number, Client>; showState: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table className="table table--stack projects-table">
        <caption className="visually-hidden">{t('projects.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.fields.name')}</th>
            <th scope="col">{t('projects.fields.client')}</th>
            <th scope="col" className="num">
              {t('projects.list.openTasks')}
            </th>
            <th scope="col">{t('projects.list.yourRole')}</th>
            {showState ? <th scope="col">{t('projects.fields.state')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {projects.map((project) => (
            <tr key={project.id}>
              <th scope="row" className="cell-primary">
                <Link to={`/projects/${project.id}`} className="project-link">
                  <span className="key-tag">{project.key}</span>
                  <span>{project.name}</span>
                </Link>
              </th>
              <td data-label={t('projects.fields.client')}>
                {project.clientId ? (clients.get(project.clientId)?.name ?? '…') : <span className="muted">{t('projects.noClient')}</span>}
              </td>
              <td data-label={t('projects.list.openTasks')} className="num">
                {format.number(project.openTaskCount)}
              </td>
              <td data-label={t('projects.list.yourRole')}>{projectRoleLabel(project.myRole)}</td>
              {showState ? (
                <td data-label={t('projects.fields.state')}>
                  <span className={`badge badge--project-${project.state}`}>{projectStateLabel(project.state)}</span>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProjectsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const state = readState(params.get('state'));
  const projects = useProjects(state);
  const clients = useClients({ enabled: me.role !== 'client' });
  const mayCreate = canRunProjects(me.role);
  const [creating, setCreating] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const clientMap = new Map((clients.data ?? []).map((client) => [client.id, client]));

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        description={t('projects.description')}
        actions={
          mayCreate ? (
            <button ref={newButton} type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t('projects.new.open')}
            </button>
          ) : null
        }
      />
      <AreaNav />
      <div className="toolbar">
        <label className="toolbar__field">
          <span className="toolbar__label">{t('projects.list.show')}</span>
          <select
            className="input select input--compact"
            value={state}
            onChange={(event) => {
              const next = event.target.value;
              setParams(next === 'active' ? {} : { state: next }, { replace: true });
            }}
          >
            {PROJECT_STATES.map((value) => (
              <option key={value} value={value}>
                {t(`projects.list.stateFilter.${value}`)}
              </option>
            ))}
            <option value="all">{t('projects.list.stateFilter.all')}</option>
          </select>
        </label>
      </div>
      {projects.isPending ? (
        <Loading />
      ) : projects.isError ? (
        <ErrorNotice message={errorMessage(projects.error)} onRetry={() => void projects.refetch()} />
      ) : projects.data.length === 0 ? (
        <div className="empty-state">
          <p>
            {state !== 'active'
              ? t('projects.list.emptyState')
              : mayCreate
                ? t('projects.list.emptyManager')
                : me.role === 'client'
                  ? t('projects.list.emptyClient')
                  : t('projects.list.emptyMember')}
          </p>
        </div>
      ) : (
        <ProjectsTable projects={projects.data} clients={clientMap} showState={state === 'all'} />
      )}
      {mayCreate ? <NewProjectDialog open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
