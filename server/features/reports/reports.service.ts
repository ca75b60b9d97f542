/** Time reports and exports: whose time the caller may see (time-scope), over a period, with filters. */
import type { Readable } from 'node:stream';
import type { TimeReport, TimeReportQuery } from '../../../shared/time.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { timeScopeOf } from '../time/time-scope.js';
import { CSV_CONTENT_TYPE, csvStream, exportFilename, XLSX_CONTENT_TYPE, xlsxStream } from './export.js';
import { assertReportPeriod, buildTimeReport } from './report.js';
import * as repository from './reports.repository.js';

/** Entries per export batch: one indexed range read each, small enough to stream steadily. */
export const EXPORT_BATCH_SIZE = 2000;

function filterOf(query: TimeReportQuery): repository.ReportFilter {
  return {
    from: query.from,
    to: query.to,
    userIds: query.userIds,
    projectIds: query.projectIds,
    clientIds: query.clientIds,
    activityTypeIds: query.activityTypeIds,
    billable: query.billable,
  };
}

/** Clients are refused (403); a backwards or too long period is refused (422). */
async function scopeFor(deps: Deps, actor: Actor, query: TimeReportQuery) {
  assertReportPeriod(query.from, query.to);
  return timeScopeOf(deps.database.db, actor);
}

export async function timeReport(deps: Deps, actor: Actor, query: TimeReportQuery): Promise<TimeReport> {
  const scope = await scopeFor(deps, actor, query);
  const organization = await findOrganization(deps.database.db, actor.organizationId);
  if (!organization) throw new NotFoundError('This organization');
  const sums = await repository.readReportSums(deps.database.db, deps.reader, scope, filterOf(query), organization.workingDays);
  return buildTimeReport(sums);
}

export interface TimeExport {
  filename: string;
  contentType: string;
  stream: Readable;
}

/**
 * The filtered entries as a file, read in keyset batches as the download proceeds. The first batch is
 * read before anything is sent, so a refusal or a failing read still answers with a problem document.
 */
export async function exportTime(deps: Deps, actor: Actor, query: TimeReportQuery, format: 'csv' | 'xlsx'): Promise<TimeExport> {
  const scope = await scopeFor(deps, actor, query);
  const filter = filterOf(query);
  const read = (after: repository.ExportCursor | undefined) =>
    repository.readExportBatch(deps.database.db, deps.reader, scope, filter, after, EXPORT_BATCH_SIZE);
  const first = await read(undefined);
  /** The next batch is read while the current one is written out: the reader and the response work side by side. */
  async function* batches() {
    let batch = first;
    while (batch.length > 0) {
      const last = batch.at(-1)!;
      const next = batch.length < EXPORT_BATCH_SIZE ? undefined : read({ date: last.date, userId: last.userId, id: last.id });
      // A download cancelled meanwhile leaves this read unawaited; its failure must not go unhandled.
      next?.catch(() => {});
      yield batch;
      if (!next) return;
      batch = await next;
    }
  }
  return {
    filename: exportFilename(query.from, query.to, format),
    contentType: format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
    stream: format === 'csv' ? csvStream(batches()) : xlsxStream(batches()),
  };
}
