/** Time reports as server state: one report per query string, the previous one kept on screen while the next loads. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { TimeReportSchema } from '../../../shared/time.js';
import { apiFetch } from '../../api/client.js';
import { timeKeys } from '../time/keys.js';

/**
 * `GET /reports/time?<query>`; `query` comes from `toReportQuery`, so equal filters share one cache
 * entry. Null while the filters cannot make a query yet (a custom date still empty).
 */
export function useTimeReport(query: string | null) {
  return useQuery({
    queryKey: timeKeys.report(query ?? ''),
    queryFn: ({ signal }) => apiFetch(`/reports/time?${query}`, { schema: TimeReportSchema, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
