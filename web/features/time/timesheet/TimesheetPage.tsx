import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { addDays, formatDuration, type Timesheet, weekStartOf } from '../../../../shared/time.js';
import { ApiError } from '../../../api/client.js';
import { ConfirmDialog } from '../../../components/Modal.js';
import { ErrorNotice, Loading, PageHeader } from '../../../components/Page.js';
import { useFormat, useSession } from '../../auth/use-session.js';
import { todayIn } from '../../../../shared/deadline.js';
import { useActivityTypes } from '../../tasks/lookups.js';
import { timesheetQuery, useSubmitTimesheet, useWithdrawTimesheet } from '../use-time.js';
import { AddRowDialog } from './AddRowDialog.js';
import { type Decision, DecideDialog } from './DecideDialog.js';
import { buildRows, type GridRow, mergeSeeds, type RowSeed, rowKeyOf, seedsOf } from './grid.js';
import { errorMessage } from '../../../components/errors.js';
import { dateParam, idParam, statusLabel, weekRange } from './labels.js';
import { TimesheetGrid } from './TimesheetGrid.js';
import { TimeTabs } from './TimeTabs.js';
import { useCellSave } from './use-cell-save.js';

/**
 * /time: a person's week as a grid of tasks by days. Without `user` it is the caller's own week, which
 * they fill in and submit; with `user` (from the approvals list) someone else's, read-only, with
 * Approve and Reject for its approver.
 */
