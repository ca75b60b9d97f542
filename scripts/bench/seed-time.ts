/**
 * Time tracking for the reference organization: entries over the last two years of working days, about
 * eight a person a day on tasks of their own projects that were recently created, most of each person's
 * time on one main project (the big project for its 30 people), weekly timesheets (older weeks mostly
 * approved, recent ones submitted or open), and every task's tracked total set to the sum of its entries.
 */
import { weekStartOf } from '../../shared/time.js';
import { Random } from './random.js';
import type { BulkWriter, Columns, Row } from './writer.js';

export interface TimeSeedInput {
  organizationId: number;
  /** Project id → its members' ids. */
  projectMembers: ReadonlyMap<number, readonly number[]>;
  bigProjectId: number;
  /** Task index (id − 1) → project id, in creation order. */
  taskProjects: Int32Array;
  /** Task index → index into the activity keys, or −1. */
  taskActivities: Int8Array;
  activityKeys: readonly string[];
  /** When the first task was created and the whole history's length (tasks are created evenly over it). */
  historyStart: number;
  historyMs: number;
  now: number;
  entries: number;
  seed?: number;
  log?: (message: string) => void;
}

export interface TimeSeedSummary {
  timeEntries: number;
  timesheets: number;
  approvedWeeks: number;
  /** First and last date with entries. */
  timeFrom: string;
  timeTo: string;
}

const DAY = 24 * 3600_000;
const TIME_HISTORY_DAYS = 730;
/** Entries go on tasks created at most this long before the day. */
const TASK_WINDOW_MS = 60 * DAY;
const MAIN_PROJECT_SHARE = 0.4;
const NOTES = [
  'Wireframes for the homepage',
  'Client call, agreed next steps',
  'Fixed review comments',
  'Müşteri toplantısı, revizyonlar konuşuldu',
  'Copy for the landing page',
  'Deploy to staging, smoke test',
  'Sprint planning',
  'Görseller hazırlandı',
  'Invoice export, rates checked',
  'Bug triage with support',
];

