/** Organization roles, from most to least powerful. */
export const ROLES = ['owner', 'admin', 'manager', 'member', 'client'] as const;
export type Role = (typeof ROLES)[number];

/** Owners and admins run the organization: people, roles, settings. */
export function isOrganizationAdmin(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}
