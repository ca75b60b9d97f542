import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../shared/time.js';
import { createPerson, createProject, createTask, createTeam, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { activityTypeId, createClient, recordTime, recordTimeInBulk, setWeekStatus } from '../../test/time-factories.js';
import { EXPORT_BATCH_SIZE } from './reports.service.js';

const NOVEMBER = 'from=2026-11-01&to=2026-11-30';
const HEADER = EXPORT_COLUMNS.join(',');

describe('time exports', () => {
  let context: TestContext;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let cagla: TestPerson;
  let ahmet: TestPerson;

  beforeAll(async () => {
    context = await createTestContext();
    team = await createTeam(context);
    const { organization, owner, manager } = team;
    cagla = await createPerson(context, organization.id, 'member', { name: 'Çağla Öztürk' });
    ahmet = await createPerson(context, organization.id, 'member', { name: 'Ahmet Yılmaz' });
    const client = await createClient(context, owner, 'Müşteri Ltd');
    const project = await createProject(
      context,
      manager,
      [
        { userId: manager.id, role: 'manager' },
        { userId: cagla.id, role: 'member' },
        { userId: ahmet.id, role: 'member' },
      ],
      { key: 'WEB', name: 'Web sitesi' },
    );
    expect(
      (await context.request({ method: 'PATCH', url: `/api/v1/projects/${project.id}`, as: owner, body: { clientId: client.id } })).status,
    ).toBe(200);
    const home = await createTask(context, manager, { projectId: project.id, title: 'Ana sayfa' });
    const landing = await createTask(context, manager, { projectId: project.id, title: 'Landing page' });
    const other = await createProject(context, owner, [{ userId: manager.id, role: 'manager' }], { key: 'INT', name: 'Internal' });
    const otherTask = await createTask(context, manager, { projectId: other.id, title: 'Hiring' });
    const activity = async (key: string) => activityTypeId(context, organization.id, key);

    await recordTime(context, cagla, {
      taskId: home.id,
      date: '2026-11-02',
      minutes: 90,
      activityTypeId: await activity('design'),
      note: 'Wireframes, v2 "final"\nsecond line',
    });
    await recordTime(context, cagla, {
      taskId: landing.id,
      date: '2026-11-02',
      minutes: 30,
      billable: false,
      note: '=HYPERLINK("http://evil.example")',
    });
    await recordTime(context, ahmet, {
      taskId: home.id,
      date: '2026-11-02',
      minutes: 60,
      activityTypeId: await activity('development'),
      note: 'Toplantı notları: ğüşiöç İ',
    });
    await recordTime(context, cagla, {
      taskId: home.id,
      date: '2026-11-09',
      minutes: 45,
      activityTypeId: await activity('meeting'),
      note: '@channel',
    });
    await recordTime(context, ahmet, {
      taskId: landing.id,
      date: '2026-11-16',
      minutes: 120,
      activityTypeId: await activity('development'),
      note: '+1 for review',
    });
    await recordTime(context, cagla, { taskId: home.id, date: '2026-11-23', minutes: 15, activityTypeId: await activity('design') });
    await recordTime(context, cagla, { taskId: home.id, date: '2026-10-30', minutes: 999, note: 'October' });
    await recordTime(context, manager, { taskId: otherTask.id, date: '2026-11-03', minutes: 50, note: 'Interviews' });
    await setWeekStatus(context, cagla, '2026-11-02', 'approved', manager);
    await setWeekStatus(context, ahmet, '2026-11-02', 'submitted');
    await setWeekStatus(context, cagla, '2026-11-09', 'rejected', manager);
    await setWeekStatus(context, ahmet, '2026-10-26', 'approved', manager);
  });
  afterAll(() => context.close());

  const csv = (as: TestPerson, query: string) => context.request({ url: `/api/v1/reports/time/export.csv?${query}`, as });
  const xlsx = (as: TestPerson, query: string) =>
    context.app.inject({ url: `/api/v1/reports/time/export.xlsx?${query}`, headers: { cookie: `spine_session=${as.cookie}` } });
  const WEB = 'Müşteri Ltd,Web sitesi';

  it('exports the entries as CSV: BOM, header, CRLF, ordered by date and person, quoted and disarmed text, approval of each week', async () => {
    const response = await csv(team.manager, NOVEMBER);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="spine-time-2026-11-01-2026-11-30.csv"');
    expect(response.text).toBe(
      [
        `\uFEFF${HEADER}`,
        `2026-11-02,Çağla Öztürk,${WEB},WEB-1,Ana sayfa,Design,1.50,yes,"Wireframes, v2 ""final""\nsecond line",approved`,
        `2026-11-02,Çağla Öztürk,${WEB},WEB-2,Landing page,,0.50,no,"'=HYPERLINK(""http://evil.example"")",approved`,
        `2026-11-02,Ahmet Yılmaz,${WEB},WEB-1,Ana sayfa,Development,1.00,yes,Toplantı notları: ğüşiöç İ,submitted`,
        `2026-11-03,${team.manager.name},,Internal,INT-1,Hiring,,0.83,yes,Interviews,open`,
        `2026-11-09,Çağla Öztürk,${WEB},WEB-1,Ana sayfa,Meeting,0.75,yes,'@channel,rejected`,
        `2026-11-16,Ahmet Yılmaz,${WEB},WEB-2,Landing page,Development,2.00,yes,'+1 for review,open`,
        `2026-11-23,Çağla Öztürk,${WEB},WEB-1,Ana sayfa,Design,0.25,yes,,open`,
        '',
      ].join('\r\n'),
    );
  });

  it('exports the same entries as an XLSX workbook: a bold header, dates as dates, hours as numbers, text never a formula', async () => {
    const response = await xlsx(team.owner, NOVEMBER);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="spine-time-2026-11-01-2026-11-30.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as any);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(8);
    const header = sheet.getRow(1);
    expect(header.values).toEqual([undefined, ...EXPORT_COLUMNS]);
    expect(header.getCell(1).font?.bold).toBe(true);

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toEqual(new Date('2026-11-02T00:00:00Z'));
    expect(first.getCell(1).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(8).value).toBe(1.5);
    expect(first.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(first.values).toEqual([
      undefined,
      new Date('2026-11-02T00:00:00Z'),
      'Çağla Öztürk',
      'Müşteri Ltd',
      'Web sitesi',
      'WEB-1',
      'Ana sayfa',
      'Design',
      1.5,
      'yes',
      'Wireframes, v2 "final"\nsecond line',
      'approved',
    ]);
    const formulaLike = sheet.getRow(3).getCell(10);
    expect(formulaLike.value).toBe('=HYPERLINK("http://evil.example")');
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(3).getCell(7).value ?? '').toBe('');
    expect(sheet.getRow(4).getCell(11).value).toBe('submitted');
    expect(sheet.getRow(8).getCell(8).value).toBe(0.25);
  });

  it('applies the report’s filters', async () => {
    const nonBillable = await csv(team.owner, `${NOVEMBER}&billable=false`);
    expect(nonBillable.text.split('\r\n').slice(1, -1)).toEqual([
      `2026-11-02,Çağla Öztürk,${WEB},WEB-2,Landing page,,0.50,no,"'=HYPERLINK(""http://evil.example"")",approved`,
    ]);
    const ahmetOnly = await csv(team.owner, `from=2026-10-01&to=2026-11-30&userIds=${ahmet.id}`);
    expect(
      ahmetOnly.text
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.slice(0, 10)),
    ).toEqual(['2026-11-02', '2026-11-16']);
  });

  it('exports only the time the caller may see', async () => {
    const member = await csv(ahmet, NOVEMBER);
    expect(member.status).toBe(200);
    expect(
      member.text
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',')[1]),
    ).toEqual(['Ahmet Yılmaz', 'Ahmet Yılmaz']);
    const xlsxMember = await xlsx(ahmet, NOVEMBER);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxMember.rawPayload as any);
    expect(workbook.worksheets[0]!.rowCount).toBe(3);
  });

  it('refuses client accounts and bad periods with a problem, before any file', async () => {
    for (const response of [await csv(team.client, NOVEMBER), await xlsx(team.client, NOVEMBER)]) {
      const status = 'statusCode' in response ? response.statusCode : response.status;
      expect(status).toBe(403);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.headers['content-disposition']).toBeUndefined();
    }
    const backwards = await csv(team.owner, 'from=2026-11-30&to=2026-11-01');
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors[0]).toMatchObject({ pointer: '/querystring/to', code: 'before_from' });
    expect(backwards.headers['content-disposition']).toBeUndefined();
    const long = await xlsx(team.owner, 'from=2025-01-01&to=2026-11-30');
    expect(long.statusCode).toBe(422);
    expect(JSON.parse(long.body).errors[0]).toMatchObject({ pointer: '/querystring/to', code: 'too_long' });
  });

  it('writes an empty period as the header alone', async () => {
    const response = await csv(team.owner, 'from=2027-01-01&to=2027-01-31');
    expect(response.status).toBe(200);
    expect(response.text).toBe(`\uFEFF${HEADER}\r\n`);
  });
});

