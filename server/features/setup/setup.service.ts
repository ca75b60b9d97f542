/** First run: the company and its first owner, who also administers this Spine installation. */
import { sql } from 'kysely';
import type { SetupBody } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import { ConflictError } from '../../errors.js';
import { assertAcceptablePassword } from '../auth/password.js';
import { insertOrganization } from '../organizations/organizations.repository.js';
import { countUsers, insertMembership, insertUser } from '../users/users.repository.js';
import { DEFAULT_CAPACITY_MINUTES } from '../users/person.js';

const SETUP_LOCK_KEY = 7_274_632;

export async function isSetupNeeded(deps: Deps): Promise<boolean> {
  return (await countUsers(deps.database.db)) === 0;
}

const setupDone = () => new ConflictError('setup_done', 'Spine is already set up. Sign in instead.');

export async function setUp(deps: Deps, body: SetupBody): Promise<{ userId: number; organizationId: number }> {
  if (!(await isSetupNeeded(deps))) throw setupDone();
  assertAcceptablePassword(body.password, { email: body.email, name: body.name });
  const passwordHash = await deps.passwords.hash(body.password);
  return deps.database.db.transaction().execute(async (tx) => {
    // Two first-run requests at once: the second waits here and then finds a user.
    if (deps.database.engine === 'postgres') await sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`.execute(tx);
    if ((await countUsers(tx)) > 0) throw setupDone();
    const now = deps.clock.now();
    const organization = await insertOrganization(tx, body.organizationName, now);
    const user = await insertUser(
      tx,
      { email: body.email, name: body.name, passwordHash, isInstanceAdmin: true, lastOrganizationId: organization.id },
      now,
    );
    await insertMembership(
      tx,
      { organizationId: organization.id, userId: user.id, role: 'owner', capacityMinutes: DEFAULT_CAPACITY_MINUTES },
      now,
    );
    return { userId: user.id, organizationId: organization.id };
  });
}
