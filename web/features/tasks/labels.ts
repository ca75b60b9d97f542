import i18next from 'i18next';
import type { TaskStatus, TransitionAction } from '../../../shared/workflow.js';
import { ApiError } from '../../api/client.js';
import { errorMessage } from '../../components/errors.js';
import { translateDynamic } from '../../components/translate.js';

export function statusLabel(status: TaskStatus): string {
  return i18next.t(`tasks.status.${status}`);
}

/** The button text of a workflow move (“Start”, “Submit for review”…). */
export function actionLabel(action: TransitionAction): string {
  return i18next.t(`tasks.action.${action}`);
}

/**
 * The server's task problems in the reader's language: a translated sentence for the task codes
 * (invalid_transition, task_blocked…) and for their field errors, the server's words otherwise.
 */
export function localizeTaskError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const detail = translateDynamic(`tasks.errors.${error.code}`) ?? error.detail;
  const fieldErrors = error.fieldErrors.map((field) => {
    const text = translateDynamic(`tasks.fieldErrors.${field.code}`);
    // 'generic' with a detail of ours: the shared form code shows the detail as it is.
    return text ? { ...field, code: 'generic', detail: text } : field;
  });
  return new ApiError({
    status: error.status,
    code: error.code,
    title: error.title,
    detail,
    fieldErrors,
    requestId: error.requestId,
    extensions: error.extensions,
  });
}

export function taskErrorMessage(error: unknown): string {
  return errorMessage(localizeTaskError(error));
}
