/**
 * The signed-in person's part in a task, for the rules the server applies too (shared/task-rules.ts),
 * so buttons offered are buttons that work.
 */
import type { Me } from '../../../shared/api.js';
import type { Project } from '../../../shared/projects.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import type { TaskParts } from '../../../shared/task-rules.js';
import type { TaskSummary } from '../../../shared/tasks.js';

type TaskLike = Pick<TaskSummary, 'captainId' | 'createdById' | 'collaboratorIds'>;
type ProjectLike = Pick<Project, 'myRole' | 'reviewRequired'>;

/** Without the project loaded, only the organization role counts and review is assumed required. */
export function taskParts(task: TaskLike, me: Me, project: ProjectLike | null | undefined): TaskParts {
  const admin = isOrganizationAdmin(me.role);
  return {
    isCaptain: task.captainId === me.user.id,
    isManager: me.role !== 'client' && (admin || project?.myRole === 'manager' || project?.myRole === 'admin'),
    isCreator: task.createdById === me.user.id,
    isCollaborator: task.collaboratorIds.includes(me.user.id),
    reviewRequired: project?.reviewRequired ?? true,
  };
}
