import type { Role } from '../../../shared/roles.js';

/** Who is making a request, in which organization, with which role. */
export interface Actor {
  userId: number;
  organizationId: number;
  role: Role;
  isInstanceAdmin: boolean;
  /** How the request authenticated: a browser session, or an API token. */
  via: { kind: 'session'; sessionId: number } | { kind: 'token'; tokenId: number };
}
