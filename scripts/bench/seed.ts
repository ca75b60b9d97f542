/**
 * The reference organization: 500 people, 2,000 projects, a million tasks (one project with 5,000),
 * written in bulk straight into the migrated schema. Tasks are generated in creation order over three
 * years: old ones are mostly done, recent ones open, each appended to its captain's queue and its
 * project's backlog (ranks from `rankBetween`, as the app assigns them). Then two years of tracked
 * time (`seed-time.ts`).
 */
import { deadlineInstant } from '../../shared/deadline.js';
import { rankBetween } from '../../server/features/tasks/rank.js';
import { Random } from './random.js';
import { seedTime, type TimeSeedSummary } from './seed-time.js';
import { description, title } from './words.js';
import type { BulkWriter, Columns, Row } from './writer.js';

export interface SeedOptions {
  organizationId: number;
  tasks: number;
  /** Time entries over the last two years (none when 0). */
  timeEntries?: number;
  users?: number;
  projects?: number;
  bigProjectTasks?: number;
  seed?: number;
  now?: Date;
  log?: (message: string) => void;
}

export interface SeedSummary extends TimeSeedSummary {
  organizationId: number;
  users: number;
  projects: number;
  projectMembers: number;
  clients: number;
  tasks: number;
  openTasks: number;
  collaborators: number;
  labels: number;
  searchRows: number;
  bigProjectId: number;
  bigProjectTasks: number;
  /** Bench actors: an organization manager who manages the big project, members, the owner. */
  managerId: number;
  memberIds: number[];
  ownerId: number;
}

const OPEN_SPLIT: readonly [string, number][] = [
  ['planned', 0.45],
  ['in_progress', 0.3],
  ['waiting', 0.1],
  ['review', 0.15],
];
const ACTIVITY_TYPES = ['design', 'development', 'writing', 'meeting', 'support', 'admin'];
const LABELS = ['urgent', 'frontend', 'backend', 'content', 'bug', 'client-request', 'internal', 'legal'];
const CLIENT_NAMES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark',
  'Wayne',
  'Tyrell',
  'Soylent',
  'Cyberdyne',
  'Wonka',
  'Vandelay',
];
const DAY = 24 * 3600_000;
const HISTORY_MS = 3 * 365 * DAY;
const TASK_CHUNK = 10_000;

