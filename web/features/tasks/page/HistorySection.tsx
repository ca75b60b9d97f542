import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../shared/tasks.js';
import { TASK_STATUSES, type TaskStatus, type TransitionAction } from '../../../../shared/workflow.js';
import { useFormat } from '../../auth/use-session.js';
import { errorMessage } from '../../../components/errors.js';
import { actionLabel, statusLabel } from '../labels.js';
import { useHistory } from '../use-tasks.js';
import { useTaskView } from './task-context.js';
import { isFieldName, isTimeEntryField, useFieldFormat, useMinutes, usePeopleNames, useTimeEntryFieldFormat } from './use-field-format.js';

const ACTIONS = new Set(['start', 'wait', 'resume', 'submit', 'complete', 'approve', 'request_changes', 'reopen', 'cancel', 'restore']);

function asStatus(value: unknown): TaskStatus | null {
  return typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value) ? (value as TaskStatus) : null;
}

function asText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Someone changed or deleted a time entry that was not theirs to change freely: whose, what, and why. */
function TimeEntryChange({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const formatField = useTimeEntryFieldFormat();
  const data = entry.data;
  const deleted = data.action === 'deleted';
  const own = typeof data.userId === 'number' && data.userId === entry.actorId;
  const name = asText(data.userName) ?? `#${String(data.userId)}`;
  const changes = isRecord(data.changes)
    ? Object.entries(data.changes).flatMap(([field, change]) =>
        isTimeEntryField(field) && isRecord(change) ? [{ field, from: change.from, to: change.to }] : [],
      )
    : [];
  const reason = asText(data.reason);
  const before = (field: string) => changes.find((change) => change.field === field)?.from;

  return (
    <>
      <p>
        <span className="timeline__action">
          {deleted
            ? own
              ? t('taskTime.history.deletedOwn')
              : t('taskTime.history.deletedOther', { name })
            : own
              ? t('taskTime.history.correctedOwn')
              : t('taskTime.history.correctedOther', { name })}
        </span>
        {deleted && before('minutes') !== undefined ? (
          <>
            {': '}
            {t('taskTime.history.deletedWhat', {
              duration: formatField('minutes', before('minutes')),
              date: formatField('date', before('date')),
            })}
          </>
        ) : null}
      </p>
      {!deleted && changes.length > 0 ? (
        <ul className="timeline__changes">
          {changes.map((change) => (
            <li key={change.field}>
              <span className="timeline__field">{t(`taskTime.history.fields.${change.field}`)}</span>:{' '}
              <span className="timeline__old">{formatField(change.field, change.from)}</span>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden"> {t('taskView.history.to')} </span>
              <span className="timeline__new">{formatField(change.field, change.to)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {reason ? <p className="timeline__detail">{t('taskView.history.reason', { reason })}</p> : null}
    </>
  );
}

function EntryBody({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const { project, me } = useTaskView();
  const formatField = useFieldFormat(project);
  const name = usePeopleNames(project);
  const minutes = useMinutes();
  const data = entry.data;

  switch (entry.kind) {
    case 'created':
      return <p>{t('taskView.history.created')}</p>;
    case 'updated': {
      const changes = Array.isArray(data.changes) ? (data.changes as { field?: unknown; from?: unknown; to?: unknown }[]) : [];
      return (
        <ul className="timeline__changes">
          {changes.map((change, index) =>
            isFieldName(change.field) ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: a change list is fixed once recorded
              <li key={index}>
                {change.field === 'description' ? (
                  t('taskView.history.descriptionChanged')
                ) : (
                  <>
                    <span className="timeline__field">{t(`taskView.fields.${change.field}`)}</span>:{' '}
                    <span className="timeline__old">{formatField(change.field, change.from)}</span>
                    <span aria-hidden="true"> → </span>
                    <span className="visually-hidden"> {t('taskView.history.to')} </span>
                    <span className="timeline__new">{formatField(change.field, change.to)}</span>
                  </>
                )}
              </li>
            ) : null,
          )}
        </ul>
      );
    }
    case 'status_changed':
    case 'reviewed': {
      const from = asStatus(data.from);
      const to = asStatus(data.to);
      const action = typeof data.action === 'string' && ACTIONS.has(data.action) ? (data.action as TransitionAction) : null;
      const reason = asText(data.reason);
      const feedback = asText(data.feedback);
      const waitingOn = data.waitingOn as { userId?: number; external?: string } | undefined;
      const waited = typeof data.waitedMinutes === 'number' ? data.waitedMinutes : null;
      return (
        <>
          <p>
            <span className="timeline__action">{action ? actionLabel(action) : t('taskView.history.statusChanged')}</span>
            {from && to ? (
              <>
                {' · '}
                {statusLabel(from)}
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t('taskView.history.to')} </span>
                {statusLabel(to)}
              </>
            ) : null}
          </p>
          {action === 'wait' && waitingOn ? (
            <p className="timeline__detail">
              {waitingOn.userId !== undefined
                ? waitingOn.userId === me.user.id
                  ? t('taskView.waiting.onYou')
                  : t('taskView.waiting.onPerson', { name: name(waitingOn.userId) })
                : t('taskView.waiting.onExternal', { name: waitingOn.external ?? '' })}
            </p>
          ) : null}
          {reason ? (
            <p className="timeline__detail">
              {action === 'resume' ? t('taskView.history.waitedFor', { reason }) : t('taskView.history.reason', { reason })}
            </p>
          ) : null}
          {waited !== null ? <p className="timeline__detail">{t('taskView.history.waited', { duration: minutes(waited) })}</p> : null}
          {feedback ? <p className="timeline__detail timeline__feedback">{t('taskView.history.feedback', { feedback })}</p> : null}
        </>
      );
    }
    case 'dependency_added':
      return <p>{t('taskView.history.blockerAdded', { reference: asText(data.reference) ?? `#${String(data.blockedById)}` })}</p>;
    case 'dependency_removed':
      return <p>{t('taskView.history.blockerRemoved', { reference: asText(data.reference) ?? `#${String(data.blockedById)}` })}</p>;
    case 'comment_added':
      return <p>{t('taskView.history.commentAdded', { excerpt: asText(data.excerpt) ?? '' })}</p>;
    case 'comment_edited':
      return <p>{t('taskView.history.commentEdited', { excerpt: asText(data.excerpt) ?? '' })}</p>;
    case 'comment_deleted':
      return <p>{t('taskView.history.commentDeleted')}</p>;
    case 'attachment_added':
      return <p>{t('taskView.history.attachmentAdded', { name: asText(data.filename) ?? '' })}</p>;
    case 'attachment_deleted':
      return <p>{t('taskView.history.attachmentDeleted', { name: asText(data.filename) ?? '' })}</p>;
    case 'moved':
      return <p>{t('taskView.history.moved')}</p>;
    case 'time_entry_changed':
      return <TimeEntryChange entry={entry} />;
    default:
      return null;
  }
}

/** Everything that happened to the task, oldest first: who, when, what. */
export function HistorySection() {
  const { t } = useTranslation();
  const { task } = useTaskView();
  const format = useFormat();
  const history = useHistory(task.id);
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 className="card__title" id={headingId}>
          {t('taskView.history.title')}
        </h2>
      </div>
      {history.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : history.isError ? (
        <p className="alert alert--error">{errorMessage(history.error)}</p>
      ) : (
        <ol className="timeline" aria-labelledby={headingId}>
          {history.data.map((entry) => (
            <li key={entry.id} className={`timeline__item timeline__item--${entry.kind}`} data-kind={entry.kind}>
              <div className="timeline__head">
                <span className="timeline__who">{entry.actorName ?? t('taskView.history.system')}</span>
                <time className="timeline__when" dateTime={entry.createdAt}>
                  {format.dateTime(entry.createdAt)}
                </time>
              </div>
              <EntryBody entry={entry} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
