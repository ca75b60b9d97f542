import { useTranslation } from 'react-i18next';
import { trackedSummary } from './format.js';
import { ClockIcon } from './icons.js';
import { useTracksTime } from './use-timer-actions.js';

/**
 * A task's tracked time, compact, for cards and rows: `1:30 / 4:00` (warning colour past the
 * estimate), `1:30` without an estimate, nothing when there is neither (or for client accounts).
 */
export function TrackedTime({ task }: { task: { trackedMinutes: number; estimateMinutes: number | null } }) {
  const { t } = useTranslation();
  const tracksTime = useTracksTime();
  const summary = trackedSummary(task.trackedMinutes, task.estimateMinutes);
  if (!summary || !tracksTime) return null;
  const spoken = summary.estimate
    ? t(summary.isOver ? 'taskTime.compactOver' : 'taskTime.compact', { tracked: summary.tracked, estimate: summary.estimate })
    : t('taskTime.compactNoEstimate', { tracked: summary.tracked });
  return (
    <span className={summary.isOver ? 'tracked-time tracked-time--over' : 'tracked-time'} title={spoken}>
      <ClockIcon size={12} />
      <span aria-hidden="true">{summary.estimate ? `${summary.tracked} / ${summary.estimate}` : summary.tracked}</span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}
