import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../shared/notifications.js';
import { en, tr } from '../../i18n/catalogs.js';
import { describeNotification, notificationHref } from './describe.js';

const notice = (kind: Notification['kind'], data: Record<string, unknown>): Notification => ({
  id: 1,
  kind,
  taskId: null,
  taskReference: null,
  taskTitle: null,
  actorId: 7,
  actorName: 'Mehmet Öztürk',
  data,
  createdAt: '2026-11-23T09:00:00.000Z',
  readAt: null,
});

describe('timesheet notifications', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'en',
      resources: { en: { translation: en }, tr: { translation: tr } },
      interpolation: { escapeValue: false },
    });
  });
  const nameOf = () => undefined;

  it('says who approved which week, and links to that week', () => {
    const approved = notice('timesheet_approved', { weekStart: '2026-11-16', comment: null });
    const described = describeNotification(approved, 3, nameOf);
    expect(described.sentence).toMatch(/^Mehmet Öztürk approved your week of Nov 16\s*–\s*22, 2026$/);
    expect(described.quote).toBeNull();
    expect(notificationHref(approved)).toBe('/time?week=2026-11-16');
  });

  it('quotes the comment of a returned week, in Turkish too', async () => {
    const returned = notice('timesheet_returned', { weekStart: '2026-11-16', comment: 'Split the workshop' });
    expect(describeNotification(returned, 3, nameOf)).toMatchObject({
      sentence: expect.stringContaining('returned your week of'),
      quote: 'Split the workshop',
    });
    await i18next.changeLanguage('tr');
    expect(describeNotification(returned, 3, nameOf).sentence).toMatch(/^Mehmet Öztürk, 16\s*–\s*22 Kas 2026 haftanızı geri gönderdi$/);
    await i18next.changeLanguage('en');
  });

  it('leads task notices to their task and taskless ones nowhere', () => {
    expect(notificationHref({ ...notice('assigned', { role: 'captain' }), taskId: 12 })).toBe('/tasks/12');
    expect(notificationHref(notice('overdue', {}))).toBeNull();
  });
});
