/** The project list's filters, kept in the address (shareable, back-button friendly) and as saved filters. */
import { OPEN_STATUSES, TASK_STATUSES, type TaskStatus } from '../../../../shared/workflow.js';
import type { TaskFilter } from '../keys.js';

export type ListSort = 'project' | 'deadline' | 'updated';
export const LIST_SORTS: readonly ListSort[] = ['project', 'deadline', 'updated'];

export interface ListParams {
  q: string;
  /** Empty: every status. */
  statuses: TaskStatus[];
  captainId: number | null;
  milestoneId: number | null;
  label: string;
  overdue: boolean;
  sort: ListSort;
}

/** Server page size for the list: big pages, few round trips (the server allows up to 500). */
export const LIST_PAGE_SIZE = 500;

function positive(value: string | null): number | null {
  const number = Number(value);
  return value && Number.isInteger(number) && number > 0 ? number : null;
}

/** Without a status in the address the list shows open work; `status=all` shows everything. */
export function readListParams(params: URLSearchParams): ListParams {
  const status = params.get('status');
  const statuses =
    status === null
      ? [...OPEN_STATUSES]
      : status === 'all'
        ? []
        : status.split(',').filter((value): value is TaskStatus => (TASK_STATUSES as readonly string[]).includes(value));
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    statuses,
    captainId: positive(params.get('captainId')),
    milestoneId: positive(params.get('milestoneId')),
    label: params.get('label') ?? '',
    overdue: params.get('overdue') === 'true',
    sort: (LIST_SORTS as readonly string[]).includes(sort ?? '') ? (sort as ListSort) : 'project',
  };
}

function sameStatuses(a: readonly TaskStatus[], b: readonly TaskStatus[]): boolean {
  return a.length === b.length && a.every((status) => b.includes(status));
}

export function writeListParams(list: ListParams): URLSearchParams {
  const params = new URLSearchParams();
  if (list.q.trim()) params.set('q', list.q.trim());
  if (list.statuses.length === 0) params.set('status', 'all');
  else if (!sameStatuses(list.statuses, OPEN_STATUSES))
    params.set('status', TASK_STATUSES.filter((s) => list.statuses.includes(s)).join(','));
  if (list.captainId) params.set('captainId', String(list.captainId));
  if (list.milestoneId) params.set('milestoneId', String(list.milestoneId));
  if (list.label.trim()) params.set('label', list.label.trim().toLowerCase());
  if (list.overdue) params.set('overdue', 'true');
  if (list.sort !== 'project') params.set('sort', list.sort);
  return params;
}

export function isDefaultList(list: ListParams): boolean {
  return writeListParams(list).toString() === '';
}

export function toTaskFilter(projectId: number, list: ListParams): TaskFilter {
  return {
    projectId,
    ...(list.statuses.length > 0 ? { status: list.statuses } : {}),
    ...(list.captainId ? { captainId: list.captainId } : {}),
    ...(list.milestoneId ? { milestoneId: list.milestoneId } : {}),
    ...(list.label.trim() ? { label: list.label.trim().toLowerCase() } : {}),
    ...(list.overdue ? { overdue: true } : {}),
    ...(list.q.trim() ? { q: list.q.trim() } : {}),
    sort: list.sort,
    limit: LIST_PAGE_SIZE,
  };
}

/** A saved filter holds `GET /tasks` parameters as strings. */
export function toSavedQuery(projectId: number, list: ListParams): Record<string, string> {
  const query: Record<string, string> = { projectId: String(projectId), sort: list.sort };
  if (list.statuses.length > 0) query.status = list.statuses.join(',');
  if (list.captainId) query.captainId = String(list.captainId);
  if (list.milestoneId) query.milestoneId = String(list.milestoneId);
  if (list.label.trim()) query.label = list.label.trim().toLowerCase();
  if (list.overdue) query.overdue = 'true';
  if (list.q.trim()) query.q = list.q.trim();
  return query;
}

export function fromSavedQuery(query: Record<string, string>): ListParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (key !== 'projectId' && key !== 'limit') params.set(key, value);
  if (!query.status) params.set('status', 'all');
  return readListParams(params);
}
