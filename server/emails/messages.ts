/** Email wording in each language Spine speaks, and the text and HTML bodies built from it. */
import type { Locale } from '../../shared/api.js';
import type { TaskNotificationKind, TimesheetNotificationKind } from '../../shared/notifications.js';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface NoticeEmail {
  kind: TaskNotificationKind;
  locale: Locale;
  recipientName: string;
  actorName: string | null;
  taskReference: string;
  taskTitle: string;
  url: string;
  data: Record<string, unknown>;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

type Phrase = (email: NoticeEmail) => string;

interface Wording {
  subjects: Record<TaskNotificationKind, Phrase>;
  lines: Record<TaskNotificationKind, Phrase>;
  greeting: (name: string) => string;
  open: string;
  feedback: string;
  reason: string;
  comment: string;
  footer: string;
  someone: string;
}

const english: Wording = {
  subjects: {
    assigned: (e) => `${e.taskReference}: you are ${e.data.role === 'captain' ? 'the captain' : 'a collaborator'}`,
    mentioned: (e) => `${e.taskReference}: ${e.actorName ?? 'someone'} mentioned you`,
    review_requested: (e) => `${e.taskReference} is ready for your review`,
    reviewed: (e) => (e.data.decision === 'approve' ? `${e.taskReference} was approved` : `${e.taskReference}: changes requested`),
    waiting: (e) => (e.data.onYou ? `${e.taskReference} is waiting on you` : `${e.taskReference} is waiting`),
    commented: (e) => `${e.taskReference}: new comment from ${e.actorName ?? 'someone'}`,
    deadline_soon: (e) => `${e.taskReference} is due tomorrow`,
    overdue: (e) => `${e.taskReference} is overdue`,
  },
  lines: {
    assigned: (e) =>
      e.data.role === 'captain'
        ? `${e.actorName ?? 'Someone'} made you the captain of “${e.taskTitle}”: its result is yours.`
        : `${e.actorName ?? 'Someone'} asked you to help with “${e.taskTitle}”.`,
    mentioned: (e) => `${e.actorName ?? 'Someone'} mentioned you on “${e.taskTitle}”.`,
    review_requested: (e) => `${e.actorName ?? 'The captain'} finished “${e.taskTitle}” and asks you to check it.`,
    reviewed: (e) =>
      e.data.decision === 'approve'
        ? `${e.actorName ?? 'The reviewer'} approved “${e.taskTitle}”. It is done.`
        : `${e.actorName ?? 'The reviewer'} asked for changes to “${e.taskTitle}”.`,
    waiting: (e) =>
      e.data.onYou
        ? `${e.actorName ?? 'Someone'} stopped work on “${e.taskTitle}” until you help.`
        : `${e.actorName ?? 'Someone'} stopped work on “${e.taskTitle}”.`,
    commented: (e) => `${e.actorName ?? 'Someone'} commented on “${e.taskTitle}”.`,
    deadline_soon: (e) => `“${e.taskTitle}” is due tomorrow.`,
    overdue: (e) => `“${e.taskTitle}” is past its deadline.`,
  },
  greeting: (name) => `Hello ${name},`,
  open: 'Open the task',
  feedback: 'Feedback',
  reason: 'Why',
  comment: 'Comment',
  footer: 'You get this email because of your notification settings in Spine (Profile → Notifications).',
  someone: 'someone',
};

const turkish: Wording = {
  subjects: {
    assigned: (e) => `${e.taskReference}: ${e.data.role === 'captain' ? 'kaptan sizsiniz' : 'yardımcı olarak eklendiniz'}`,
    mentioned: (e) => `${e.taskReference}: ${e.actorName ?? 'biri'} sizden bahsetti`,
    review_requested: (e) => `${e.taskReference} incelemenizi bekliyor`,
    reviewed: (e) => (e.data.decision === 'approve' ? `${e.taskReference} onaylandı` : `${e.taskReference}: değişiklik istendi`),
    waiting: (e) => (e.data.onYou ? `${e.taskReference} sizi bekliyor` : `${e.taskReference} beklemede`),
    commented: (e) => `${e.taskReference}: ${e.actorName ?? 'biri'} yorum yaptı`,
    deadline_soon: (e) => `${e.taskReference} yarın teslim`,
    overdue: (e) => `${e.taskReference} gecikti`,
  },
  lines: {
    assigned: (e) =>
      e.data.role === 'captain'
        ? `${e.actorName ?? 'Biri'} sizi “${e.taskTitle}” görevinin kaptanı yaptı: sonuç sizin sorumluluğunuzda.`
        : `${e.actorName ?? 'Biri'} “${e.taskTitle}” görevinde yardımınızı istedi.`,
    mentioned: (e) => `${e.actorName ?? 'Biri'} “${e.taskTitle}” görevinde sizden bahsetti.`,
    review_requested: (e) => `${e.actorName ?? 'Kaptan'} “${e.taskTitle}” görevini bitirdi ve kontrol etmenizi istiyor.`,
    reviewed: (e) =>
      e.data.decision === 'approve'
        ? `${e.actorName ?? 'İnceleyen'} “${e.taskTitle}” görevini onayladı. Görev tamamlandı.`
        : `${e.actorName ?? 'İnceleyen'} “${e.taskTitle}” görevinde değişiklik istedi.`,
    waiting: (e) =>
      e.data.onYou
        ? `${e.actorName ?? 'Biri'} “${e.taskTitle}” görevini sizin yardımınıza kadar durdurdu.`
        : `${e.actorName ?? 'Biri'} “${e.taskTitle}” görevinde çalışmayı durdurdu.`,
    commented: (e) => `${e.actorName ?? 'Biri'} “${e.taskTitle}” görevine yorum yaptı.`,
    deadline_soon: (e) => `“${e.taskTitle}” görevinin teslim tarihi yarın.`,
    overdue: (e) => `“${e.taskTitle}” görevinin teslim tarihi geçti.`,
  },
  greeting: (name) => `Merhaba ${name},`,
  open: 'Görevi aç',
  feedback: 'Geri bildirim',
  reason: 'Neden',
  comment: 'Yorum',
  footer: 'Bu e-postayı Spine’daki bildirim ayarlarınız nedeniyle alıyorsunuz (Profil → Bildirimler).',
  someone: 'biri',
};

export const WORDING: Record<Locale, Wording> = { en: english, tr: turkish };

function details(email: NoticeEmail, wording: Wording): [string, string][] {
  const rows: [string, string][] = [];
  if (typeof email.data.feedback === 'string') rows.push([wording.feedback, email.data.feedback]);
  if (typeof email.data.reason === 'string') rows.push([wording.reason, email.data.reason]);
  if (typeof email.data.excerpt === 'string') rows.push([wording.comment, email.data.excerpt]);
  return rows;
}

export function noticeEmail(email: NoticeEmail): EmailContent {
  const wording = WORDING[email.locale];
  const line = wording.lines[email.kind](email);
  const rows = details(email, wording);
  const text = [
    wording.greeting(email.recipientName),
    '',
    line,
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    `${wording.open}: ${email.url}`,
    '',
    '—',
    wording.footer,
  ].join('\n');
  const html = `<!doctype html><html lang="${email.locale}"><body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5">
<p>${escapeHtml(wording.greeting(email.recipientName))}</p>
<p>${escapeHtml(line)}</p>
${rows.map(([label, value]) => `<p><strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}</p>`).join('\n')}
<p><a href="${escapeHtml(email.url)}" style="color:#1d4ed8">${escapeHtml(wording.open)}: ${escapeHtml(email.taskReference)} — ${escapeHtml(email.taskTitle)}</a></p>
<p style="color:#6b7280;font-size:13px">${escapeHtml(wording.footer)}</p>
</body></html>`;
  return { subject: wording.subjects[email.kind](email), text, html };
}

