import { errorMessage } from '../../components/errors.js';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { DeleteTimeEntryQuerySchema, formatDuration, type TimeEntry } from '../../../shared/time.js';
import { FormAlert, TextField } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { Modal } from '../../components/Modal.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useFormat } from '../auth/use-session.js';
import { todayIn } from '../../../shared/deadline.js';
import { useActivityTypes } from '../tasks/lookups.js';
import { type EntryAccess, entryAccess, weekLock } from './entry-access.js';
import { formatLocalDate, trackedSummary } from './format.js';
import { CheckIcon, LockIcon, PencilIcon, TrashIcon } from './icons.js';
import { TimeEntryForm } from './TimeEntryForm.js';
import { ElapsedClock } from './TimerButton.js';
import { useTracksTime } from './use-timer-actions.js';
import { useDeleteTimeEntry, useRunningTimer, useTimeEntries } from './use-time.js';
import { useTaskView } from '../tasks/page/task-context.js';

/** Tracked against the estimate, as words and a bar that turns to the warning colour past the estimate. */
function TimeSummary() {
  const { t } = useTranslation();
  const { task } = useTaskView();
  const tracksTime = useTracksTime();
  const timer = useRunningTimer({ enabled: tracksTime });
  const summary = trackedSummary(task.trackedMinutes, task.estimateMinutes);
  const runningHere = timer.data && timer.data.taskId === task.id ? timer.data : null;
  const left = task.estimateMinutes !== null ? task.estimateMinutes - task.trackedMinutes : null;

  return (
    <div className="time-summary">
      <p className="time-summary__figures">
        {summary?.estimate ? (
          <>
            <span className="time-summary__tracked">{summary.tracked}</span> {t('taskTime.ofEstimate', { estimate: summary.estimate })}
          </>
        ) : (
          <>
            <span className="time-summary__tracked">{summary?.tracked ?? formatDuration(0)}</span> {t('taskTime.trackedNoEstimate')}
          </>
        )}
      </p>
      {summary?.ratio !== null && summary?.ratio !== undefined ? (
        <>
          <div className={summary.isOver ? 'time-progress time-progress--over' : 'time-progress'} aria-hidden="true">
            <div className="time-progress__bar" style={{ width: `${Math.min(100, Math.round(summary.ratio * 100))}%` }} />
          </div>
          <p className={summary.isOver ? 'time-summary__note time-summary__note--over' : 'time-summary__note'}>
            {left !== null && left < 0
              ? t('taskTime.over', { duration: formatDuration(-left) })
              : t('taskTime.left', { duration: formatDuration(left ?? 0) })}
          </p>
        </>
      ) : null}
      {runningHere ? (
        <p className="time-summary__running">
          <span className="header-timer__pulse" aria-hidden="true" /> {t('taskTime.runningHere')}{' '}
          <ElapsedClock startedAt={runningHere.startedAt} />
        </p>
      ) : null}
    </div>
  );
}

