import { errorMessage } from '../../../components/errors.js';
import { useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Task, UpdateTaskBodySchema } from '../../../../shared/tasks.js';
import { isOpen } from '../../../../shared/workflow.js';
import { ApiError } from '../../../api/client.js';
import { FormAlert } from '../../../components/Field.js';
import { Form, FormActions } from '../../../components/Form.js';
import { ErrorNotice, Loading } from '../../../components/Page.js';
import { useServerForm } from '../../../components/use-server-form.js';
import { useFormat, useSession } from '../../auth/use-session.js';
import { TimerButton } from '../../time/TimerButton.js';
import { useDirectory, useProject } from '../lookups.js';
import { canAssign, canWork } from '../../../../shared/task-rules.js';
import { taskParts } from '../task-parts.js';
import { StatusActions } from '../StatusActions.js';
import { StatusBadge } from '../StatusBadge.js';
import { conflictOf, storeTask, useHistory, useTask, useUpdateTask } from '../use-tasks.js';
import { CommentsSection } from '../../comments/CommentsSection.js';
import { DescriptionSection } from './DescriptionSection.js';
import { DocumentsSection } from '../../attachments/DocumentsSection.js';
import { HistorySection } from './HistorySection.js';
import { RelationsSection } from './RelationsSection.js';
import { type TaskChanges, type TaskView, TaskViewContext, useTaskView } from './task-context.js';
import { TaskDetails } from './TaskDetails.js';
import { TimeSection } from '../../time/TimeSection.js';
import { useAttachments } from '../../attachments/use-attachments.js';
import { useComments } from '../../comments/use-comments.js';
import { isFieldName, useFieldFormat, usePeopleNames } from './use-field-format.js';

export function TaskPage() {
  const { t } = useTranslation();
  const params = useParams();
  const taskId = Number(params.id);
  const valid = Number.isInteger(taskId) && taskId > 0;
  const task = useTask(taskId, { enabled: valid });
  // Started together with the task, not after it: the sections below read these from the cache.
  useHistory(taskId, { enabled: valid });
  useComments(taskId, { enabled: valid });
  useAttachments(taskId, { enabled: valid });
  useDirectory({ enabled: valid });

  if (!valid || (task.error instanceof ApiError && task.error.status === 404)) {
    return (
      <div className="notice">
        <h1 className="notice__title">{t('taskView.notFound.title')}</h1>
        <p>{t('taskView.notFound.body')}</p>
        <Link to="/my-work">{t('taskView.notFound.back')}</Link>
      </div>
    );
  }
  if (task.isPending) return <Loading />;
  if (task.isError) return <ErrorNotice message={errorMessage(task.error)} onRetry={() => void task.refetch()} />;
  return <TaskScreen task={task.data} />;
}

interface Conflict {
  current: Task;
  changes: TaskChanges;
}

function TaskScreen({ task }: { task: Task }) {
  const { t } = useTranslation();
  const me = useSession();
  const project = useProject(task.projectId);
  const update = useUpdateTask();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const parts = taskParts(task, me, project.data);
  const isClosed = !isOpen(task.status);
  const view: TaskView = {
    task,
    project: project.data,
    me,
    parts,
    isClosed,
    canEdit: !isClosed && canWork(parts),
    canAssign: !isClosed && canAssign(parts),
    save: async (changes, baseVersion) => {
      try {
        await update.mutateAsync({ id: task.id, version: baseVersion, changes });
        setConflict(null);
        return 'saved';
      } catch (error) {
        const current = conflictOf(error);
        if (!current) throw error;
        setConflict({ current, changes });
        return 'conflict';
      }
    },
  };

  return (
    <TaskViewContext.Provider value={view}>
      <article className="task-page" aria-labelledby="task-title">
        <header className="task-head">
          <p className="task-head__meta">
            {project.data ? (
              <Link to={`/projects/${project.data.id}`} className="task-head__project">
                {project.data.name}
              </Link>
            ) : null}
            <span className="task-ref">{task.reference}</span>
            <StatusBadge status={task.status} />
            <span className="task-head__timer">
              <TimerButton task={task} />
            </span>
          </p>
          <TaskTitle />
          {project.isPending ? null : <StatusActions task={task} project={project.data} />}
        </header>
        {conflict ? (
          <ConflictNotice
            conflict={conflict}
            onReload={() => {
              storeTask(queryClient, conflict.current);
              setConflict(null);
            }}
            onReapply={() => view.save(conflict.changes, conflict.current.version)}
          />
        ) : null}
        <StatusNotes />
        <div className="task-layout">
          <div className="task-layout__main">
            <DescriptionSection />
            <RelationsSection />
            <DocumentsSection />
            <TimeSection />
            <CommentsSection />
            <HistorySection />
          </div>
          <aside className="task-layout__side" aria-label={t('taskView.details.title')}>
            <TaskDetails />
          </aside>
        </div>
      </article>
    </TaskViewContext.Provider>
  );
}

const TitleSchema = UpdateTaskBodySchema.pick({ title: true });

function TitleForm({ base, onClose }: { base: number; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { task, save } = useTaskView();
  const form = useServerForm({
    schema: TitleSchema,
    defaultValues: { title: task.title },
    messages: { '/title': t('taskView.title.invalid') },
  });
  const inputId = useId();
  const error = form.fieldError('title');

  return (
    <Form
      form={form}
      className="task-title-form"
      summary={false}
      onSubmit={async (changes) => onClose((await save(changes, base)) === 'saved')}
    >
      <label className="visually-hidden" htmlFor={inputId}>
        {t('taskView.title.label')}
      </label>
      <input
        id={inputId}
        {...form.register('title')}
        className="input task-title-form__input"
        minLength={3}
        maxLength={200}
        required
        aria-invalid={error ? true : undefined}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose(true);
          }
        }}
        // biome-ignore lint/a11y/noAutofocus: the person asked to rename the task
        autoFocus
      />
      {error ? <p className="field__error">{error}</p> : null}
      <FormAlert message={form.formError} />
      <FormActions onCancel={() => onClose(true)} pending={form.formState.isSubmitting} label={t('taskView.title.save')} />
    </Form>
  );
}

