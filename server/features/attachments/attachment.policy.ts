/** Who may remove a task's document: pure rules over the actor, the document and their project role. */
import type { ProjectRole } from '../../../shared/projects.js';
import { ForbiddenError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import { isProjectManager } from '../tasks/task.policy.js';

/** The uploader removes their own document; project managers and organization admins remove any. */
export function assertCanDeleteAttachment(actor: Actor, attachment: { uploaderId: number }, projectRole: ProjectRole | null): void {
  if (attachment.uploaderId !== actor.userId && !isProjectManager(actor, projectRole)) {
    throw new ForbiddenError('Only the person who uploaded a document, or a project manager, deletes it.');
  }
}
