/** The shared task layer: what the task page, My work and the project board build on. */
export { type TaskFilter, lookupKeys, taskKeys } from './keys.js';
export { actionLabel, statusLabel } from './labels.js';
export { useActivityTypes, useDirectory, useMilestones, useProject } from './lookups.js';
export { taskParts } from './task-parts.js';
export { StatusActions } from './StatusActions.js';
export { StatusBadge } from './StatusBadge.js';
export { TransitionDialog } from './TransitionDialog.js';
export {
  conflictOf,
  listItems,
  newIdempotencyKey,
  reorder,
  storeTask,
  useAddDependency,
  useChangeStatus,
  useCreateTask,
  useHistory,
  useMoveTask,
  useRemoveDependency,
  useReview,
  useTask,
  useTaskList,
  useUpdateTask,
} from './use-tasks.js';
export { DeadlineMark } from './DeadlineMark.js';