function TaskTitle() {
  const { t } = useTranslation();
  const { task, canEdit } = useTaskView();
  const [editing, setEditing] = useState<{ base: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const main = heading.current?.closest('main');
    if (main?.dataset.navigated === 'true') heading.current?.focus();
  }, []);

  if (editing) {
    return (
      <TitleForm
        base={editing.base}
        onClose={(refocus) => {
          setEditing(null);
          if (refocus) requestAnimationFrame(() => renameButton.current?.focus());
        }}
      />
    );
  }
  return (
    <div className="task-title">
      <h1 className="page-title task-title__text" id="task-title" ref={heading} tabIndex={-1}>
        {task.title}
      </h1>
      {canEdit ? (
        <button ref={renameButton} type="button" className="button button--small" onClick={() => setEditing({ base: task.version })}>
          {t('taskView.title.edit')}
        </button>
      ) : null}
    </div>
  );
}

function ConflictNotice({
  conflict,
  onReload,
  onReapply,
}: {
  conflict: Conflict;
  onReload: () => void;
  onReapply: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { project } = useTaskView();
  const format = useFieldFormat(project);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fields = Object.keys(conflict.changes).filter(isFieldName);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 className="conflict__title" id="conflict-title" ref={heading} tabIndex={-1}>
        {t('taskView.conflict.title')}
      </h2>
      <p>{t('taskView.conflict.body', { version: conflict.current.version })}</p>
      <div className="table-wrap">
        <table className="table conflict__table">
          <caption className="visually-hidden">{t('taskView.conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('taskView.conflict.field')}</th>
              <th scope="col">{t('taskView.conflict.theirs')}</th>
              <th scope="col">{t('taskView.conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field}>
                <th scope="row">{t(`taskView.fields.${field}`)}</th>
                <td>{format(field, conflict.current[field])}</td>
                <td>{format(field, conflict.changes[field])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div role="alert">{error ? <p className="alert alert--error">{error}</p> : null}</div>
      <div className="actions">
        <button type="button" className="button" onClick={onReload}>
          {t('taskView.conflict.reload')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={pending}
          onClick={async () => {
            setPending(true);
            setError(null);
            try {
              await onReapply();
            } catch (failure) {
              setError(errorMessage(failure));
            } finally {
              setPending(false);
            }
          }}
        >
          {t('taskView.conflict.reapply')}
        </button>
      </div>
    </section>
  );
}

function durationWords(since: string, now: number): string {
  const t = i18next.t;
  const minutes = Math.max(0, Math.round((now - Date.parse(since)) / 60_000));
  if (minutes < 60) return t('taskView.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('taskView.hours', { count: hours });
  return t('taskView.days', { count: Math.floor(hours / 24) });
}

/** The waiting banner (the manager's cue), the last review feedback, and what a closed task is. */
function StatusNotes() {
  const { t } = useTranslation();
  const { task, project, me } = useTaskView();
  const format = useFormat();
  const name = usePeopleNames(project);
  const now = Date.now();

  const waiting =
    task.status === 'waiting' ? (
      <section className="waiting-banner" aria-labelledby="waiting-title">
        <h2 className="waiting-banner__title" id="waiting-title">
          {task.waitingOn && 'userId' in task.waitingOn
            ? task.waitingOn.userId === me.user.id
              ? t('taskView.waiting.onYou')
              : t('taskView.waiting.onPerson', { name: name(task.waitingOn.userId) })
            : task.waitingOn && 'external' in task.waitingOn
              ? t('taskView.waiting.onExternal', { name: task.waitingOn.external })
              : t('taskView.waiting.title')}
        </h2>
        {task.reason ? <p className="waiting-banner__reason">{task.reason}</p> : null}
        {task.waitingSince ? (
          <p className="waiting-banner__since">
            {t('taskView.waiting.since', { date: format.dateTime(task.waitingSince), duration: durationWords(task.waitingSince, now) })}
          </p>
        ) : null}
      </section>
    ) : null;

  const feedback =
    task.feedback && (task.status === 'in_progress' || task.status === 'review' || task.status === 'waiting') ? (
      <section className="feedback-note" aria-labelledby="feedback-title">
        <h2 className="feedback-note__title" id="feedback-title">
          {task.status === 'in_progress' ? t('taskView.feedback.changesRequested') : t('taskView.feedback.last')}
        </h2>
        <p className="feedback-note__text">{task.feedback}</p>
      </section>
    ) : null;

  const closed =
    task.status === 'done' || task.status === 'cancelled' ? (
      <div className="notice notice--info closed-note">
        <p>
          {task.status === 'done'
            ? t('taskView.closed.done', { date: task.closedAt ? format.dateTime(task.closedAt) : '' })
            : t('taskView.closed.cancelled', { date: task.closedAt ? format.dateTime(task.closedAt) : '' })}
        </p>
        {task.status === 'cancelled' && task.reason ? <p>{t('taskView.closed.reason', { reason: task.reason })}</p> : null}
      </div>
    ) : null;

  return (
    <>
      {waiting}
      {feedback}
      {closed}
    </>
  );
}
