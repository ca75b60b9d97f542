import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../shared/time.js';
import { csvField, csvRecord, csvStream, exportFields, exportFilename, xlsxStream } from './export.js';
import type { ExportRow } from './reports.repository.js';

const row: ExportRow = {
  id: 1,
  date: '2026-11-02',
  userId: 3,
  person: 'Çağla Öztürk',
  client: null,
  project: 'Website',
  taskReference: 'WEB-12',
  taskTitle: 'Landing page',
  activity: null,
  minutes: 90,
  billable: true,
  note: 'Ran "A/B", then fixed',
  approval: 'approved',
};

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function* batchesOf(...batches: ExportRow[][]) {
  for (const batch of batches) yield batch;
}

describe('CSV fields', () => {
  it('leaves plain text alone', () => {
    expect(csvField('Landing page')).toBe('Landing page');
    expect(csvField('Toplantı notları: ğüşiöç')).toBe('Toplantı notları: ğüşiöç');
    expect(csvField('')).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('disarms text a spreadsheet would run as a formula', () => {
    expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvField('+90 555')).toBe("'+90 555");
    expect(csvField('-1 hour')).toBe("'-1 hour");
    expect(csvField('@home')).toBe("'@home");
    expect(csvField('\tindent')).toBe("'\tindent");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('ends each record with CRLF', () => {
    expect(csvRecord(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });

  it('writes an entry as the export columns: hours with two decimals, yes/no, empty for no client or activity', () => {
    expect(exportFields(row)).toEqual([
      '2026-11-02',
      'Çağla Öztürk',
      '',
      'Website',
      'WEB-12',
      'Landing page',
      '',
      '1.50',
      'yes',
      'Ran "A/B", then fixed',
      'approved',
    ]);
    expect(exportFields({ ...row, minutes: 20, billable: false })[7]).toBe('0.33');
    expect(exportFields(row)).toHaveLength(EXPORT_COLUMNS.length);
  });

  it('names the file after the period', () => {
    expect(exportFilename('2026-11-01', '2026-11-30', 'csv')).toBe('spine-time-2026-11-01-2026-11-30.csv');
  });
});

describe('export streams', () => {
  it('writes the CSV as a byte order mark, the header and every batch', async () => {
    const text = (await bytesOf(csvStream(batchesOf([row], [{ ...row, id: 2, note: 'x' }])))).toString('utf8');
    expect(text.startsWith('\uFEFFDate,Person,Client,Project,Task,Task title,Activity,Hours,Billable,Note,Approval\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
  });

  it('writes a workbook exceljs reads back, with an empty export still having its header', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(xlsxStream(batchesOf()))) as any);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_COLUMNS]);
  });

  it('fails the XLSX stream when reading a batch fails', async () => {
    async function* failing(): AsyncGenerator<ExportRow[]> {
      yield [row];
      throw new Error('disk gone');
    }
    await expect(bytesOf(xlsxStream(failing()))).rejects.toThrow('disk gone');
  });
});