function EntryLock({ status }: { status: TimeEntry['weekStatus'] }) {
  const { t } = useTranslation();
  const lock = weekLock(status);
  if (!lock) return null;
  const text = lock === 'approved' ? t('timeEntry.lock.approved') : t('timeEntry.lock.submitted');
  return (
    <span className={`entry-lock entry-lock--${lock}`} title={text}>
      <LockIcon size={12} />
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

const ReasonRequiredSchema = DeleteTimeEntryQuerySchema.extend({ reason: DeleteTimeEntryQuerySchema.shape.reason.unwrap().min(1) });

function DeleteEntryForm({
  entry,
  access,
  onClose,
}: {
  entry: TimeEntry;
  access: EntryAccess | null;
  onClose: (deleted: boolean) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteTimeEntry();
  const reasonRequired = access?.reasonRequired ?? false;
  const form = useServerForm({
    schema: reasonRequired ? ReasonRequiredSchema : DeleteTimeEntryQuerySchema,
    defaultValues: { reason: '' },
    toBody: ({ reason }) => ({ reason: reason.trim() || undefined }),
    messages: { '/reason': t('timeEntry.form.reasonMissing') },
  });
  return (
    <Form
      form={form}
      summary={false}
      onSubmit={async ({ reason }) => {
        await remove.mutateAsync({ id: entry.id, reason });
        onClose(true);
      }}
    >
      {access?.asksReason ? (
        <TextField
          multiline
          label={reasonRequired ? t('timeEntry.fields.reason') : t('timeEntry.fields.reasonOptional')}
          {...form.register('reason')}
          rows={2}
          maxLength={2000}
          required={reasonRequired}
          hint={reasonRequired ? t('timeEntry.form.reasonRequiredHint') : t('timeEntry.form.reasonHint')}
        />
      ) : null}
      <FormAlert message={form.formError} />
      <div className="actions actions--end">
        {/* biome-ignore lint/a11y/noAutofocus: the safe choice is focused first */}
        <button type="button" className="button" onClick={() => onClose(false)} autoFocus>
          {t('common.cancel')}
        </button>
        <SubmitButton
          pending={remove.isPending}
          label={t('timeEntry.delete.confirm')}
          pendingLabel={t('timeEntry.delete.pending')}
          className="button button--danger"
        />
      </div>
    </Form>
  );
}

function DeleteEntryDialog({
  entry,
  access,
  onClose,
}: {
  entry: TimeEntry | null;
  access: EntryAccess | null;
  onClose: (deleted: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open={entry !== null}
      onClose={() => onClose(false)}
      role="alertdialog"
      title={t('timeEntry.delete.title')}
      description={
        entry
          ? t('timeEntry.delete.body', {
              duration: formatDuration(entry.minutes),
              date: formatLocalDate(entry.date, i18n.language),
              name: entry.userName,
            })
          : null
      }
    >
      {entry ? <DeleteEntryForm entry={entry} access={access} onClose={onClose} /> : null}
    </Modal>
  );
}

/**
 * The task's time: tracked against the estimate, the entries the caller may see (a lock on weeks
 * submitted or approved), adding time, and changing or deleting entries the caller may change.
 */
export function TimeSection() {
  const { t, i18n } = useTranslation();
  const { task, project, me } = useTaskView();
  const format = useFormat();
  const tracksTime = useTracksTime();
  const activityTypes = useActivityTypes();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TimeEntry | null>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusAdd, setFocusAdd] = useState(0);
  // After the dialog's own effects (children's run first), so it has the last word on focus.
  useEffect(() => {
    if (focusAdd > 0) addButton.current?.focus();
  }, [focusAdd]);
  const today = todayIn(format.timeZone);
  const day = (date: string) => formatLocalDate(date, i18n.language, today.slice(0, 4));

  const viewer = {
    userId: me.user.id,
    isAdmin: isOrganizationAdmin(me.role),
    managesProject: project?.myRole === 'manager' || project?.myRole === 'admin',
  };
  // The server answers the task's entries the caller may see: their own, and everyone's for its managers and admins.
  const entries = useTimeEntries({ taskId: task.id }, { enabled: tracksTime });
  const accessOf = (entry: TimeEntry) => entryAccess(entry, viewer);
  const activityName = (id: number | null) => (id === null ? null : (activityTypes.data?.find((type) => type.id === id) ?? null));
  const list = entries.data ?? [];
  const listed = list.reduce((sum, entry) => sum + entry.minutes, 0);
  // The list holds the caller's own time unless they may see others': name people only then.
  const onlyMine = list.every((entry) => entry.userId === me.user.id);

  const closeAdd = () => {
    setAdding(false);
    setFocusAdd((count) => count + 1);
  };

  // Client accounts track no time and see none (the server refuses them).
  if (!tracksTime) return null;
  return (
    <section className="card time-section" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 className="card__title" id={headingId}>
          {t('taskTime.title')}
        </h2>
        {!adding ? (
          <button
            ref={addButton}
            type="button"
            className="button button--small"
            onClick={() => {
              setStatus(null);
              setAdding(true);
            }}
          >
            {t('timeEntry.add')}
          </button>
        ) : null}
      </div>
      <TimeSummary />
      <div className="status-region" role="status">
        {status ? <p className="alert alert--success">{status}</p> : null}
      </div>
      {adding ? (
        <div className="time-section__add">
          <h3 className="time-section__subtitle">{t('timeEntry.addTitle')}</h3>
          <TimeEntryForm
            task={task}
            project={project}
            today={today}
            onCancel={closeAdd}
            onDone={(entry) => {
              if (entry) setStatus(t('timeEntry.added', { duration: formatDuration(entry.minutes), date: day(entry.date) }));
              closeAdd();
            }}
          />
        </div>
      ) : null}
      {entries.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : entries.isError ? (
        <div className="notice notice--error" role="alert">
          <p>{errorMessage(entries.error)}</p>
          <button type="button" className="button" onClick={() => void entries.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : list.length === 0 ? (
        <p className="muted">{t('taskTime.empty')}</p>
      ) : (
        <>
          <h3 className="time-section__subtitle">{onlyMine ? t('taskTime.yourEntries') : t('taskTime.entries')}</h3>
          <div className="table-wrap time-entries-wrap">
            <table className="table table--stack time-entries">
              <caption className="visually-hidden">{t('taskTime.caption', { reference: task.reference })}</caption>
              <thead>
                <tr>
                  <th scope="col">{onlyMine ? t('timeEntry.fields.date') : t('timeEntry.fields.personDate')}</th>
                  <th scope="col" className="num">
                    {t('timeEntry.fields.duration')}
                  </th>
                  <th scope="col">{t('timeEntry.fields.activity')}</th>
                  <th scope="col">{t('timeEntry.fields.billable')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('timeEntry.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((entry) => {
                  const access = accessOf(entry);
                  const type = activityName(entry.activityTypeId);
                  return (
                    <tr key={entry.id} data-entry-id={entry.id}>
                      <td
                        data-label={onlyMine ? t('timeEntry.fields.date') : t('timeEntry.fields.personDate')}
                        className="time-entries__date"
                      >
                        <div className="time-entries__what">
                          {onlyMine ? null : (
                            <span className="time-entries__person">
                              {entry.userId === me.user.id ? t('timeEntry.you', { name: entry.userName }) : entry.userName}
                            </span>
                          )}
                          <span className="time-entries__day">
                            {day(entry.date)}
                            {entry.startTime ? <span className="muted"> · {entry.startTime}</span> : null}
                            <EntryLock status={entry.weekStatus} />
                          </span>
                          {entry.note ? (
                            <span className="time-entries__note">
                              <span className="visually-hidden">{t('timeEntry.fields.note')}: </span>
                              {entry.note}
                            </span>
                          ) : null}
                        </div>
                      </td>
                      <td data-label={t('timeEntry.fields.duration')} className="num">
                        <div>
                          <span className="time-entries__duration">{formatDuration(entry.minutes)}</span>
                          {entry.source === 'timer' ? <span className="time-entries__source">{t('timeEntry.fromTimer')}</span> : null}
                        </div>
                      </td>
                      <td data-label={t('timeEntry.fields.activity')}>
                        {type ? (
                          <span className="activity-tag">
                            <span className="activity-tag__dot" style={{ background: type.color }} aria-hidden="true" />
                            {type.name}
                          </span>
                        ) : (
                          <span className="muted">{t('taskView.none')}</span>
                        )}
                      </td>
                      <td data-label={t('timeEntry.fields.billable')}>
                        {entry.billable ? (
                          <span className="time-entries__billable" title={t('timeEntry.billable.yes')}>
                            <CheckIcon />
                            <span className="visually-hidden">{t('timeEntry.billable.yes')}</span>
                          </span>
                        ) : (
                          <span className="muted" title={t('timeEntry.billable.no')}>
                            <span aria-hidden="true">—</span>
                            <span className="visually-hidden">{t('timeEntry.billable.no')}</span>
                          </span>
                        )}
                      </td>
                      <td className="cell-actions time-entries__actions">
                        {access.canChange ? (
                          <>
                            <button
                              type="button"
                              className="icon-button icon-button--small time-entries__action"
                              aria-label={t('timeEntry.editLabel', { duration: formatDuration(entry.minutes), date: day(entry.date) })}
                              title={t('timeEntry.edit')}
                              onClick={() => {
                                setStatus(null);
                                setEditing(entry);
                              }}
                            >
                              <PencilIcon />
                            </button>
                            <button
                              type="button"
                              className="icon-button icon-button--small time-entries__action time-entries__action--delete"
                              aria-label={t('timeEntry.deleteLabel', { duration: formatDuration(entry.minutes), date: day(entry.date) })}
                              title={t('timeEntry.delete.button')}
                              onClick={() => {
                                setStatus(null);
                                setDeleting(entry);
                              }}
                            >
                              <TrashIcon />
                            </button>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              {list.length > 1 ? (
                <tfoot>
                  <tr>
                    <th scope="row">{t('taskTime.listedTotal')}</th>
                    <td className="num">
                      <span className="time-entries__duration">{formatDuration(listed)}</span>
                    </td>
                    <td colSpan={3} />
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        </>
      )}
      <Modal
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={t('timeEntry.editTitle')}
        description={editing && editing.userId !== me.user.id ? t('timeEntry.editOf', { name: editing.userName }) : undefined}
      >
        {editing ? (
          <TimeEntryForm
            task={task}
            project={project}
            entry={editing}
            reason={(() => {
              const access = accessOf(editing);
              return access.reasonRequired ? 'required' : access.asksReason ? 'optional' : undefined;
            })()}
            today={today}
            onCancel={() => setEditing(null)}
            onDone={(entry) => {
              setEditing(null);
              if (entry) setStatus(t('timeEntry.saved', { duration: formatDuration(entry.minutes), date: day(entry.date) }));
            }}
          />
        ) : null}
      </Modal>
      <DeleteEntryDialog
        entry={deleting}
        access={deleting ? accessOf(deleting) : null}
        onClose={(deleted) => {
          if (deleted && deleting) {
            setStatus(t('timeEntry.deleted', { duration: formatDuration(deleting.minutes), date: day(deleting.date) }));
            // Its row (and the button that opened the dialog) is gone: focus stays in the section.
            setFocusAdd((count) => count + 1);
          }
          setDeleting(null);
        }}
      />
    </section>
  );
}
