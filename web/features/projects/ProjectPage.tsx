import './projects.css';
import { errorMessage } from '../../components/errors.js';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import type { Project } from '../../../shared/projects.js';
import { ApiError } from '../../api/client.js';
import { formatCalendar } from '../../components/format.js';
import { ErrorNotice, Loading, PageHeader } from '../../components/Page.js';
import { useProject } from '../tasks/lookups.js';
import { canManage, projectStateLabel } from './labels.js';
import { NewTaskDialog, type NewTaskDefaults } from '../tasks/NewTaskDialog.js';
import { useClients } from './use-projects.js';

export interface ProjectOutletContext {
  project: Project;
  /** Opens the new-task form for this project, optionally with fields filled in. */
  openNewTask: (defaults?: NewTaskDefaults) => void;
}

export function useProjectContext(): ProjectOutletContext {
  return useOutletContext<ProjectOutletContext>();
}

export function useProjectId(): number {
  const { projectId } = useParams();
  const id = Number(projectId);
  return Number.isInteger(id) && id > 0 ? id : 0;
}

const TABS = ['list', 'board', 'milestones', 'members', 'settings'] as const;

function ProjectMeta({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const clients = useClients();
  const client = project.clientId ? clients.data?.find((item) => item.id === project.clientId) : undefined;
  const dates =
    project.startDate || project.endDate
      ? `${project.startDate ? formatCalendar(i18n.language, project.startDate) : '…'} – ${project.endDate ? formatCalendar(i18n.language, project.endDate) : '…'}`
      : null;
  return (
    <span className="project-meta">
      <span className="key-tag">{project.key}</span>
      {client ? <span>{client.name}</span> : null}
      {dates ? <span>{dates}</span> : null}
      {project.state !== 'active' ? (
        <span className={`badge badge--project-${project.state}`}>{projectStateLabel(project.state)}</span>
      ) : null}
      <span>{t('projects.header.openTasks', { count: project.openTaskCount })}</span>
    </span>
  );
}

export function ProjectPage() {
  const { t } = useTranslation();
  const id = useProjectId();
  const project = useProject(id);
  const [newTask, setNewTask] = useState<NewTaskDefaults | null>(null);
  const newTaskButton = useRef<HTMLButtonElement>(null);
  const openNewTask = useCallback((defaults: NewTaskDefaults = {}) => setNewTask(defaults), []);

  if (project.isPending && id > 0) return <Loading />;
  if (!project.data) {
    const missing = id === 0 || (project.error instanceof ApiError && project.error.status === 404);
    return (
      <>
        <PageHeader title={missing ? t('projects.notFound.title') : t('projects.title')} />
        {missing ? (
          <div className="notice">
            <p>{t('projects.notFound.body')}</p>
            <Link to="/projects">{t('projects.notFound.back')}</Link>
          </div>
        ) : (
          <ErrorNotice message={errorMessage(project.error)} onRetry={() => void project.refetch()} />
        )}
      </>
    );
  }

  const current = project.data;
  const manager = canManage(current);
  const context: ProjectOutletContext = { project: current, openNewTask };

  return (
    <div className="project-page">
      <nav aria-label={t('projects.breadcrumb')} className="breadcrumb">
        <Link to="/projects">{t('projects.title')}</Link>
      </nav>
      <PageHeader
        title={current.name}
        description={<ProjectMeta project={current} />}
        actions={
          current.state !== 'archived' ? (
            <button ref={newTaskButton} type="button" className="button button--primary" onClick={() => openNewTask()}>
              {t('newTask.open')}
            </button>
          ) : null
        }
      />
      <nav className="tabs" aria-label={t('projects.tabs.label')}>
        {TABS.filter((tab) => tab !== 'settings' || manager).map((tab) => (
          <NavLink key={tab} className="tabs__link" to={`/projects/${current.id}/${tab}`}>
            {t(`projects.tabs.${tab}`)}
          </NavLink>
        ))}
      </nav>
      <Outlet context={context} />
      <NewTaskDialog open={newTask !== null} projectId={current.id} defaults={newTask ?? {}} onClose={() => setNewTask(null)} />
    </div>
  );
}
