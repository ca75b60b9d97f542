/**
 * A realistic organization for the screenshots, made through the API as its people would make it:
 * every role, three projects (one with a few hundred tasks), tasks in every status with deadlines
 * past, today and later, comments, a document, two weeks of time (approved, returned and submitted
 * weeks), running timers, notifications and a second organization.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { request } from 'playwright-core';
import type { NotificationPage } from '../../shared/notifications.js';
import type { ActivityType, Project } from '../../shared/projects.js';
import type { Task } from '../../shared/tasks.js';
import { addDays, weekDates, weekStartOf } from '../../shared/time.js';
import { sampleTasks } from '../projects-helpers.js';
import { api, createPerson, dayFromNow, type Person, type Session, setupOwner, signIn } from '../task-helpers.js';

export const PEOPLE = {
  owner: { name: 'Şule Yıldırım', email: 'sule@example.com', role: 'owner' },
  admin: { name: 'Zeynep Aksoy', email: 'zeynep@example.com', role: 'admin' },
  manager: { name: 'Mehmet Öztürk', email: 'mehmet@example.com', role: 'manager' },
  member: { name: 'Ayşe Çelik', email: 'ayse@example.com', role: 'member' },
  designer: { name: 'Deniz Kaya', email: 'deniz@example.com', role: 'member' },
  engineer: { name: 'Can Demir', email: 'can@example.com', role: 'member' },
  client: { name: 'ACME Portal', email: 'portal@acme.example', role: 'client' },
} as const;
export type PersonKey = keyof typeof PEOPLE;

export interface Seed {
  today: string;
  /** Mondays: the week before last (approved), last week (returned to Ayşe, submitted by Deniz and Can), this week. */
  weeks: { beforeLast: string; last: string; current: string };
  people: Record<PersonKey, Person>;
  /** A link for a person invited but not yet joined. */
  invitationUrl: string;
  projects: { kordon: Project; headquarters: Project };
  tasks: {
    /** Ayşe's, in progress: comments, a document, time (one entry corrected by Mehmet), her running timer. */
    drawings: Task;
    /** Ayşe's, planned, overdue. */
    permit: Task;
    /** Deniz's, waiting on a supplier. */
    tiles: Task;
    /** Ayşe's, in review for Mehmet. */
    report: Task;
    /** Deniz's, sent back by Mehmet with feedback. */
    application: Task;
    /** Can's, approved and done. */
    archive: Task;
  };
}

type Api = ReturnType<typeof api>;

/** Seeds a Spine that has not been set up yet; returns what the screens open. */
export async function seedOrganization(url: string, dataDir: string): Promise<Seed> {
  const sessions: Session[] = [];
  const session = async (): Promise<Session> => {
    const created = { request: await request.newContext() };
    sessions.push(created);
    return created;
  };
  try {
    return await seed(url, dataDir, session);
  } finally {
    await Promise.all(sessions.map((each) => each.request.dispose()));
  }
}