const COLUMNS = {
  users: [
    ['id', 'int'],
    ['email', 'text'],
    ['name', 'text'],
    ['password_hash', 'text'],
    ['locale', 'text'],
    ['is_instance_admin', 'bool'],
    ['last_organization_id', 'int'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  memberships: [
    ['organization_id', 'int'],
    ['user_id', 'int'],
    ['role', 'text'],
    ['capacity_minutes', 'int'],
    ['active', 'bool'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  clients: [
    ['id', 'int'],
    ['organization_id', 'int'],
    ['name', 'text'],
    ['contact', 'text'],
    ['notes', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  projects: [
    ['id', 'int'],
    ['organization_id', 'int'],
    ['client_id', 'int'],
    ['key', 'text'],
    ['name', 'text'],
    ['description', 'text'],
    ['state', 'text'],
    ['review_required', 'bool'],
    ['next_task_number', 'int'],
    ['created_by', 'int'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  project_members: [
    ['project_id', 'int'],
    ['user_id', 'int'],
    ['organization_id', 'int'],
    ['role', 'text'],
    ['created_at', 'timestamptz'],
  ],
  tasks: [
    ['id', 'int'],
    ['organization_id', 'int'],
    ['project_id', 'int'],
    ['number', 'int'],
    ['title', 'text'],
    ['description', 'text'],
    ['status', 'text'],
    ['captain_id', 'int'],
    ['created_by', 'int'],
    ['deadline', 'text'],
    ['deadline_at', 'timestamptz'],
    ['estimate_minutes', 'int'],
    ['activity_type', 'text'],
    ['labels', 'text'],
    ['reason', 'text'],
    ['waiting_on_user_id', 'int'],
    ['waiting_on_external', 'text'],
    ['waiting_since', 'timestamptz'],
    ['queue_rank', 'text'],
    ['project_rank', 'text'],
    ['version', 'int'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['status_changed_at', 'timestamptz'],
    ['closed_at', 'timestamptz'],
  ],
  task_collaborators: [
    ['task_id', 'int'],
    ['user_id', 'int'],
  ],
  task_labels: [
    ['task_id', 'int'],
    ['organization_id', 'int'],
    ['label', 'text'],
  ],
} as const satisfies Record<string, Columns>;

const SQLITE_SEARCH: Columns = [
  ['rowid', 'int'],
  ['document', 'text'],
];
const PG_SEARCH: Columns = [
  ['task_id', 'int'],
  ['organization_id', 'int'],
  ['document', 'text'],
];

/** Ranks in append order (`rankBetween(last, null)` repeatedly), shared by every list: the n-th task of a list gets the n-th. */
class AppendRanks {
  private readonly ranks: string[] = [];
  at(index: number): string {
    while (this.ranks.length <= index) this.ranks.push(rankBetween(this.ranks.at(-1) ?? null, null));
    return this.ranks[index]!;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export async function seed(writer: BulkWriter, options: SeedOptions): Promise<SeedSummary> {
  const random = new Random(options.seed ?? 20261121);
  const log = options.log ?? (() => {});
  const organizationId = options.organizationId;
  const userCount = options.users ?? 500;
  const projectCount = options.projects ?? 2000;
  const taskCount = options.tasks;
  const bigProjectTasks = Math.min(options.bigProjectTasks ?? 5000, Math.floor(taskCount / 2));
  const now = (options.now ?? new Date()).getTime();
  const start = now - HISTORY_MS;
  const pg = writer.engine === 'postgres';

  // People: one owner, two admins, managers, members.
  const roleOf = (userId: number) => (userId === 1 ? 'owner' : userId <= 3 ? 'admin' : userId <= 40 ? 'manager' : 'member');
  const userRows: Row[] = [];
  const membershipRows: Row[] = [];
  for (let id = 1; id <= userCount; id += 1) {
    const created = iso(start - random.int(0, 365) * DAY);
    userRows.push([id, `person${id}@bench.example`, `Person ${id}`, null, 'en', id === 1, organizationId, created, created]);
    membershipRows.push([organizationId, id, roleOf(id), 2400, true, created, created]);
  }
  await writer.insert('users', COLUMNS.users, userRows);
  await writer.insert('memberships', COLUMNS.memberships, membershipRows);
  const managers = Array.from({ length: 37 }, (_, index) => index + 4);
  const managerId = 4;
  const memberIds = [100, 101, 102, 103, 104, 105, 106, 107];
  const ownerId = 1;

  const clientRows: Row[] = [];
  for (let id = 1; id <= 150; id += 1) {
    clientRows.push([id, organizationId, `${random.pick(CLIENT_NAMES)} ${id}`, '', '', iso(start), iso(start)]);
  }
  await writer.insert('clients', COLUMNS.clients, clientRows);

  // Membership: each person in 10–40 projects, one to two managers per project, ~30 people on the big project.
  const bigProjectId = 1;
  const members = new Map<number, Map<number, 'manager' | 'member'>>();
  for (let projectId = 1; projectId <= projectCount; projectId += 1) members.set(projectId, new Map());
  const allProjects = Array.from({ length: projectCount }, (_, index) => index + 1);
  for (let userId = 1; userId <= userCount; userId += 1) {
    for (const projectId of random.sample(allProjects, random.int(10, 40))) members.get(projectId)!.set(userId, 'member');
  }
  for (let projectId = 1; projectId <= projectCount; projectId += 1) {
    for (const userId of random.sample(managers, random.int(1, 2))) members.get(projectId)!.set(userId, 'manager');
  }
  const big = members.get(bigProjectId)!;
  big.set(managerId, 'manager');
  for (const userId of memberIds) big.set(userId, 'member');
  for (let index = 0; big.size < 30; index += 1) big.set(200 + index, 'member');
  const memberLists = new Map<number, number[]>([...members].map(([projectId, map]) => [projectId, [...map.keys()]]));

  // Tasks per project: 5,000 in the big one, the rest log-normally spread (a few hundred typically).
  const counts = new Int32Array(projectCount + 1);
  counts[bigProjectId] = bigProjectTasks;
  const weights = allProjects.map((projectId) => (projectId === bigProjectId ? 0 : Math.exp(0.8 * gaussian(random))));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const rest = taskCount - bigProjectTasks;
  const cap = Math.max(1, Math.floor(bigProjectTasks * 0.8));
  let assigned = 0;
  for (let index = 0; index < projectCount; index += 1) {
    const projectId = index + 1;
    if (projectId === bigProjectId) continue;
    counts[projectId] = Math.min(cap, Math.floor((weights[index]! / totalWeight) * rest));
    assigned += counts[projectId]!;
  }
  while (assigned < rest) {
    const projectId = random.int(2, projectCount);
    if (counts[projectId]! < cap) {
      counts[projectId]! += 1;
      assigned += 1;
    }
  }

  const projectRows: Row[] = [];
  const memberRows: Row[] = [];
  const archived = new Set<number>();
  for (const projectId of allProjects) {
    const state = projectId === bigProjectId ? 'active' : random.chance(0.85) ? 'active' : random.chance(0.66) ? 'on_hold' : 'archived';
    if (state === 'archived') archived.add(projectId);
    const created = iso(start - random.int(0, 90) * DAY);
    const key = projectId === bigProjectId ? 'BIG' : `P${String(projectId).padStart(4, '0')}`;
    const name = projectId === bigProjectId ? 'Atlas platform relaunch' : `${random.pick(CLIENT_NAMES)} project ${projectId}`;
    const createdBy = [...members.get(projectId)!].find(([, role]) => role === 'manager')![0];
    projectRows.push([
      projectId,
      organizationId,
      random.int(1, 150),
      key,
      name,
      `Work for ${name}.`,
      state,
      random.chance(0.7),
      counts[projectId]! + 1,
      createdBy,
      created,
      created,
    ]);
    for (const [userId, role] of members.get(projectId)!) memberRows.push([projectId, userId, organizationId, role, created]);
  }
  await writer.insert('projects', COLUMNS.projects, projectRows);
  await writer.insert('project_members', COLUMNS.project_members, memberRows);
  await writer.flush();
  log(`seed: ${userCount} people, ${projectCount} projects, ${memberRows.length} project memberships`);

  // Creation order: every task's project, shuffled over the three years.
  const order = new Int32Array(taskCount);
  let position = 0;
  for (let projectId = 1; projectId <= projectCount; projectId += 1) {
    for (let count = 0; count < counts[projectId]!; count += 1) order[position++] = projectId;
  }
  random.shuffle(order);

  const ranks = new AppendRanks();
  const numberInProject = new Int32Array(projectCount + 1);
  const queueLength = new Int32Array(userCount + 1);
  const deadlines = new Map<string, string>();
  const deadlineAt = (deadline: string) => {
    let value = deadlines.get(deadline);
    if (value === undefined) {
      value = deadlineInstant(deadline, 'UTC').toISOString();
      deadlines.set(deadline, value);
    }
    return value;
  };
  const taskActivities = new Int8Array(taskCount).fill(-1);
  const clientOf = (projectId: number) => (projectRows[projectId - 1]![4] as string).split(' ')[0]!;

  let openTasks = 0;
  let collaborators = 0;
  let labels = 0;
  for (let chunkStart = 0; chunkStart < taskCount; chunkStart += TASK_CHUNK) {
    const taskRows: Row[] = [];
    const searchRows: Row[] = [];
    const collaboratorRows: Row[] = [];
    const labelRows: Row[] = [];
    const chunkEnd = Math.min(taskCount, chunkStart + TASK_CHUNK);
    for (let index = chunkStart; index < chunkEnd; index += 1) {
      const id = index + 1;
      const projectId = order[index]!;
      const projectMembers = memberLists.get(projectId)!;
      const created = start + Math.floor((index / taskCount) * HISTORY_MS) + random.int(0, 3600_000);
      const age = now - created;
      const openChance = archived.has(projectId) ? 0 : age < 30 * DAY ? 0.7 : age < 180 * DAY ? 0.2 : 0.03;
      let status: string;
      if (random.chance(openChance)) {
        status = pickShare(OPEN_SPLIT, random.next());
        openTasks += 1;
      } else {
        status = random.chance(0.93) ? 'done' : 'cancelled';
      }
      const needsCaptain = status !== 'planned' && status !== 'cancelled';
      const captainId = needsCaptain || random.chance(status === 'planned' ? 0.75 : 0.9) ? random.pick(projectMembers) : null;
      const hasDeadline = needsCaptain || random.chance(0.8);
      const deadlineDay = new Date(created + random.int(2, 45) * DAY).toISOString().slice(0, 10);
      const deadline = hasDeadline ? (random.chance(0.1) ? `${deadlineDay}T17:00` : deadlineDay) : null;
      const closed = status === 'done' || status === 'cancelled';
      const changed = closed
        ? Math.min(now - 60_000, created + random.int(1, 40) * DAY)
        : status === 'planned'
          ? created
          : created + Math.floor(random.next() * age);
      const taskLabels = random.chance(0.1) ? random.sample(LABELS, random.int(1, 2)) : [];
      const waiting = status === 'waiting';
      const waitingOnUser = waiting && random.chance(0.4) ? random.pick(projectMembers) : null;
      const number = ++numberInProject[projectId]!;
      const taskTitle = title(random, clientOf(projectId));
      const taskDescription = description(random);
      // Drawn in the order the row lists them, so the tasks stay those of earlier seed versions.
      const createdBy = random.pick(projectMembers);
      const estimate = random.chance(0.6) ? random.int(1, 16) * 30 : null;
      const activityType = random.chance(0.7) ? random.pick(ACTIVITY_TYPES) : null;
      if (activityType) taskActivities[index] = ACTIVITY_TYPES.indexOf(activityType);
      taskRows.push([
        id,
        organizationId,
        projectId,
        number,
        taskTitle,
        taskDescription,
        status,
        captainId,
        createdBy,
        deadline,
        deadline && deadlineAt(deadline),
        estimate,
        activityType,
        taskLabels.join(','),
        waiting ? 'Waiting for the client’s assets' : null,
        waitingOnUser,
        waiting && waitingOnUser === null ? 'Client' : null,
        waiting ? iso(changed) : null,
        captainId === null ? 'a0' : ranks.at(queueLength[captainId]!++),
        ranks.at(number - 1),
        status === 'planned' ? random.int(1, 2) : random.int(2, 7),
        iso(created),
        iso(changed),
        iso(changed),
        closed ? iso(changed) : null,
      ]);
      const document = `${taskTitle}\n\n${taskDescription}`;
      searchRows.push(pg ? [id, organizationId, document] : [id, document]);
      if (random.chance(0.05)) {
        for (const userId of random.sample(projectMembers, random.int(1, 2))) {
          if (userId !== captainId) collaboratorRows.push([id, userId]);
        }
      }
      for (const label of taskLabels) labelRows.push([id, organizationId, label]);
    }
    await writer.insert('tasks', COLUMNS.tasks, taskRows);
    // The rows below reference these tasks: on PostgreSQL they must be committed first.
    if (pg) await writer.flush();
    await writer.insert('task_search', pg ? PG_SEARCH : SQLITE_SEARCH, searchRows);
    if (collaboratorRows.length > 0) await writer.insert('task_collaborators', COLUMNS.task_collaborators, collaboratorRows);
    if (labelRows.length > 0) await writer.insert('task_labels', COLUMNS.task_labels, labelRows);
    collaborators += collaboratorRows.length;
    labels += labelRows.length;
    if (chunkEnd % 100_000 === 0 || chunkEnd === taskCount) log(`seed: ${chunkEnd.toLocaleString('en')} tasks`);
  }
  await writer.flush();
  if (pg) {
    for (const table of ['users', 'clients', 'projects', 'tasks']) {
      await writer.run(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
    }
  }
  const time = await seedTime(writer, {
    organizationId,
    projectMembers: memberLists,
    bigProjectId,
    taskProjects: order,
    taskActivities,
    activityKeys: ACTIVITY_TYPES,
    historyStart: start,
    historyMs: HISTORY_MS,
    now,
    entries: options.timeEntries ?? 0,
    log,
  });
  return {
    ...time,
    organizationId,
    users: userCount,
    projects: projectCount,
    projectMembers: memberRows.length,
    clients: clientRows.length,
    tasks: taskCount,
    openTasks,
    collaborators,
    labels,
    searchRows: taskCount,
    bigProjectId,
    bigProjectTasks,
    managerId,
    memberIds,
    ownerId,
  };
}

function pickShare(shares: readonly [string, number][], roll: number): string {
  let rest = roll;
  for (const [value, share] of shares) {
    rest -= share;
    if (rest < 0) return value;
  }
  return shares[0]![0];
}

function gaussian(random: Random): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
