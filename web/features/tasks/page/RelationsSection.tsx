import { useQueries } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TaskSchema } from '../../../../shared/tasks.js';
import { apiFetch } from '../../../api/client.js';
import { taskKeys } from '../keys.js';
import { errorMessage } from '../../../components/errors.js';
import { StatusBadge } from '../StatusBadge.js';
import { listItems, useAddDependency, useRemoveDependency, useTask, useTaskList } from '../use-tasks.js';
import { useTaskView } from './task-context.js';
import { TaskPicker } from '../TaskPicker.js';

function TaskLink({
  task,
}: {
  task: { id: number; reference: string; title: string; status: Parameters<typeof StatusBadge>[0]['status'] };
}) {
  return (
    <span className="task-link">
      <Link to={`/tasks/${task.id}`}>
        <span className="task-ref">{task.reference}</span> {task.title}
      </Link>{' '}
      <StatusBadge status={task.status} />
    </span>
  );
}

/** Parent, subtasks and blockers: where the task sits and what holds it up. */
export function RelationsSection() {
  const { t } = useTranslation();
  const { task, canEdit } = useTaskView();
  const headingId = useId();
  const parent = useTask(task.parentId ?? 0, { enabled: task.parentId !== null });
  // The API has no parent filter: subtasks are found in the project's list, a page at a time.
  const projectTasks = useTaskList({ projectId: task.projectId, sort: 'project', limit: 500 });
  const loaded = listItems(projectTasks.data);
  const subtasks = loaded.filter((other) => other.parentId === task.id);
  const blockers = useQueries({
    queries: task.blockedByIds.map((id) => ({
      queryKey: taskKeys.task(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch(`/tasks/${id}`, { schema: TaskSchema, signal }),
    })),
  });
  const add = useAddDependency();
  const remove = useRemoveDependency();
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 className="card__title" id={headingId}>
          {t('taskView.relations.title')}
        </h2>
      </div>
      <div className="relations">
        <div className="relations__group">
          <h3 className="relations__title">{t('taskView.fields.parentId')}</h3>
          {task.parentId === null ? (
            <p className="muted">{t('taskView.relations.noParent')}</p>
          ) : parent.data ? (
            <TaskLink task={parent.data} />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </div>
        <div className="relations__group">
          <h3 className="relations__title">{t('taskView.relations.subtasks')}</h3>
          {subtasks.length > 0 ? (
            <ul className="plain-list">
              {subtasks.map((subtask) => (
                <li key={subtask.id}>
                  <TaskLink task={subtask} />
                </li>
              ))}
            </ul>
          ) : projectTasks.isPending ? (
            <p className="muted">{t('common.loading')}</p>
          ) : (
            <p className="muted">{t('taskView.relations.noSubtasks')}</p>
          )}
          {projectTasks.hasNextPage ? (
            <button
              type="button"
              className="button button--small"
              disabled={projectTasks.isFetchingNextPage}
              onClick={() => void projectTasks.fetchNextPage()}
            >
              {t('taskView.relations.lookFurther')}
            </button>
          ) : null}
        </div>
        <div className="relations__group">
          <h3 className="relations__title">{t('taskView.relations.blockers')}</h3>
          {task.blockedByIds.length === 0 ? <p className="muted">{t('taskView.relations.noBlockers')}</p> : null}
          <ul className="plain-list">
            {task.blockedByIds.map((id, index) => {
              const blocker = blockers[index]?.data;
              return (
                <li key={id} className="blocker-row">
                  {blocker ? <TaskLink task={blocker} /> : <span>#{id}</span>}
                  {canEdit ? (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={remove.isPending}
                      onClick={async () => {
                        setError(null);
                        try {
                          await remove.mutateAsync({ id: task.id, blockedById: id });
                          setMessage(t('taskView.relations.removed', { reference: blocker?.reference ?? `#${id}` }));
                        } catch (failure) {
                          setError(errorMessage(failure));
                        }
                      }}
                    >
                      {t('taskView.relations.remove')}
                      <span className="visually-hidden"> {blocker?.reference ?? `#${id}`}</span>
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {canEdit ? (
            <TaskPicker
              label={t('taskView.relations.addBlocker')}
              nearby={loaded}
              exclude={new Set([task.id, ...task.blockedByIds])}
              disabled={add.isPending}
              error={error ?? undefined}
              onPick={async (picked) => {
                setError(null);
                try {
                  await add.mutateAsync({ id: task.id, blockedById: picked.id });
                  setMessage(t('taskView.relations.added', { reference: picked.reference }));
                } catch (failure) {
                  setError(errorMessage(failure));
                }
              }}
            />
          ) : error ? (
            <p className="alert alert--error">{error}</p>
          ) : null}
          <p className="visually-hidden" role="status">
            {message}
          </p>
        </div>
      </div>
    </section>
  );
}
