/** Who may change a comment: pure rules over the actor and the comment. */
import { ForbiddenError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';

/** A comment is its author's words: only they edit or delete it, whatever their role. */
export function assertIsAuthor(actor: Actor, comment: { authorId: number }): void {
  if (comment.authorId !== actor.userId) throw new ForbiddenError('Only the author edits or deletes a comment.');
}
