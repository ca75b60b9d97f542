/**
 * The time export as CSV and XLSX, written batch by batch to the response: a year of a large company
 * never sits in memory, and a slow download slows the reading of further batches (backpressure).
 */
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { decimalHours, EXPORT_COLUMNS } from '../../../shared/time.js';
import type { ExportRow } from './reports.repository.js';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Lets Excel read the file as UTF-8 (Turkish letters) instead of the machine's legacy code page. */
const BYTE_ORDER_MARK = '\uFEFF';

/** The export's file name for a period, e.g. spine-time-2026-11-01-2026-11-30.csv. */
export function exportFilename(from: string, to: string, extension: 'csv' | 'xlsx'): string {
  return `spine-time-${from}-${to}.${extension}`;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. Text a
 * spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) gets a leading `'`.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record with its CRLF. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** An entry as the export's text columns, in EXPORT_COLUMNS order. */
export function exportFields(row: ExportRow): string[] {
  return [
    row.date,
    row.person,
    row.client ?? '',
    row.project,
    row.taskReference,
    row.taskTitle,
    row.activity ?? '',
    decimalHours(row.minutes).toFixed(2),
    row.billable ? 'yes' : 'no',
    row.note,
    row.approval,
  ];
}

/** The CSV file: byte order mark and header, then each batch as one chunk. */
export function csvStream(batches: AsyncIterable<readonly ExportRow[]>): Readable {
  async function* chunks() {
    yield Buffer.from(BYTE_ORDER_MARK + csvRecord(EXPORT_COLUMNS));
    for await (const batch of batches) {
      let text = '';
      for (const row of batch) text += csvRecord(exportFields(row));
      yield Buffer.from(text);
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

const XLSX_COLUMNS: Record<(typeof EXPORT_COLUMNS)[number], { width: number; numFmt?: string }> = {
  Date: { width: 12, numFmt: 'yyyy-mm-dd' },
  Person: { width: 24 },
  Client: { width: 24 },
  Project: { width: 28 },
  Task: { width: 12 },
  'Task title': { width: 40 },
  Activity: { width: 16 },
  Hours: { width: 8, numFmt: '0.00' },
  Billable: { width: 9 },
  Note: { width: 48 },
  Approval: { width: 11 },
};

/** An entry as an XLSX row: the date as a date, hours as a number, the rest as text (never a formula). */
export function xlsxValues(row: ExportRow): (string | number | Date)[] {
  const fields = exportFields(row);
  return [new Date(`${row.date}T00:00:00Z`), ...fields.slice(1, 7), decimalHours(row.minutes), ...fields.slice(8)];
}

/** Rows the XLSX writer builds before letting other requests run (exceljs works on the event loop, ~50 µs a row). */
const XLSX_ROWS_PER_TURN = 100;

/** Waits until `stream` takes more data, or is gone (the download was cancelled). */
async function drained(stream: PassThrough): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return;
  const gone = new AbortController();
  await Promise.race([once(stream, 'drain', { signal: gone.signal }), once(stream, 'close', { signal: gone.signal })]).catch(() => {});
  gone.abort();
}

/**
 * The XLSX file, written by exceljs's streaming writer straight into the returned stream: rows are
 * committed as they come (no shared strings table, which would grow with the file).
 */
export function xlsxStream(batches: AsyncIterable<readonly ExportRow[]>): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Time', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((header) => ({ header, key: header, width: XLSX_COLUMNS[header].width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  const formats = EXPORT_COLUMNS.map((name) => XLSX_COLUMNS[name].numFmt);

  const write = async () => {
    for await (const batch of batches) {
      for (const [position, entry] of batch.entries()) {
        const row = sheet.addRow(xlsxValues(entry));
        formats.forEach((numFmt, index) => {
          if (numFmt) row.getCell(index + 1).numFmt = numFmt;
        });
        row.commit();
        if (position % XLSX_ROWS_PER_TURN === XLSX_ROWS_PER_TURN - 1) await nextTurn();
      }
      if (output.destroyed) return;
      await drained(output);
      if (output.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}
