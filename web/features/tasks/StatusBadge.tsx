import type { TaskStatus } from '../../../shared/workflow.js';
import { statusLabel } from './labels.js';

/** The task's status as a coloured pill; the word carries the meaning, the colour only helps. */
export function StatusBadge({ status, className }: { status: TaskStatus; className?: string }) {
  return (
    <span className={['status-badge', `status-badge--${status}`, className ?? ''].filter(Boolean).join(' ')}>{statusLabel(status)}</span>
  );
}