describe('time exports across batches', () => {
  let context: TestContext;
  let owner: TestPerson;
  let people: TestPerson[];
  const perPersonAndDay = 400;
  const dates = ['2026-05-04', '2026-05-05', '2026-05-06'];

  beforeAll(async () => {
    context = await createTestContext();
    const team = await createTeam(context);
    owner = team.owner;
    people = [team.member, team.manager, team.admin];
    const project = await createProject(context, team.manager, [{ userId: team.manager.id, role: 'manager' }]);
    const task = await createTask(context, team.manager, { projectId: project.id });
    const entries = [];
    let sequence = 0;
    // Same date and person for hundreds of entries in a row: batch boundaries fall inside them.
    for (const date of dates) {
      for (const person of people) {
        for (let index = 0; index < perPersonAndDay; index += 1) {
          entries.push({ person, taskId: task.id, projectId: project.id, date, minutes: 1 + (sequence % 90), note: `n${sequence++}` });
        }
      }
    }
    await recordTimeInBulk(context, entries);
  });
  afterAll(() => context.close());

  it('streams every entry exactly once, in date and person order, over several batches', async () => {
    const total = dates.length * people.length * perPersonAndDay;
    expect(total).toBeGreaterThan(EXPORT_BATCH_SIZE * 1.5);
    const response = await context.request({ url: '/api/v1/reports/time/export.csv?from=2026-05-01&to=2026-05-31', as: owner });
    expect(response.status).toBe(200);
    const lines = response.text.split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(total);
    const notes = lines.map((line) => line.split(',')[9]);
    expect(new Set(notes).size).toBe(total);
    const byId = [...people].sort((a, b) => a.id - b.id);
    const expectedOrder = dates.flatMap((date) => byId.map((person) => `${date},${person.name}`));
    const seen = lines.map((line) => line.split(',').slice(0, 2).join(','));
    expect([...new Set(seen)]).toEqual(expectedOrder);
    // Within a person's day, entries come in the order they were recorded.
    const numbers = notes.map((note) => Number(note!.slice(1)));
    const first = numbers.slice(0, perPersonAndDay);
    expect(first).toEqual([...first].sort((a, b) => a - b));

    const xlsx = await context.app.inject({
      url: '/api/v1/reports/time/export.xlsx?from=2026-05-01&to=2026-05-31',
      headers: { cookie: `spine_session=${owner.cookie}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as any);
    expect(workbook.worksheets[0]!.rowCount).toBe(total + 1);
  });
});
