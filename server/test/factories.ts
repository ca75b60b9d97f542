/** Factories: each test makes its own organizations and people, through the same services the API uses. */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/roles.js';
import { startSession } from '../features/auth/auth.service.js';
import { insertOrganization } from '../features/organizations/organizations.repository.js';
import { insertMembership, insertUser } from '../features/users/users.repository.js';
import type { TestContext } from './harness.js';

export const TEST_PASSWORD = 'a long and private phrase';
let cachedHash: Promise<string> | undefined;

function unique(): string {
  return randomBytes(4).toString('hex');
}

export interface TestPerson {
  id: number;
  email: string;
  name: string;
  organizationId: number;
  role: Role;
  /** A signed-in browser session of this person in `organizationId`. */
  cookie: string;
}

export async function createOrganization(context: TestContext, name = `Org ${unique()}`) {
  return insertOrganization(context.deps.database.db, name, context.clock.now());
}

/** A person with a password (TEST_PASSWORD) and a session in the organization. */
export async function createPerson(
  context: TestContext,
  organizationId: number,
  role: Role,
  options: { name?: string; email?: string; isInstanceAdmin?: boolean } = {},
): Promise<TestPerson> {
  cachedHash ??= context.deps.passwords.hash(TEST_PASSWORD);
  const { db } = context.deps.database;
  const name = options.name ?? `${role} ${unique()}`;
  const email = options.email ?? `${role}-${unique()}@example.com`;
  const user = await insertUser(
    db,
    { email, name, passwordHash: await cachedHash, isInstanceAdmin: options.isInstanceAdmin ?? false, lastOrganizationId: organizationId },
    context.clock.now(),
  );
  await insertMembership(db, { organizationId, userId: user.id, role, capacityMinutes: 2400 }, context.clock.now());
  const cookie = await startSession(context.deps, user.id, organizationId);
  return { id: user.id, email, name, organizationId, role, cookie };
}

/** An organization with one person of each role. */
export async function createTeam(context: TestContext) {
  const organization = await createOrganization(context);
  const [owner, admin, manager, member, client] = await Promise.all(
    (['owner', 'admin', 'manager', 'member', 'client'] as const).map((role) => createPerson(context, organization.id, role)),
  );
  return { organization, owner: owner!, admin: admin!, manager: manager!, member: member!, client: client! };
}

/** A project (through the API, as its creator would) with the given members. */
export async function createProject(
  context: TestContext,
  as: TestPerson,
  members: { userId: number; role: 'manager' | 'member' }[],
  options: { key?: string; reviewRequired?: boolean; name?: string } = {},
) {
  const response = await context.request({
    method: 'POST',
    url: '/api/v1/projects',
    as,
    body: {
      name: options.name ?? `Project ${unique()}`,
      key:
        options.key ??
        `P${unique()
          .slice(0, 5)
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, 'X')}`,
      members,
      ...(options.reviewRequired !== undefined && { reviewRequired: options.reviewRequired }),
    },
  });
  if (response.status !== 201) throw new Error(`createProject: ${response.status} ${response.text}`);
  return response.body as { id: number; key: string };
}

/** A task through the API. */
export async function createTask(context: TestContext, as: TestPerson, body: Record<string, unknown>) {
  const response = await context.request({ method: 'POST', url: '/api/v1/tasks', as, body: { title: `Task ${unique()}`, ...body } });
  if (response.status !== 201) throw new Error(`createTask: ${response.status} ${response.text}`);
  return response.body as { id: number; reference: string; version: number; status: string };
}

/** A team with a project run by the manager, where the member works. */
export async function createProjectTeam(context: TestContext, options: { reviewRequired?: boolean } = {}) {
  const team = await createTeam(context);
  const project = await createProject(
    context,
    team.manager,
    [
      { userId: team.manager.id, role: 'manager' },
      { userId: team.member.id, role: 'member' },
    ],
    options,
  );
  const outsider = await createPerson(context, team.organization.id, 'member');
  return { ...team, project, outsider };
}
