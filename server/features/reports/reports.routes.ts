import { z } from 'zod';
import { EXPORT_COLUMNS, MAX_REPORT_DAYS, TimeReportQuerySchema, TimeReportSchema } from '../../../shared/time.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from './export.js';
import * as service from './reports.service.js';

const SCOPE =
  'Owners and admins see everyone’s time; others their own entries and the entries on projects they manage; client accounts are refused (403).';
const PERIOD = `\`from\` and \`to\` are dates in the organization’s time zone, both included, at most ${MAX_REPORT_DAYS} days apart.`;

const fileContent = (contentType: string, description: string) =>
  z.any().meta({ description, content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } });

export function registerReportRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/reports/time',
    {
      schema: {
        summary: 'Time report: totals, capacity and breakdowns by activity, project, person, day and task',
        description: `${PERIOD} ${SCOPE} Capacity counts the filtered people (\`userIds\`), else the people with entries: each one's weekly capacity spread over the organization's working days.`,
        tags: ['reports'],
        querystring: TimeReportQuerySchema,
        response: { 200: TimeReportSchema, ...problemResponses },
      },
    },
    async (request) => service.timeReport(deps, requireActor(request), request.query),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    const contentType = format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE;
    app.get(
      `/reports/time/export.${format}`,
      {
        schema: {
          summary: format === 'csv' ? 'The report’s time entries as CSV' : 'The report’s time entries as an Excel workbook',
          description: `The entries of \`GET /reports/time\` with the same query, ordered by date, person and entry, with the columns ${EXPORT_COLUMNS.join(', ')}. ${
            format === 'csv'
              ? 'UTF-8 with a byte order mark, CRLF line ends; text a spreadsheet would run as a formula starts with an apostrophe.'
              : 'Dates as dates, hours as numbers.'
          } ${PERIOD} ${SCOPE}`,
          tags: ['reports'],
          querystring: TimeReportQuerySchema,
          response: { 200: fileContent(contentType.split(';')[0]!, `The ${format.toUpperCase()} file, streamed`), ...problemResponses },
        },
      },
      async (request, reply) => {
        const file = await service.exportTime(deps, requireActor(request), request.query, format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-cache')
          .send(file.stream);
      },
    );
  }
}