export function TimesheetPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const weekParam = dateParam(params.get('week'));
  const userParam = idParam(params.get('user'));
  const userId = userParam !== undefined && userParam !== me.user.id ? userParam : undefined;
  const foreign = userId !== undefined;
  const today = todayIn(me.organization.timeZone);
  const thisWeek = weekStartOf(today, me.organization.weekStart);

  const sheetQuery = timesheetQuery(weekParam, userId);
  const query = useQuery({
    ...sheetQuery,
    // While the next week loads the grid keeps the last one (read-only) instead of flashing empty.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === sheetQuery.queryKey[3] ? previous : undefined),
  });
  const sheet = query.data;
  const settled = sheet !== undefined && !query.isPlaceholderData;
  const weekStart = settled ? sheet.weekStart : weekStartOf(weekParam ?? today, me.organization.weekStart);
  const weekLabel = weekRange(i18n.language, weekStart, addDays(weekStart, 6));

  const [seedsByWeek, setSeedsByWeek] = useState<Record<string, RowSeed[]>>({});
  const seeds = seedsByWeek[weekStart] ?? [];
  const addSeeds = (added: readonly RowSeed[]) =>
    setSeedsByWeek((current) => ({ ...current, [weekStart]: mergeSeeds(current[weekStart] ?? [], added) }));

  const activityTypes = useActivityTypes();
  const activityNames = useMemo(() => new Map((activityTypes.data ?? []).map((type) => [type.id, type.name])), [activityTypes.data]);
  const rows = useMemo(
    () =>
      sheet
        ? buildRows(
            sheet.entries,
            sheet.days.map((day) => day.date),
            seeds,
          )
        : [],
    [sheet, seeds],
  );
  // The grid edits open and returned weeks of one's own; an admin's corrections to approved time (with a
  // reason) and changes to someone else's entries belong on the task page.
  const editable = settled && sheet.canEdit && !foreign && (sheet.status === 'open' || sheet.status === 'rejected');

  const saveCell = useCellSave(sheetQuery.queryKey);
  const save = (row: GridRow, date: string, text: string) => {
    // A row the person worked in stays on the page even when its last entry is cleared.
    addSeeds([row]);
    return saveCell(row, date, text);
  };

  const [adding, setAdding] = useState(false);
  const [focusRowKey, setFocusRowKey] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  const queryClient = useQueryClient();

  const goToWeek = (week: string | null) => {
    setNote(null);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (week === null) next.delete('week');
        else next.set('week', week);
        return next;
      },
      { preventScrollReset: true },
    );
  };

  const copyLastWeek = async () => {
    setCopying(true);
    setNote(null);
    try {
      const last = await queryClient.fetchQuery(timesheetQuery(addDays(weekStart, -7), userId));
      const present = new Set(rows.map((row) => row.key));
      const added = seedsOf(last.entries).filter((seed) => !present.has(rowKeyOf(seed.taskId, seed.activityTypeId)));
      addSeeds(added);
      setNote(added.length === 0 ? t('timesheet.copy.nothing') : t('timesheet.copy.added', { count: added.length }));
    } catch (error) {
      setNote(errorMessage(error));
    } finally {
      setCopying(false);
    }
  };

  const title = foreign ? t('timesheet.titleOf', { name: sheet?.userName ?? '' }) : t('timesheet.title');

  return (
    <div className="ts-page">
      {foreign ? (
        <nav aria-label={t('timesheet.breadcrumb')} className="ts-breadcrumb">
          <Link to="/time/approvals">{t('timesheet.tabs.approvals')}</Link>
        </nav>
      ) : null}
      <PageHeader title={title} description={foreign ? t('timesheet.descriptionOf') : t('timesheet.description')} />
      {me.role === 'client' ? null : <TimeTabs current={foreign ? 'approvals-week' : 'mine'} />}
      <div className="ts-toolbar">
        <div className="ts-week-nav">
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label={t('timesheet.week.previous')}
            title={t('timesheet.week.previous')}
            onClick={() => goToWeek(addDays(weekStart, -7))}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <h2 className="ts-week-nav__range" aria-live="polite">
            {weekLabel}
          </h2>
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label={t('timesheet.week.next')}
            title={t('timesheet.week.next')}
            disabled={weekStart >= thisWeek}
            onClick={() => goToWeek(addDays(weekStart, 7))}
          >
            <span aria-hidden="true">›</span>
          </button>
          {weekStart !== thisWeek ? (
            <button type="button" className="button button--small" onClick={() => goToWeek(null)}>
              {t('timesheet.week.this')}
            </button>
          ) : null}
        </div>
        {editable ? (
          <div className="ts-toolbar__actions">
            <button type="button" className="button button--small" disabled={copying} onClick={() => void copyLastWeek()}>
              {copying ? t('common.loading') : t('timesheet.copy.button')}
            </button>
            <button type="button" className="button button--small button--primary" onClick={() => setAdding(true)}>
              {t('timesheet.addRow.open')}
            </button>
          </div>
        ) : null}
      </div>
      <div className="status-region" role="status">
        {note ? <p className="ts-note">{note}</p> : null}
      </div>
      {sheet ? (
        <WeekView
          key={`${sheet.userId}|${sheet.weekStart}`}
          sheet={sheet}
          rows={rows}
          editable={editable}
          foreign={foreign}
          loading={query.isPlaceholderData}
          today={today}
          weekLabel={weekLabel}
          activityNames={activityNames}
          save={save}
          onRemoveRow={(row) =>
            setSeedsByWeek((current) => ({
              ...current,
              [weekStart]: (current[weekStart] ?? []).filter((seed) => rowKeyOf(seed.taskId, seed.activityTypeId) !== row.key),
            }))
          }
          focusRowKey={focusRowKey}
          onFocused={() => setFocusRowKey(null)}
          onDecided={(decision) =>
            navigate('/time/approvals', {
              state: {
                decided: t(decision === 'approve' ? 'timesheet.decide.approvedNote' : 'timesheet.decide.rejectedNote', {
                  name: sheet.userName,
                  week: weekLabel,
                }),
              },
            })
          }
        />
      ) : query.isPending ? (
        <Loading />
      ) : (
        <ErrorNotice
          message={
            query.error instanceof ApiError && query.error.status === 403 && !foreign ? t('timesheet.noAccess') : errorMessage(query.error)
          }
          onRetry={() => void query.refetch()}
        />
      )}
      <AddRowDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdd={(seed) => {
          addSeeds([seed]);
          setFocusRowKey(rowKeyOf(seed.taskId, seed.activityTypeId));
          setAdding(false);
        }}
      />
    </div>
  );
}

interface WeekViewProps {
  sheet: Timesheet;
  rows: readonly GridRow[];
  editable: boolean;
  foreign: boolean;
  loading: boolean;
  today: string;
  weekLabel: string;
  activityNames: ReadonlyMap<number, string>;
  save: (row: GridRow, date: string, text: string) => ReturnType<ReturnType<typeof useCellSave>>;
  onRemoveRow: (row: GridRow) => void;
  focusRowKey: string | null;
  onFocused: () => void;
  onDecided: (decision: Decision) => void;
}

