import i18next from 'i18next';
import type { TaskStatus, TransitionAction } from '../../../shared/workflow.js';

export function statusLabel(status: TaskStatus): string {
  return i18next.t(`tasks.status.${status}`);
}

/** The button text of a workflow move (“Start”, “Submit for review”…). */
export function actionLabel(action: TransitionAction): string {
  return i18next.t(`tasks.action.${action}`);
}
