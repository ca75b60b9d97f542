/** Actors as plain values, for unit tests of rules and policies. */
import type { Role } from '../../shared/roles.js';
import type { Actor } from '../features/auth/actor.js';

/** A person of organization 1 with the given role, signed in through a session. */
export const actorWithRole = (role: Role): Actor => ({
  userId: 1,
  organizationId: 1,
  role,
  isInstanceAdmin: false,
  via: { kind: 'session', sessionId: 1 },
});
