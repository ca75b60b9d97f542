import { createContext, useContext } from 'react';
import type { Me } from '../../../../shared/api.js';
import type { Project } from '../../../../shared/projects.js';
import type { TaskParts } from '../../../../shared/task-rules.js';
import type { Task, UpdateTaskBody } from '../../../../shared/tasks.js';

export type TaskChanges = Omit<UpdateTaskBody, 'version'>;

/** `saved`, `conflict` (someone else changed the task: the page shows both versions), or thrown. */
export type SaveResult = 'saved' | 'conflict';

export interface TaskView {
  task: Task;
  project: Project | undefined;
  me: Me;
  parts: TaskParts;
  isClosed: boolean;
  /** May change fields, blockers and documents (and the task is open). */
  canEdit: boolean;
  /** May name the captain and collaborators. */
  canAssign: boolean;
  /** Saves changes made on `baseVersion` (the version the person started editing). */
  save: (changes: TaskChanges, baseVersion: number) => Promise<SaveResult>;
}

export const TaskViewContext = createContext<TaskView | null>(null);

export function useTaskView(): TaskView {
  const view = useContext(TaskViewContext);
  if (!view) throw new Error('useTaskView() outside the task page');
  return view;
}
