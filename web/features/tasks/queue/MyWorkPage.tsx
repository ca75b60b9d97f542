import { useQueries } from '@tanstack/react-query';
import { errorMessage } from '../../../components/errors.js';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { deadlineState } from '../../../../shared/deadline.js';
import { ProjectSchema } from '../../../../shared/projects.js';
import { isReviewer } from '../../../../shared/task-rules.js';
import type { TaskSummary } from '../../../../shared/tasks.js';
import { OPEN_STATUSES } from '../../../../shared/workflow.js';
import { apiFetch } from '../../../api/client.js';
import { PageHeader } from '../../../components/Page.js';
import { useFormat, useSession } from '../../auth/use-session.js';
import { DeadlineMark } from '../DeadlineMark.js';
import { lookupKeys } from '../keys.js';
import { StatusActions } from '../StatusActions.js';
import { StatusBadge } from '../StatusBadge.js';
import { taskParts } from '../task-parts.js';
import { listItems, useTaskList } from '../use-tasks.js';
import { usePeopleNames } from '../page/use-field-format.js';
import { QueueList } from './QueueList.js';

const QUEUE_PAGE = 100;

function SectionShell({
  title,
  description,
  count,
  children,
  tone,
}: {
  title: string;
  description: string;
  count?: number;
  children: React.ReactNode;
  tone?: 'attention';
}) {
  const id = useId();
  return (
    <section className={tone ? `card work-section work-section--${tone}` : 'card work-section'} aria-labelledby={id}>
      <div className="card__header">
        <div>
          <h2 className="card__title" id={id}>
            {title}
            {count !== undefined ? <span className="count-pill">{count}</span> : null}
          </h2>
          <p className="card__description">{description}</p>
        </div>
      </div>
      {children}
    </section>
  );
}

function TaskRowSimple({ task, detail, projectName }: { task: TaskSummary; detail?: React.ReactNode; projectName: string | undefined }) {
  return (
    <li className="work-row">
      <div className="queue-row__main">
        <Link to={`/tasks/${task.id}`} className="queue-row__title">
          <span className="task-ref">{task.reference}</span> {task.title}
        </Link>
        <div className="queue-row__meta">
          <StatusBadge status={task.status} />
          <DeadlineMark task={task} />
          {projectName ? <span className="muted">{projectName}</span> : null}
        </div>
        {detail ? <div className="work-row__detail">{detail}</div> : null}
      </div>
      <div className="queue-row__actions">
        <StatusActions task={task} compact />
      </div>
    </li>
  );
}

/** The signed-in person's day: what waits on them, what they should review, and their queue in order. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const names = usePeopleNames(undefined);

  const queue = useTaskList({ captainId: me.user.id, sort: 'queue', status: OPEN_STATUSES, limit: QUEUE_PAGE });
  // No server filter for “waiting on a person” or “reviewable by me”: open lists, filtered here.
  const waiting = useTaskList({ status: ['waiting'], sort: 'updated', limit: 200 });
  const reviews = useTaskList({ status: ['review'], sort: 'updated', limit: 200 });

  const queueItems = listItems(queue.data);
  const waitingOnMe = listItems(waiting.data).filter(
    (task) => task.waitingOn !== null && 'userId' in task.waitingOn && task.waitingOn.userId === me.user.id,
  );
  const inReview = listItems(reviews.data);

  const projectIds = [...new Set([...queueItems, ...waitingOnMe, ...inReview].map((task) => task.projectId))];
  const projects = useQueries({
    queries: projectIds.map((id) => ({
      queryKey: lookupKeys.project(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch(`/projects/${id}`, { schema: ProjectSchema, signal }),
      staleTime: 60_000,
    })),
  });
  const projectById = new Map(projects.flatMap((query) => (query.data ? [[query.data.id, query.data] as const] : [])));
  const projectNames = new Map([...projectById].map(([id, project]) => [id, project.name]));
  const reviewsForMe = inReview.filter((task) => {
    const project = projectById.get(task.projectId);
    return project !== undefined && isReviewer(taskParts(task, me, project));
  });

  const overdue = queueItems.filter((task) => deadlineState(task, format.timeZone) === 'overdue').length;
  const dueToday = queueItems.filter((task) => deadlineState(task, format.timeZone) === 'today').length;

  return (
    <>
      <PageHeader
        title={t('app.nav.myWork')}
        description={
          queue.isSuccess && queueItems.length > 0
            ? t('myWork.summary', { count: queueItems.length, overdue, today: dueToday })
            : t('myWork.description')
        }
      />
      {waitingOnMe.length > 0 ? (
        <SectionShell
          title={t('myWork.waitingOnMe.title')}
          description={t('myWork.waitingOnMe.description')}
          count={waitingOnMe.length}
          tone="attention"
        >
          <ul className="work-list">
            {waitingOnMe.map((task) => (
              <TaskRowSimple
                key={task.id}
                task={task}
                projectName={projectNames.get(task.projectId)}
                detail={
                  <>
                    {task.reason ? <span className="work-row__reason">{task.reason}</span> : null}
                    <span className="muted">
                      {t('myWork.waitingOnMe.from', {
                        name: names(task.captainId) ?? t('taskView.noCaptain'),
                        date: task.waitingSince ? format.dateTime(task.waitingSince) : '',
                      })}
                    </span>
                  </>
                }
              />
            ))}
          </ul>
        </SectionShell>
      ) : null}
      {reviewsForMe.length > 0 ? (
        <SectionShell title={t('myWork.reviews.title')} description={t('myWork.reviews.description')} count={reviewsForMe.length}>
          <ul className="work-list">
            {reviewsForMe.map((task) => (
              <TaskRowSimple
                key={task.id}
                task={task}
                projectName={projectNames.get(task.projectId)}
                detail={<span className="muted">{t('myWork.reviews.by', { name: names(task.captainId) ?? '' })}</span>}
              />
            ))}
          </ul>
        </SectionShell>
      ) : null}
      <SectionShell
        title={t('myWork.queue.title')}
        description={t('myWork.queue.description')}
        count={queue.isSuccess ? queueItems.length : undefined}
      >
        {queueItems.length > 1 ? (
          <p className="field__hint queue-keys" id="queue-keys">
            {t('myWork.queue.keys')}
          </p>
        ) : null}
        {queue.isPending ? (
          <p className="muted">{t('common.loading')}</p>
        ) : queue.isError ? (
          <div className="notice notice--error" role="alert">
            <p>{errorMessage(queue.error)}</p>
            <button type="button" className="button" onClick={() => void queue.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : queueItems.length === 0 ? (
          <p className="muted">{t('myWork.queue.empty')}</p>
        ) : (
          <QueueList tasks={queueItems} projectNames={projectNames} />
        )}
        {queue.hasNextPage ? (
          <button
            type="button"
            className="button queue-more"
            disabled={queue.isFetchingNextPage}
            onClick={() => void queue.fetchNextPage()}
          >
            {queue.isFetchingNextPage ? t('common.loading') : t('myWork.queue.more')}
          </button>
        ) : null}
      </SectionShell>
    </>
  );
}