export interface TimesheetEmail {
  kind: TimesheetNotificationKind;
  locale: Locale;
  recipientName: string;
  actorName: string | null;
  weekStart: string;
  comment: string | null;
  url: string;
}

/** "Nov 16 – 22, 2026" / "16 – 22 Kas 2026": the week from its first day, as the reader's calendar writes it. */
export function weekRangeText(locale: Locale, weekStart: string): string {
  const start = new Date(`${weekStart}T12:00:00Z`);
  const end = new Date(start.getTime() + 6 * 86_400_000);
  return new Intl.DateTimeFormat(locale === 'tr' ? 'tr-TR' : 'en-US', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(start, end);
}

const TIMESHEET_WORDING: Record<
  Locale,
  {
    subjects: Record<TimesheetNotificationKind, (week: string) => string>;
    lines: Record<TimesheetNotificationKind, (actor: string, week: string) => string>;
    open: string;
    someone: string;
  }
> = {
  en: {
    subjects: {
      timesheet_approved: (week) => `Your week of ${week} was approved`,
      timesheet_returned: (week) => `Your week of ${week} was returned`,
    },
    lines: {
      timesheet_approved: (actor, week) => `${actor} approved your timesheet for the week of ${week}. Its time is now locked.`,
      timesheet_returned: (actor, week) => `${actor} returned your timesheet for the week of ${week}. Correct it and submit it again.`,
    },
    open: 'Open the week',
    someone: 'Someone',
  },
  tr: {
    subjects: {
      timesheet_approved: (week) => `${week} haftanız onaylandı`,
      timesheet_returned: (week) => `${week} haftanız geri gönderildi`,
    },
    lines: {
      timesheet_approved: (actor, week) =>
        `${actor}, ${week} haftasına ait zaman çizelgenizi onayladı. Bu haftanın süreleri artık kilitli.`,
      timesheet_returned: (actor, week) => `${actor}, ${week} haftasına ait zaman çizelgenizi geri gönderdi. Düzeltip yeniden gönderin.`,
    },
    open: 'Haftayı aç',
    someone: 'Biri',
  },
};

/** A decision on the reader's weekly timesheet: who decided, which week, the comment, a link to the week. */
export function timesheetEmail(email: TimesheetEmail): EmailContent {
  const wording = TIMESHEET_WORDING[email.locale];
  const common = WORDING[email.locale];
  const week = weekRangeText(email.locale, email.weekStart);
  const line = wording.lines[email.kind](email.actorName ?? wording.someone, week);
  const comment = email.comment !== null && email.comment.trim() !== '' ? email.comment : null;
  const text = [
    common.greeting(email.recipientName),
    '',
    line,
    ...(comment ? [`${common.comment}: ${comment}`] : []),
    '',
    `${wording.open}: ${email.url}`,
    '',
    '—',
    common.footer,
  ].join('\n');
  const html = `<!doctype html><html lang="${email.locale}"><body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5">
<p>${escapeHtml(common.greeting(email.recipientName))}</p>
<p>${escapeHtml(line)}</p>
${comment ? `<p><strong>${escapeHtml(common.comment)}:</strong> ${escapeHtml(comment)}</p>` : ''}
<p><a href="${escapeHtml(email.url)}" style="color:#1d4ed8">${escapeHtml(wording.open)}: ${escapeHtml(week)}</a></p>
<p style="color:#6b7280;font-size:13px">${escapeHtml(common.footer)}</p>
</body></html>`;
  return { subject: wording.subjects[email.kind](week), text, html };
}

export interface DigestSection {
  title: string;
  items: { reference: string; title: string; url: string; note?: string }[];
}

const DIGEST_WORDING: Record<
  Locale,
  {
    subject: (date: string) => string;
    intro: string;
    queue: string;
    overdue: string;
    waitingOnYou: string;
    reviews: string;
    projectOverdue: string;
    projectWaiting: string;
  }
> = {
  en: {
    subject: (date) => `Your day in Spine — ${date}`,
    intro: 'Here is what your day looks like.',
    queue: 'Your queue for today',
    overdue: 'Your overdue tasks',
    waitingOnYou: 'Waiting on you',
    reviews: 'Reviews waiting for you',
    projectOverdue: 'Overdue in your projects',
    projectWaiting: 'Waiting in your projects',
  },
  tr: {
    subject: (date) => `Spine’da gününüz — ${date}`,
    intro: 'Gününüz böyle görünüyor.',
    queue: 'Bugünkü sıranız',
    overdue: 'Geciken görevleriniz',
    waitingOnYou: 'Sizi bekleyenler',
    reviews: 'İncelemenizi bekleyenler',
    projectOverdue: 'Projelerinizde gecikenler',
    projectWaiting: 'Projelerinizde bekleyenler',
  },
};

export type DigestSectionKey = 'queue' | 'overdue' | 'waitingOnYou' | 'reviews' | 'projectOverdue' | 'projectWaiting';

export function digestEmail(
  locale: Locale,
  recipientName: string,
  date: string,
  sections: { key: DigestSectionKey; items: DigestSection['items'] }[],
): EmailContent {
  const wording = DIGEST_WORDING[locale];
  const filled = sections.filter((section) => section.items.length > 0);
  const text = [
    WORDING[locale].greeting(recipientName),
    '',
    wording.intro,
    ...filled.flatMap((section) => [
      '',
      `${wording[section.key]}:`,
      ...section.items.map((item) => `- ${item.reference} ${item.title}${item.note ? ` (${item.note})` : ''} — ${item.url}`),
    ]),
    '',
    '—',
    WORDING[locale].footer,
  ].join('\n');
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5">
<p>${escapeHtml(WORDING[locale].greeting(recipientName))}</p><p>${escapeHtml(wording.intro)}</p>
${filled
  .map(
    (section) =>
      `<h3>${escapeHtml(wording[section.key])}</h3><ul>${section.items
        .map(
          (item) =>
            `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.reference)}</a> ${escapeHtml(item.title)}${item.note ? ` <em>(${escapeHtml(item.note)})</em>` : ''}</li>`,
        )
        .join('')}</ul>`,
  )
  .join('\n')}
