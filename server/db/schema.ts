/**
 * The tables as Kysely sees them (snake_case, as stored). Timestamps are written as ISO-8601 UTC
 * strings and read back as strings (SQLite) or Dates (PostgreSQL); booleans read as 0/1 on SQLite.
 * `db/rows.ts` maps both to domain values.
 */
import type { ColumnType, Generated, SqlBool } from 'kysely';

export type Timestamp = ColumnType<Date | string, string, string>;
export type Bool = ColumnType<SqlBool, boolean, boolean>;

export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  time_zone: string;
  currency: string;
  week_start: number;
  /** ISO weekdays joined by commas, e.g. "1,2,3,4,5". */
  working_days: string;
  workday_start: string;
  workday_end: string;
  /** The sequence number of the organization's latest live-update event. */
  event_seq: Generated<number>;
  /** Local time the daily digest goes out, HH:MM. */
  digest_time: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  /** Lower-cased; unique per install. */
  email: string;
  name: string;
  /** Null until an invited person sets a password. */
  password_hash: string | null;
  locale: string;
  is_instance_admin: Bool;
  last_organization_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  role: string;
  capacity_minutes: number;
  active: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  organization_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** Absolute expiry; idle expiry is derived from last_seen_at. */
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

export interface InvitationsTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  token_hash: string;
  created_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface ClientsTable {
  id: Generated<number>;
  organization_id: number;
  name: string;
  contact: string;
  notes: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectsTable {
  id: Generated<number>;
  organization_id: number;
  client_id: number | null;
  key: string;
  name: string;
  description: string;
  start_date: string | null;
  end_date: string | null;
  state: string;
  review_required: Bool;
  /** Whether time on this project is billable unless said otherwise. */
  billable: ColumnType<SqlBool, boolean | undefined, boolean>;
  /** The number the next task of this project gets (KEY-n). */
  next_task_number: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectMembersTable {
  project_id: number;
  user_id: number;
  organization_id: number;
  role: string;
  created_at: Timestamp;
}

export interface MilestonesTable {
  id: Generated<number>;
  organization_id: number;
  project_id: number;
  title: string;
  due_date: string | null;
  deliverables: string;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActivityTypesTable {
  id: Generated<number>;
  organization_id: number;
  key: string;
  name: string;
  color: string;
  billable: Bool;
  active: Bool;
  position: number;
}

export interface TasksTable {
  id: Generated<number>;
  organization_id: number;
  project_id: number;
  number: number;
  title: string;
  description: string;
  status: string;
  captain_id: number | null;
  created_by: number;
  milestone_id: number | null;
  parent_id: number | null;
  /** As given, in the organization's time zone: 2026-03-31 or 2026-03-31T17:00. */
  deadline: string | null;
  /** The UTC instant the deadline passes; overdue queries compare against it. */
  deadline_at: Timestamp | null;
  estimate_minutes: number | null;
  /** Running sum of the task's time entries, updated with every entry change. */
  tracked_minutes: Generated<number>;
  activity_type: string | null;
  /** Labels joined by commas, for display; task_labels serves filtering. */
  labels: Generated<string>;
  reason: string | null;
  waiting_on_user_id: number | null;
  waiting_on_external: string | null;
  waiting_since: Timestamp | null;
  feedback: string | null;
  queue_rank: string;
  project_rank: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  status_changed_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface TaskCollaboratorsTable {
  task_id: number;
  user_id: number;
}

export interface TaskLabelsTable {
  task_id: number;
  organization_id: number;
  label: string;
}

export interface TaskDependenciesTable {
  task_id: number;
  blocked_by_id: number;
  organization_id: number;
}

export interface TaskEventsTable {
  id: Generated<number>;
  organization_id: number;
  task_id: number;
  actor_id: number | null;
  kind: string;
  /** JSON. */
  data: string;
  created_at: Timestamp;
}

export interface CommentsTable {
  id: Generated<number>;
  organization_id: number;
  task_id: number;
  author_id: number;
  body: string;
  /** Mentioned user ids joined by commas. */
  mentions: Generated<string>;
  created_at: Timestamp;
  edited_at: Timestamp | null;
}

export interface AttachmentsTable {
  id: Generated<number>;
  organization_id: number;
  task_id: number;
  uploader_id: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: Timestamp;
}

export interface SavedFiltersTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  name: string;
  /** JSON object of list query parameters. */
  query: string;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  user_id: number;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: string | null;
  created_at: Timestamp;
}

/** PostgreSQL: task_id, organization_id, document (+ generated tsvector). SQLite: an FTS5 table keyed by rowid = task id. */
export interface TaskSearchTable {
  task_id: number;
  rowid?: number;
  organization_id: number;
  document: string;
}

export interface EventsTable {
  organization_id: number;
  seq: number;
  type: string;
  project_id: number | null;
  task_id: number | null;
  actor_id: number | null;
  /** JSON. */
  data: string;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  kind: string;
  task_id: number | null;
  actor_id: number | null;
  /** JSON. */
  data: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface NotificationSettingsTable {
  user_id: number;
  organization_id: number;
  /** JSON: per kind, which channels are on. */
  settings: string;
}

export interface JobsTable {
  id: Generated<number>;
  organization_id: number | null;
  type: string;
  /** JSON, parsed by the job's own schema. */
  payload: string;
  unique_key: string | null;
  status: string;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: number;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface PasswordResetsTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface TimeEntriesTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  task_id: number;
  /** The task's project, copied for reports. */
  project_id: number;
  activity_type_id: number | null;
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** The first day of the timesheet week holding `date` (organization's week start). */
  week_start: string;
  minutes: number;
  /** HH:MM, optional. */
  start_time: string | null;
  billable: Bool;
  note: string;
  /** 'timer' | 'manual' */
  source: string;
  timer_id: number | null;
  created_by: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TimersTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  task_id: number;
  activity_type_id: number | null;
  billable: Bool;
  note: string;
  started_at: Timestamp;
}

export interface TimesheetsTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  week_start: string;
  /** 'open' | 'submitted' | 'approved' | 'rejected' */
  status: string;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: number | null;
  comment: string | null;
  updated_at: Timestamp;
}

export interface MigrationsTable {
  name: string;
  applied_at: string;
}

export interface Schema {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  clients: ClientsTable;
  projects: ProjectsTable;
  project_members: ProjectMembersTable;
  milestones: MilestonesTable;
  activity_types: ActivityTypesTable;
  tasks: TasksTable;
  task_collaborators: TaskCollaboratorsTable;
  task_labels: TaskLabelsTable;
  task_dependencies: TaskDependenciesTable;
  task_events: TaskEventsTable;
  comments: CommentsTable;
  attachments: AttachmentsTable;
  saved_filters: SavedFiltersTable;
  idempotency_keys: IdempotencyKeysTable;
  task_search: TaskSearchTable;
  events: EventsTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  jobs: JobsTable;
  password_resets: PasswordResetsTable;
  time_entries: TimeEntriesTable;
  timers: TimersTable;
  timesheets: TimesheetsTable;
  spine_migrations: MigrationsTable;
}