const ENTRY_COLUMNS: Columns = [
  ['id', 'int'],
  ['organization_id', 'int'],
  ['user_id', 'int'],
  ['task_id', 'int'],
  ['project_id', 'int'],
  ['activity_type_id', 'int'],
  ['date', 'text'],
  ['week_start', 'text'],
  ['minutes', 'int'],
  ['start_time', 'text'],
  ['billable', 'bool'],
  ['note', 'text'],
  ['source', 'text'],
  ['created_by', 'int'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

const TIMESHEET_COLUMNS: Columns = [
  ['id', 'int'],
  ['organization_id', 'int'],
  ['user_id', 'int'],
  ['week_start', 'text'],
  ['status', 'text'],
  ['submitted_at', 'timestamptz'],
  ['decided_at', 'timestamptz'],
  ['decided_by', 'int'],
  ['comment', 'text'],
  ['updated_at', 'timestamptz'],
];

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The largest index in `sorted` whose value is ≤ `value`, or −1. */
function lastAtMost(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

export async function seedTime(writer: BulkWriter, input: TimeSeedInput): Promise<TimeSeedSummary> {
  if (input.entries <= 0) return { timeEntries: 0, timesheets: 0, approvedWeeks: 0, timeFrom: '', timeTo: '' };
  const random = new Random(input.seed ?? 20261122);
  const log = input.log ?? (() => {});
  const { organizationId, taskProjects, historyStart, historyMs } = input;
  const taskCount = taskProjects.length;

  const activityRows = await writer.all<{ id: number; key: string; billable: number | boolean }>(
    writer.engine === 'postgres'
      ? 'select id, key, billable from activity_types where organization_id = $1'
      : 'select id, key, billable from activity_types where organization_id = ?',
    [organizationId],
  );
  const activityIds = input.activityKeys.map((key) => activityRows.find((row) => row.key === key)?.id ?? null);
  const nonBillable = new Set(activityRows.filter((row) => !row.billable).map((row) => row.id));
  const allActivityIds = activityRows.map((row) => row.id);

  // Tasks of each project, by id (= creation order).
  const perProject = new Map<number, number[]>();
  for (let index = 0; index < taskCount; index += 1) {
    const projectId = taskProjects[index]!;
    const list = perProject.get(projectId);
    if (list) list.push(index + 1);
    else perProject.set(projectId, [index + 1]);
  }
  const tasksOf = new Map<number, Int32Array>([...perProject].map(([projectId, ids]) => [projectId, Int32Array.from(ids)]));
  perProject.clear();
  const projectsOf = new Map<number, number[]>();
  for (const [projectId, members] of input.projectMembers) {
    for (const userId of members) {
      const list = projectsOf.get(userId);
      if (list) list.push(projectId);
      else projectsOf.set(userId, [projectId]);
    }
  }
  const mainProject = new Map<number, number>();
  for (const [userId, projects] of projectsOf) {
    mainProject.set(userId, projects.includes(input.bigProjectId) ? input.bigProjectId : random.pick(projects));
  }
  const people = [...projectsOf.keys()].sort((a, b) => a - b);

  // Working days (Monday to Friday) of the last two years, up to yesterday.
  const today = Date.UTC(new Date(input.now).getUTCFullYear(), new Date(input.now).getUTCMonth(), new Date(input.now).getUTCDate());
  const days: number[] = [];
  for (let day = today - TIME_HISTORY_DAYS * DAY; day < today; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }

  // Entries per person and day: about the average, adjusted so the total is exact.
  const cells = people.length * days.length;
  const average = input.entries / cells;
  const counts = new Uint8Array(cells);
  let total = 0;
  for (let cell = 0; cell < cells; cell += 1) {
    const count = Math.max(0, Math.floor(average * (0.6 + 0.8 * random.next())) + (random.chance(0.5) ? 1 : 0));
    counts[cell] = Math.min(20, count);
    total += counts[cell]!;
  }
  while (total !== input.entries) {
    const cell = random.int(0, cells - 1);
    if (total < input.entries && counts[cell]! < 20) {
      counts[cell]! += 1;
      total += 1;
    } else if (total > input.entries && counts[cell]! > 0) {
      counts[cell]! -= 1;
      total -= 1;
    }
  }

  /** A task of `projectId` created in the 60 days before `day`, else its latest one before `day`; 0 when it had none yet. */
  const taskOn = (projectId: number, day: number): number => {
    const ids = tasksOf.get(projectId);
    if (!ids) return 0;
    const newest = Math.floor(((day + DAY - historyStart) / historyMs) * taskCount);
    const oldest = Math.floor(((day - TASK_WINDOW_MS - historyStart) / historyMs) * taskCount);
    const last = lastAtMost(ids, newest);
    if (last < 0) return 0;
    const first = lastAtMost(ids, oldest) + 1;
    return ids[first <= last ? random.int(first, last) : last]!;
  };

  let id = 0;
  let rows: Row[] = [];
  for (const [dayIndex, day] of days.entries()) {
    const date = isoDate(day);
    const weekStart = weekStartOf(date, 1);
    const createdAt = new Date(day + 17 * 3600_000).toISOString();
    for (const [personIndex, userId] of people.entries()) {
      const count = counts[personIndex * days.length + dayIndex]!;
      const projects = projectsOf.get(userId)!;
      for (let entry = 0; entry < count; entry += 1) {
        let projectId = random.chance(MAIN_PROJECT_SHARE) ? mainProject.get(userId)! : random.pick(projects);
        let taskId = taskOn(projectId, day);
        for (let attempt = 0; taskId === 0 && attempt < 5; attempt += 1) {
          projectId = random.pick(projects);
          taskId = taskOn(projectId, day);
        }
        if (taskId === 0) {
          // None of the person's projects had a task yet: the newest task of the company.
          taskId = Math.max(1, Math.min(taskCount, Math.floor(((day - historyStart) / historyMs) * taskCount)));
          projectId = taskProjects[taskId - 1]!;
        }
        const activityIndex = input.taskActivities[taskId - 1]!;
        const activityTypeId = activityIndex >= 0 ? activityIds[activityIndex]! : random.chance(0.5) ? random.pick(allActivityIds) : null;
        const billable = (activityTypeId === null || !nonBillable.has(activityTypeId)) && random.chance(0.9);
        rows.push([
          ++id,
          organizationId,
          userId,
          taskId,
          projectId,
          activityTypeId,
          date,
          weekStart,
          15 * random.int(1, 8),
          random.chance(0.3) ? `${String(random.int(8, 17)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}` : null,
          billable,
          random.chance(0.35) ? '' : random.pick(NOTES),
          random.chance(0.4) ? 'timer' : 'manual',
          userId,
          createdAt,
          createdAt,
        ]);
      }
    }
    if (rows.length >= 40_000 || dayIndex === days.length - 1) {
      await writer.insert('time_entries', ENTRY_COLUMNS, rows);
      rows = [];
    }
    if ((dayIndex + 1) % 100 === 0) log(`seed: time entries through ${date} (${id.toLocaleString('en')})`);
  }
  await writer.flush();
  log(`seed: ${id.toLocaleString('en')} time entries`);

  // Timesheets: weeks older than three weeks mostly approved; the last three submitted or still open.
  const sheetRows: Row[] = [];
  let approvedWeeks = 0;
  const weeks: string[] = [];
  for (let week = weekStartOf(isoDate(days[0]!), 1); week <= isoDate(today); week = isoDate(Date.parse(`${week}T00:00:00Z`) + 7 * DAY))
    weeks.push(week);
  for (const userId of people) {
    for (const week of weeks) {
      const weekMs = Date.parse(`${week}T00:00:00Z`);
      const recent = today - weekMs < 21 * DAY;
      const roll = random.next();
      const status = recent
        ? roll < 0.4
          ? 'submitted'
          : null
        : roll < 0.85
          ? 'approved'
          : roll < 0.86
            ? 'rejected'
            : roll < 0.9
              ? 'submitted'
              : null;
      if (!status) continue;
      if (status === 'approved') approvedWeeks += 1;
      const submitted = new Date(weekMs + 4 * DAY + 16 * 3600_000).toISOString();
      const decided = status === 'approved' || status === 'rejected' ? new Date(weekMs + 7 * DAY + 10 * 3600_000).toISOString() : null;
      sheetRows.push([
        sheetRows.length + 1,
        organizationId,
        userId,
        week,
        status,
        submitted,
        decided,
        decided ? 4 : null,
        status === 'rejected' ? 'Please split the meetings per task.' : null,
        decided ?? submitted,
      ]);
    }
  }
  await writer.insert('timesheets', TIMESHEET_COLUMNS, sheetRows);
  await writer.flush();

  log('seed: tasks’ tracked totals');
  if (writer.engine === 'postgres') {
    await writer.run(
      'update tasks set tracked_minutes = s.minutes from (select task_id, sum(minutes) as minutes from time_entries group by task_id) s where tasks.id = s.task_id',
    );
    for (const table of ['time_entries', 'timesheets']) {
      await writer.run(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
    }
  } else {
    await writer.run(
      'update tasks set tracked_minutes = (select sum(minutes) from time_entries where task_id = tasks.id) where id in (select task_id from time_entries)',
    );
  }
  return { timeEntries: id, timesheets: sheetRows.length, approvedWeeks, timeFrom: isoDate(days[0]!), timeTo: isoDate(days.at(-1)!) };
}