/** One week: where it stands (with its actions), the grid, and the dialogs of submitting and deciding. */
function WeekView({
  sheet,
  rows,
  editable,
  foreign,
  loading,
  today,
  weekLabel,
  activityNames,
  save,
  onRemoveRow,
  focusRowKey,
  onFocused,
  onDecided,
}: WeekViewProps) {
  const { t } = useTranslation();
  const submit = useSubmitTimesheet();
  const withdraw = useWithdrawTimesheet();
  const [confirming, setConfirming] = useState(false);
  const [deciding, setDeciding] = useState<Decision | null>(null);

  const canSubmit = !foreign && !loading && (sheet.status === 'open' || sheet.status === 'rejected') && sheet.weekStart <= today;
  const canWithdraw = !foreign && !loading && sheet.status === 'submitted';
  const actions: ReactNode[] = [];
  if (canSubmit) {
    actions.push(
      <button key="submit" type="button" className="button button--primary" onClick={() => setConfirming(true)}>
        {t('timesheet.submit.button')}
      </button>,
    );
  }
  if (canWithdraw) {
    actions.push(
      <button
        key="withdraw"
        type="button"
        className="button"
        disabled={withdraw.isPending}
        onClick={() => withdraw.mutate(sheet.weekStart)}
      >
        {withdraw.isPending ? t('timesheet.withdraw.pending') : t('timesheet.withdraw.button')}
      </button>,
    );
  }
  if (sheet.canDecide && !loading) {
    actions.push(
      <button key="reject" type="button" className="button button--danger-outline" onClick={() => setDeciding('reject')}>
        {t('timesheet.decide.reject')}
      </button>,
      <button key="approve" type="button" className="button button--primary" onClick={() => setDeciding('approve')}>
        {t('timesheet.decide.approve')}
      </button>,
    );
  }

  return (
    <>
      <StatusBanner sheet={sheet} foreign={foreign} actions={actions} error={withdraw.isError ? errorMessage(withdraw.error) : null} />
      <div className={loading ? 'ts-week ts-week--loading' : 'ts-week'} aria-busy={loading || undefined}>
        <TimesheetGrid
          sheet={sheet}
          rows={rows}
          editable={editable}
          today={today}
          activityNames={activityNames}
          caption={t('timesheet.grid.caption', { name: sheet.userName, week: weekLabel })}
          save={save}
          onRemoveRow={onRemoveRow}
          focusRowKey={focusRowKey}
          onFocused={onFocused}
        />
      </div>
      {editable ? <p className="field__hint ts-keys">{t('timesheet.grid.keys')}</p> : null}
      <ConfirmDialog
        open={confirming}
        title={t('timesheet.submit.title', { week: weekLabel })}
        body={
          <p>
            {t('timesheet.submit.body', { total: formatDuration(sheet.totalMinutes), capacity: formatDuration(sheet.capacityMinutes) })}
          </p>
        }
        confirmLabel={t('timesheet.submit.confirm')}
        pendingLabel={t('timesheet.submit.pending')}
        pending={submit.isPending}
        error={submit.isError ? errorMessage(submit.error) : null}
        onConfirm={() => submit.mutate(sheet.weekStart, { onSuccess: () => setConfirming(false) })}
        onCancel={() => {
          submit.reset();
          setConfirming(false);
        }}
      />
      <DecideDialog decision={deciding} sheet={sheet} weekLabel={weekLabel} onClose={() => setDeciding(null)} onDecided={onDecided} />
    </>
  );
}

function StatusBanner({
  sheet,
  foreign,
  actions,
  error,
}: {
  sheet: Timesheet;
  foreign: boolean;
  actions: ReactNode[];
  error: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const by = sheet.decidedBy?.name ?? t('timesheet.status.someone');
  const decidedAt = sheet.decidedAt ? format.dateTime(sheet.decidedAt) : '';
  const submittedAt = sheet.submittedAt ? format.dateTime(sheet.submittedAt) : '';
  const text = (() => {
    switch (sheet.status) {
      case 'open':
        return foreign ? t('timesheet.status.openOther', { name: sheet.userName }) : t('timesheet.status.openText');
      case 'submitted':
        return sheet.canDecide
          ? t('timesheet.status.submittedForYou', { name: sheet.userName, date: submittedAt })
          : t('timesheet.status.submittedText', { date: submittedAt });
      case 'approved':
        return t('timesheet.status.approvedText', { name: by, date: decidedAt });
      case 'rejected':
        return foreign
          ? t('timesheet.status.rejectedOther', { name: by, date: decidedAt })
          : t('timesheet.status.rejectedText', { name: by, date: decidedAt });
    }
  })();
  return (
    <section className={`ts-banner ts-banner--${sheet.status}`} aria-label={t('timesheet.status.label')}>
      <div className="ts-banner__text">
        <div role="status">
          <p className="ts-banner__line">
            <span className={`ts-status ts-status--${sheet.status}`}>{statusLabel(sheet.status)}</span> {text}
          </p>
        </div>
        {sheet.comment ? (
          <figure className="ts-banner__comment">
            <figcaption>{t('timesheet.status.comment', { name: by })}</figcaption>
            <blockquote>{sheet.comment}</blockquote>
          </figure>
        ) : null}
        <div role="alert">{error ? <p className="field__error">{error}</p> : null}</div>
      </div>
      {actions.length > 0 ? <div className="ts-banner__actions">{actions}</div> : null}
    </section>
  );
}