async function seed(url: string, dataDir: string, session: () => Promise<Session>): Promise<Seed> {
  const today = dayFromNow(0);
  const current = weekStartOf(today, 1);
  const weeks = { beforeLast: addDays(current, -14), last: addDays(current, -7), current };

  const ownerSession = await session();
  const owner = await setupOwner(ownerSession, url, PEOPLE.owner);
  const asOwner = api(ownerSession, url);
  const people = { owner } as Record<PersonKey, Person>;
  for (const key of ['admin', 'manager', 'member', 'designer', 'engineer', 'client'] as const) {
    const { role, ...person } = PEOPLE[key];
    people[key] = await createPerson(ownerSession, url, { ...person, role });
  }
  const invited = await asOwner.post<{ invitation: { url: string } | null }>('/users', {
    name: 'Ece Yılmaz',
    email: 'ece@example.com',
    role: 'member',
  });
  if (!invited.invitation) throw new Error('an invitation link was expected for a person without a password');
  await asOwner.post('/tokens', { name: 'Invoicing script' });

  const as = {} as Record<'manager' | 'member' | 'designer' | 'engineer', Api>;
  for (const key of ['manager', 'member', 'designer', 'engineer'] as const) {
    const personal = await session();
    await signIn(personal, url, PEOPLE[key].email);
    as[key] = api(personal, url);
  }

  // Activity types as an organization shapes them: one added, one no longer used.
  const types = (await asOwner.get<{ items: ActivityType[] }>('/activity-types')).items;
  await asOwner.post('/activity-types', { name: 'Code review', color: '#7c3aed', billable: false });
  const support = types.find((type) => type.key === 'support');
  if (support) await asOwner.patch(`/activity-types/${support.id}`, { active: false });

  const kordonFoundation = await asOwner.post<{ id: number }>('/clients', {
    name: 'Kordon Vakfı',
    contact: 'Elif Şahin, +90 232 555 01 10',
  });
  const acme = await asOwner.post<{ id: number }>('/clients', { name: 'ACME Corp' });
  const { manager, member, designer, engineer } = people;
  const kordon = await as.manager.post<Project>('/projects', {
    name: 'Kordon Evi Restorasyonu',
    key: 'KOR',
    clientId: kordonFoundation.id,
    description: 'Restoration of the 1890s Kordon house: survey, design, heritage board permit and site supervision.',
    members: [
      { userId: manager.id, role: 'manager' },
      { userId: member.id, role: 'member' },
      { userId: designer.id, role: 'member' },
      { userId: engineer.id, role: 'member' },
    ],
  });
  const headquarters = await as.manager.post<Project>('/projects', {
    name: 'ACME Corp – Headquarters renovation 2026',
    key: 'HQ',
    clientId: acme.id,
    members: [
      { userId: manager.id, role: 'manager' },
      { userId: member.id, role: 'member' },
      { userId: designer.id, role: 'member' },
      { userId: engineer.id, role: 'member' },
    ],
  });
  const alsancak = await as.manager.post<Project>('/projects', {
    name: 'Alsancak Ofis Yenileme',
    key: 'ALS',
    billable: false,
    members: [
      { userId: manager.id, role: 'manager' },
      { userId: member.id, role: 'member' },
      { userId: engineer.id, role: 'member' },
    ],
  });

  const milestones: number[] = [];
  for (const [title, offset, deliverables] of [
    ['Survey complete', -5, '- Site survey report\n- Photo documentation'],
    ['Design approved', 20, '- Facade drawings\n- Interior layout options\n- **Cost estimate**'],
    ['Permit granted', 60, ''],
  ] as const) {
    const milestone = await as.manager.post<{ id: number }>(`/projects/${kordon.id}/milestones`, {
      title,
      dueDate: dayFromNow(offset),
      deliverables,
    });
    milestones.push(milestone.id);
  }

  const task = (by: Api, body: Record<string, unknown>) => by.post<Task>('/tasks', { projectId: kordon.id, ...body });
  const drawings = await task(as.manager, {
    title: 'Cephe rölöve çizimlerini hazırla',
    captainId: member.id,
    collaboratorIds: [designer.id],
    deadline: `${dayFromNow(3)}T17:00`,
    estimateMinutes: 40 * 60,
    activityType: 'design',
    milestoneId: milestones[1],
    labels: ['design', 'client'],
    description:
      '## Kapsam\n\n- Kuzey ve batı cepheleri\n- 1/50 ölçek\n- Pencere detayları 1/20\n\nEski fotoğraflar **ekte**. Ölçüler [ölçü listesinde](#).',
  });
  const permit = await task(as.manager, {
    title: 'Belediye ruhsat dosyasını topla',
    captainId: member.id,
    deadline: dayFromNow(-2),
    estimateMinutes: 12 * 60,
    activityType: 'writing',
    milestoneId: milestones[2],
  });
  const meeting = await task(as.manager, {
    title: 'Statik rapor için mühendisle görüş',
    captainId: member.id,
    deadline: dayFromNow(0),
    estimateMinutes: 4 * 60,
    activityType: 'meeting',
  });
  const tiles = await task(as.manager, {
    title: 'Yedek kiremitleri sipariş et',
    captainId: designer.id,
    deadline: dayFromNow(5),
    activityType: 'admin',
  });
  const report = await task(as.manager, {
    title: 'Müşteriye ara rapor yaz',
    captainId: member.id,
    deadline: dayFromNow(8),
    estimateMinutes: 6 * 60,
    activityType: 'writing',
    milestoneId: milestones[0],
  });
  const application = await task(as.manager, {
    title: 'Koruma kurulu başvurusunu yaz',
    captainId: designer.id,
    deadline: dayFromNow(12),
    estimateMinutes: 10 * 60,
    activityType: 'writing',
    milestoneId: milestones[2],
  });
  const materials = await task(as.manager, {
    title: 'Malzeme listesini güncelle',
    captainId: engineer.id,
    deadline: dayFromNow(9),
    activityType: 'admin',
  });
  const siteVisit = await task(as.manager, {
    title: 'Doğu kanadı saha ziyareti raporu',
    captainId: manager.id,
    deadline: dayFromNow(-1),
    activityType: 'writing',
  });
  const archive = await task(as.manager, {
    title: 'Eski fotoğrafları arşivden tara',
    captainId: engineer.id,
    deadline: dayFromNow(-10),
    estimateMinutes: 3 * 60,
    activityType: 'admin',
    milestoneId: milestones[0],
  });
  await task(as.manager, { title: 'İskele kiralama teklifini al' });
  const drone = await task(as.manager, { title: 'Çatı drone çekimi', captainId: designer.id, deadline: dayFromNow(-4) });
  const lighting = await task(as.member, {
    title: 'İç mekân aydınlatma planı',
    captainId: member.id,
    deadline: dayFromNow(20),
    estimateMinutes: 16 * 60,
    activityType: 'design',
    milestoneId: milestones[1],
  });
  const structure = await task(as.manager, {
    title: 'Statik hesapları kontrol et',
    captainId: engineer.id,
    deadline: dayFromNow(0),
    estimateMinutes: 8 * 60,
    activityType: 'development',
  });

  const status = (by: Api, id: number, body: Record<string, unknown>) => by.post(`/tasks/${id}/status`, body);
  for (const [by, id] of [
    [as.member, drawings.id],
    [as.member, meeting.id],
    [as.designer, tiles.id],
    [as.member, report.id],
    [as.designer, application.id],
    [as.engineer, materials.id],
    [as.manager, siteVisit.id],
    [as.engineer, archive.id],
    [as.engineer, structure.id],
  ] as const) {
    await status(by, id, { status: 'in_progress' });
  }
  await status(as.member, meeting.id, {
    status: 'waiting',
    reason: 'Statik hesap için mühendisin onayı gerekiyor.',
    waitingOn: { userId: manager.id },
  });
  await status(as.designer, tiles.id, {
    status: 'waiting',
    reason: 'Kiremit numunelerinin gelmesi bekleniyor.',
    waitingOn: { external: 'Kaya Yapı, kiremit tedarikçisi' },
  });
  await status(as.member, report.id, { status: 'review' });
  await status(as.designer, application.id, { status: 'review' });
  await as.manager.post(`/tasks/${application.id}/review`, {
    decision: 'request_changes',
    feedback: 'Göndermeden önce kuzey duvarının fotoğraflarını ekleyin.',
  });
  await status(as.engineer, archive.id, { status: 'review' });
  await as.manager.post(`/tasks/${archive.id}/review`, { decision: 'approve' });
  await status(as.manager, drone.id, { status: 'cancelled', reason: 'Uçuş izni alınamadı; fotoğraflar iskeleden çekilecek.' });

  await as.member.post(`/tasks/${drawings.id}/comments`, {
    body: '@Mehmet Öztürk eski fotoğrafları arşivden istedim, gelince ekleyeceğim.',
  });
  await as.manager.post(`/tasks/${drawings.id}/comments`, {
    body: 'Teşekkürler. Batı cephesinde **pencere söveleri** için ayrı bir detay paftası da hazırlayalım.',
  });
  await as.designer.post(`/tasks/${drawings.id}/comments`, { body: 'Ölçü listesini ekledim; kuzey cephesi tamam.' });
  await uploadDocument(url, ownerSession, drawings.id);

  // Deniz and Can carry the big project, so Ayşe's and Mehmet's queues stay readable.
  await seedHeadquarters(as.manager, headquarters.id, [designer.id, engineer.id], today);

  // Two weeks of time and this week so far; then the weeks move through approval.
  const alsancakTasks = [
    await as.manager.post<Task>('/tasks', {
      projectId: alsancak.id,
      title: 'Ofis yerleşim seçenekleri',
      captainId: member.id,
      estimateMinutes: 10 * 60,
      activityType: 'design',
    }),
    await as.manager.post<Task>('/tasks', {
      projectId: alsancak.id,
      title: 'Teklif revizyonu',
      captainId: engineer.id,
      estimateMinutes: 6 * 60,
      activityType: 'development',
    }),
  ];
  const days = [weeks.beforeLast, weeks.last, weeks.current].flatMap(weekDates).filter((date) => date <= today && !isWeekend(date));
  await recordTime(as.member, days, [drawings, permit, report, lighting, alsancakTasks[0]!], 0);
  await recordTime(as.designer, days, [drawings, tiles, application], 1);
  await recordTime(as.engineer, days, [materials, structure, alsancakTasks[1]!], 2);
  const submit = (by: Api, weekStart: string) => by.post('/timesheets/submit', { weekStart });
  const decide = (userId: number, weekStart: string, decision: 'approve' | 'reject', comment?: string) =>
    as.manager.post('/timesheets/decide', { userId, weekStart, decision, ...(comment ? { comment } : {}) });
  for (const person of ['member', 'designer', 'engineer'] as const) {
    await submit(as[person], weeks.beforeLast);
    await decide(people[person].id, weeks.beforeLast, 'approve');
    await submit(as[person], weeks.last);
  }
  await decide(member.id, weeks.last, 'reject', 'Salı günkü rapor saatleri çizimlere ait; lütfen taşıyın.');

  // Mehmet corrects one of Ayşe's entries this week (it shows in the task's history); her and Deniz's timers run.
  const [entry] = (await as.member.get<{ items: { id: number }[] }>(`/time-entries?taskId=${drawings.id}&from=${weeks.current}`)).items;
  if (entry) await as.manager.patch(`/time-entries/${entry.id}`, { duration: '2:30', reason: 'Saha ziyareti yarım saat uzun sürdü.' });
  await as.member.post('/timer', { taskId: drawings.id });
  await as.designer.post('/timer', { taskId: application.id });

  // A second organization that takes Şule in: her menu offers a switch.
  await asOwner.post('/organizations', {
    name: 'Kuzey Danışmanlık',
    owner: { name: 'Kerem Aydın', email: 'kerem@example.com', password: 'kerem has a long password' },
  });
  const keremSession = await session();
  await api(keremSession, url).post('/auth/login', { email: 'kerem@example.com', password: 'kerem has a long password' });
  await api(keremSession, url).post('/users', { name: owner.name, email: owner.email, role: 'admin' });

  await settleNotifications(as.manager, dataDir, kordon.id);

  return {
    today,
    weeks,
    people,
    invitationUrl: invited.invitation.url,
    projects: { kordon, headquarters },
    tasks: { drawings, permit, tiles, report, application, archive },
  };
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** Two entries a working day, on the person's tasks in turn, five to seven hours in all. */
async function recordTime(by: Api, days: string[], tasks: Task[], seed: number): Promise<void> {
  const first = [180, 240, 150, 210, 120];
  const second = [120, 90, 180, 60, 150];
  const notes = ['', 'Ölçüler ve fotoğraflar', '', 'Müşteriyle görüşme', 'Revizyonlar'];
  for (const [index, date] of days.entries()) {
    for (const [slot, minutes] of [first[(index + seed) % 5]!, second[(index * 2 + seed) % 5]!].entries()) {
      await by.post('/time-entries', {
        taskId: tasks[(index + slot + seed) % tasks.length]!.id,
        date,
        duration: minutes,
        note: notes[(index + slot) % notes.length],
      });
    }
  }
}

/** A few hundred tasks, a third of them moved along the workflow: the list and search at scale. */
async function seedHeadquarters(by: Api, projectId: number, captains: number[], today: string): Promise<void> {
  const milestones: number[] = [];
  for (const [title, offset] of [
    ['Concept design', -20],
    ['Planning submission', 15],
  ] as const) {
    milestones.push((await by.post<{ id: number }>(`/projects/${projectId}/milestones`, { title, dueDate: dayFromNow(offset) })).id);
  }
  const planned = sampleTasks(240, { captains, milestones, today });
  for (const [index, body] of planned.entries()) {
    const created = await by.post<Task>('/tasks', { projectId, ...body });
    if (!body.captainId || !body.deadline) continue;
    const kind = index % 10;
    if ([1, 2, 5, 6].includes(kind)) await by.post(`/tasks/${created.id}/status`, { status: 'in_progress' });
    if (kind === 2) {
      await by.post(`/tasks/${created.id}/status`, {
        status: 'waiting',
        reason: 'Waiting for the client’s floor plans',
        waitingOn: { external: 'ACME facilities team' },
      });
    }
  }
}

/** A small document on the task, uploaded as a person would from the task page. */
async function uploadDocument(url: string, by: Session, taskId: number): Promise<void> {
  const rows = ['cephe;genişlik_cm;yükseklik_cm', 'kuzey;1840;1120', 'batı;1260;1120', 'güney;1840;980'];
  const response = await by.request.post(`${url}/api/v1/tasks/${taskId}/attachments`, {
    headers: { Origin: url },
    multipart: { file: { name: 'Kordon Evi – ölçü listesi.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) } },
  });
  if (!response.ok()) throw new Error(`upload → ${response.status()} ${await response.text()}`);
}

/**
 * Waits for the notification jobs, then does what only time would: spreads Mehmet's notices over the
 * week with the oldest read, and leaves a failed email for the owner's Settings. No API makes either.
 */
async function settleNotifications(manager: Api, dataDir: string, projectId: number): Promise<void> {
  for (let tries = 0; ; tries += 1) {
    const page = await manager.get<NotificationPage>('/notifications');
    if (page.items.length >= 6) break;
    if (tries > 50) throw new Error(`only ${page.items.length} notifications for the manager`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const at = (daysAgo: number, hour: number) => {
    const date = new Date(Date.now() - daysAgo * 86_400_000);
    date.setUTCHours(hour, 20, 0, 0);
    return date.toISOString();
  };
  const db = new Database(path.join(dataDir, 'spine.db'));
  try {
    const organizationOf = (id: number) =>
      (db.prepare('select organization_id from projects where id = ?').get(id) as { organization_id: number }).organization_id;
    const { id: managerId } = db.prepare('select id from users where email = ?').get(PEOPLE.manager.email) as { id: number };
    const ids = (db.prepare('select id from notifications where user_id = ? order by id').all(managerId) as { id: number }[]).map(
      (row) => row.id,
    );
    const older = [at(6, 9), at(6, 13), at(1, 8), at(1, 14)];
    for (const [index, id] of ids.slice(0, older.length).entries()) {
      db.prepare('update notifications set created_at = ?, read_at = ? where id = ?').run(
        older[index],
        index < 2 ? older[index] : null,
        id,
      );
    }
    db.prepare(
      `insert into jobs (organization_id, type, payload, unique_key, status, run_at, attempts, max_attempts, locked_until, last_error, created_at, finished_at)
       values (?, 'send-email', '{}', null, 'failed', ?, 10, 10, null, ?, ?, ?)`,
    ).run(organizationOf(projectId), at(1, 6), 'connect ECONNREFUSED 10.0.0.25:587', at(1, 6), at(1, 7));
  } finally {
    db.close();
  }
}