<p style="color:#6b7280;font-size:13px">${escapeHtml(WORDING[locale].footer)}</p></body></html>`;
  return { subject: wording.subject(date), text, html };
}

export function invitationEmail(
  locale: Locale,
  name: string,
  organizationName: string,
  inviterName: string,
  url: string,
  expiresAt: string,
): EmailContent {
  const date = new Intl.DateTimeFormat(locale === 'tr' ? 'tr-TR' : 'en-GB', { dateStyle: 'long' }).format(new Date(expiresAt));
  const content =
    locale === 'tr'
      ? {
          subject: `${organizationName} sizi Spine’a davet ediyor`,
          line: `${inviterName}, sizi ${organizationName} kuruluşunun Spine hesabına davet etti. Şifrenizi belirlemek için bağlantıyı açın (${date} tarihine kadar geçerli):`,
        }
      : {
          subject: `${organizationName} invites you to Spine`,
          line: `${inviterName} invited you to ${organizationName} on Spine. Open the link to set your password (valid until ${date}):`,
        };
  return {
    subject: content.subject,
    text: `${WORDING[locale].greeting(name)}\n\n${content.line}\n${url}\n`,
    html: `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif"><p>${escapeHtml(WORDING[locale].greeting(name))}</p><p>${escapeHtml(content.line)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p></body></html>`,
  };
}

export function passwordResetEmail(locale: Locale, name: string, url: string): EmailContent {
  const content =
    locale === 'tr'
      ? {
          subject: 'Spine şifrenizi sıfırlayın',
          line: 'Şifrenizi sıfırlamak için bağlantıyı bir saat içinde açın. Bu isteği siz yapmadıysanız bu e-postayı yok sayın; şifreniz değişmez.',
        }
      : {
          subject: 'Reset your Spine password',
          line: 'Open the link within an hour to choose a new password. If you did not ask for this, ignore this email; your password stays as it is.',
        };
  return {
    subject: content.subject,
    text: `${WORDING[locale].greeting(name)}\n\n${content.line}\n${url}\n`,
    html: `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif"><p>${escapeHtml(WORDING[locale].greeting(name))}</p><p>${escapeHtml(content.line)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p></body></html>`,
  };
}
