/**
 * The screens `npm run screenshots` shoots, in order. Each opens its own address as one person, so
 * any one runs alone (`--only`); `steps` bring the page into the state to look at. Add a screen by
 * adding an entry: the runner waits for the page's h1 before the steps, and for the page to settle
 * after them.
 */
import type { Page } from 'playwright-core';
import type { Catalog } from '../browser.js';
import type { api } from '../task-helpers.js';
import { addDays } from '../../shared/time.js';
import type { PersonKey, Seed } from './seed.js';

export type Lang = 'en' | 'tr';
/** Whose browser: a seeded person signed in, or a visitor without a session. */
export type Viewer = 'guest' | PersonKey;

export interface Visit<S> {
  page: Page;
  m: Catalog;
  lang: Lang;
  seed: S;
  /** The API as another person, for what a screen provokes (a conflicting edit). */
  api: (viewer: Exclude<Viewer, 'guest'>) => Promise<ReturnType<typeof api>>;
}

export interface Screen<S> {
  name: string;
  as: Viewer;
  path: string | ((seed: S) => string);
  steps?: (visit: Visit<S>) => Promise<void>;
  /** Dialogs, menus and long scrolling lists are shot as the viewport shows them, not as the whole page. */
  viewport?: true;
  /** Shot at phone width only (a control only phones have). */
  phoneOnly?: true;
}

/** Shot on the fresh install, before the organization exists. */
export const beforeSetup: Screen<null>[] = [
  { name: 'setup', as: 'guest', path: '/setup' },
  {
    name: 'setup-errors',
    as: 'guest',
    path: '/setup',
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: m.setup.submit }).click();
      await page.getByText(m.validation.required).first().waitFor();
    },
  },
];

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const tab = (page: Page, m: Catalog, name: string) =>
  page.getByRole('navigation', { name: m.projects.tabs.label }).getByRole('link', { name }).click();
const reportRange = (seed: Seed) => `period=custom&from=${seed.weeks.beforeLast}&to=${seed.today}`;
/** Charts draw in with an animation. */
const chartsDrawn = async (page: Page, m: Catalog) => {
  await page.getByRole('figure', { name: m.reports.charts.byActivity }).locator('svg').first().waitFor();
  await page.waitForTimeout(1200);
};

export const screens: Screen<Seed>[] = [
  { name: 'sign-in', as: 'guest', path: '/login' },
  {
    name: 'sign-in-error',
    as: 'guest',
    path: '/login',
    steps: async ({ page, m }) => {
      await page.getByLabel(m.login.email).fill('sule@example.com');
      await page.getByLabel(m.login.password).fill('wrong password!');
      await page.getByRole('button', { name: m.login.submit }).click();
      await page.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
    },
  },
  {
    name: 'invitation',
    as: 'guest',
    path: (seed) => new URL(seed.invitationUrl).pathname,
    steps: ({ page, m }) => page.getByLabel(m.invitation.password).waitFor(),
  },
  { name: 'my-work', as: 'member', path: '/my-work', steps: ({ page }) => page.locator('.queue-row').first().waitFor() },
  {
    name: 'my-work-manager',
    as: 'manager',
    path: '/my-work',
    steps: ({ page, m }) => page.getByRole('heading', { name: new RegExp(literal(m.myWork.reviews.title)) }).waitFor(),
  },
  {
    name: 'timer-switched',
    as: 'designer',
    path: '/my-work',
    viewport: true,
    steps: async ({ page, m }) => {
      const startOn = new RegExp(`^${literal(m.timer.startOn).replace(literal('{{reference}}'), '\\S+')}$`);
      await page.locator('.queue-row').getByRole('button', { name: startOn }).first().click();
      await page.locator('.timer-notice').waitFor();
    },
  },
  {
    name: 'timer-start-dialog',
    as: 'manager',
    path: '/my-work',
    viewport: true,
    steps: async ({ page }) => {
      await page.locator('.header-timer__start').click();
      await page.getByRole('dialog').locator('.timer-pick__option').first().waitFor();
    },
  },
  {
    name: 'timer-start-search',
    as: 'manager',
    path: '/my-work',
    viewport: true,
    steps: async ({ page, m }) => {
      await page.locator('.header-timer__start').click();
      await page.getByRole('dialog').getByLabel(m.timer.dialog.search).fill('rapor');
      await page.getByRole('dialog').getByText('Doğu kanadı saha ziyareti raporu').waitFor();
    },
  },
  {
    name: 'notifications-panel',
    as: 'manager',
    path: '/my-work',
    viewport: true,
    steps: async ({ page, m }) => {
      await page
        .getByRole('banner')
        .getByRole('button', { name: new RegExp(`^${literal(m.notifications.bell.label)}`) })
        .click();
      await page.getByRole('dialog', { name: m.notifications.title }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'notifications',
    as: 'manager',
    path: '/notifications',
    steps: ({ page }) => page.getByRole('main').getByRole('listitem').first().waitFor(),
  },
  { name: 'people', as: 'owner', path: '/people', steps: ({ page }) => page.getByRole('cell', { name: 'ece@example.com' }).waitFor() },
  {
    name: 'people-invite-errors',
    as: 'owner',
    path: '/people',
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: m.people.invite.open }).click();
      await page.getByRole('button', { name: m.people.invite.submit, exact: true }).click();
      await page.getByText(m.validation.required).first().waitFor();
    },
  },
  {
    name: 'people-invitation-link',
    as: 'owner',
    path: '/people',
    steps: async ({ page, m, lang }) => {
      await page.getByRole('button', { name: m.people.invite.open }).click();
      await page.getByLabel(m.people.fields.name, { exact: true }).fill('Selin Koç');
      await page.getByLabel(m.people.fields.email, { exact: true }).fill(`selin.${lang}@example.com`);
      await page.getByLabel(m.people.fields.role, { exact: true }).selectOption('manager');
      await page.getByRole('button', { name: m.people.invite.submit, exact: true }).click();
      await page.getByLabel(m.people.invitationLink).waitFor();
    },
  },
  {
    name: 'people-manage-person',
    as: 'owner',
    path: '/people',
    viewport: true,
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: `${m.people.manage.button} Mehmet Öztürk` }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'people-last-owner',
    as: 'owner',
    path: '/people',
    viewport: true,
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: `${m.people.manage.button} Şule Yıldırım` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(m.people.fields.role, { exact: true }).selectOption('member');
      await dialog.getByRole('button', { name: m.common.save }).click();
      await dialog.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
    },
  },
  { name: 'people-as-manager', as: 'manager', path: '/people' },
  {
    name: 'account-menu',
    as: 'owner',
    path: '/my-work',
    viewport: true,
    steps: async ({ page, m }) => {
      await page.getByLabel(m.app.organization.switch).waitFor();
      await page.getByRole('button', { name: new RegExp(literal(m.app.userMenu.label)) }).click();
      await page.getByRole('link', { name: m.app.userMenu.profile }).waitFor();
    },
  },
  {
    name: 'phone-menu',
    as: 'owner',
    path: '/my-work',
    viewport: true,
    phoneOnly: true,
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: m.app.menu, exact: true }).click();
      await page.getByRole('link', { name: m.app.nav.reports }).waitFor();
    },
  },
  { name: 'profile', as: 'owner', path: '/profile', steps: ({ page, m }) => page.getByLabel(m.tokens.name, { exact: true }).waitFor() },
  {
    name: 'profile-new-token',
    as: 'owner',
    path: '/profile',
    steps: async ({ page, m, lang }) => {
      await page.getByLabel(m.tokens.name, { exact: true }).fill(`Timesheet export (${lang})`);
      await page.getByRole('button', { name: m.tokens.create }).click();
      await page.getByLabel(m.tokens.tokenValue).waitFor();
    },
  },
  {
    name: 'settings',
    as: 'owner',
    path: '/settings',
    steps: async ({ page, m }) => {
      await page.getByRole('list', { name: m.activityTypes.title }).waitFor();
      await page.getByRole('button', { name: new RegExp(literal(m.notifications.failedJobs.retry)) }).waitFor();
    },
  },
  {
    name: 'settings-activity-type-taken',
    as: 'owner',
    path: '/settings',
    steps: async ({ page, m }) => {
      const add = page.locator('form.activity-type-form--add');
      await add.getByLabel(m.activityTypes.fields.name).fill('meeting');
      await add.getByRole('button', { name: m.activityTypes.add.submit }).click();
      await add.locator('.field__error').waitFor();
    },
  },
  {
    name: 'settings-activity-type-editing',
    as: 'owner',
    path: '/settings',
    steps: async ({ page, m }) => {
      const a = m.activityTypes;
      await page.getByRole('button', { name: `${a.edit} Meeting` }).click();
      await page
        .getByRole('form', { name: a.editLabel.replace('{{name}}', 'Meeting') })
        .getByLabel(a.fields.name)
        .fill('Client meeting');
    },
  },
  {
    name: 'settings-organization-created',
    as: 'owner',
    path: '/settings',
    steps: async ({ page, m, lang }) => {
      const email = `kaan.${lang}@ege.example`;
      await page.getByLabel(m.organizations.create.name).fill(lang === 'en' ? 'Ege Engineering' : 'Ege Mühendislik');
      await page.getByLabel(m.organizations.create.ownerName).fill('Kaan Er');
      await page.getByLabel(m.organizations.create.ownerEmail).fill(email);
      await page.getByLabel(m.organizations.create.ownerPassword).fill('kaan has a long password');
      await page.getByRole('button', { name: m.organizations.create.submit }).click();
      await page.getByText(email).first().waitFor();
    },
  },
  {
    name: 'settings-as-member',
    as: 'member',
    path: '/settings',
    steps: ({ page, m }) => page.getByRole('list', { name: m.activityTypes.title }).waitFor(),
  },
  { name: 'projects', as: 'manager', path: '/projects', steps: ({ page }) => page.getByRole('link', { name: /Headquarters/ }).waitFor() },
  {
    name: 'projects-new',
    as: 'manager',
    path: '/projects',
    viewport: true,
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: m.projects.new.open }).click();
      await page.getByLabel(m.projects.fields.name).fill('Bornova Kütüphanesi Cephe Yenileme');
      await page.getByLabel(m.projects.fields.client).selectOption({ label: m.projects.clientPicker.newOption });
      await page.getByLabel(m.projects.clientPicker.newName).fill('Bornova Belediyesi');
      const picker = page.getByRole('group', { name: m.projects.fields.members });
      await picker.getByRole('combobox').first().selectOption({ label: 'Ayşe Çelik' });
      await picker.getByRole('button', { name: m.projects.members.addDraft, exact: true }).click();
    },
  },
  { name: 'clients', as: 'manager', path: '/projects/clients', steps: ({ page }) => page.getByText('Kordon Vakfı').first().waitFor() },
  {
    name: 'project-list',
    as: 'manager',
    path: (seed) => `/projects/${seed.projects.headquarters.id}/list`,
    viewport: true,
    steps: ({ page }) => page.getByRole('table').locator('tbody tr').first().waitFor(),
  },
  {
    name: 'project-list-search',
    as: 'manager',
    path: (seed) => `/projects/${seed.projects.headquarters.id}/list`,
    viewport: true,
    steps: async ({ page, m }) => {
      await page.getByLabel(m.list.filters.search).fill('proposal');
      await page.getByRole('table').locator('mark').first().waitFor();
    },
  },
  {
    name: 'project-board',
    as: 'manager',
    path: (seed) => `/projects/${seed.projects.kordon.id}/board`,
    steps: ({ page }) => page.locator('.card-task').first().waitFor(),
  },
  {
    name: 'project-board-move-menu',
    as: 'manager',
    path: (seed) => `/projects/${seed.projects.kordon.id}/board`,
    viewport: true,
    steps: async ({ page, m }) => {
      await page
        .getByRole('button', { name: new RegExp(`^${literal(m.board.moveTo)}`) })
        .first()
        .click();
      await page.getByRole('menu').waitFor();
    },
  },
  {
    name: 'project-new-task-hints',
    as: 'manager',
    path: (seed) => `/projects/${seed.projects.kordon.id}/board`,
    viewport: true,
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: m.newTask.open }).first().click();
      await page.getByRole('dialog').getByLabel(m.newTask.fields.title).fill('Proposal');
    },
  },
  {
    name: 'project-new-task',
    as: 'manager',
    path: (seed) => `/projects/${seed.projects.kordon.id}/board`,
    viewport: true,
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: m.newTask.open }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(m.newTask.fields.title).fill('Kordon Vakfı – Mart 2027 bütçe revizyonu');
      await dialog.getByLabel(m.newTask.fields.captain).selectOption({ label: 'Ayşe Çelik' });
      await dialog.getByLabel(m.newTask.fields.deadlineDate).fill('2027-03-31');
      await dialog
        .getByRole('textbox', { name: m.newTask.fields.description })
        .fill('Update the **cost estimate** after the survey.\n\n- new prices\n- revised schedule');
    },
  },
  {
    name: 'project-milestones',
    as: 'manager',
    path: (seed) => `/projects/${seed.projects.kordon.id}/milestones`,
    steps: ({ page }) => page.getByRole('heading', { level: 3, name: 'Design approved' }).waitFor(),
  },
  {
    name: 'project-members',
    as: 'manager',
    path: (seed) => `/projects/${seed.projects.kordon.id}/list`,
    steps: async ({ page, m }) => {
      await tab(page, m, m.projects.tabs.members);
      await page.getByRole('table').waitFor();
    },
  },
  {
    name: 'project-settings',
    as: 'manager',
    path: (seed) => `/projects/${seed.projects.kordon.id}/settings`,
    steps: ({ page, m }) => page.getByLabel(m.projects.fields.name).waitFor(),
  },
  {
    name: 'task',
    as: 'member',
    path: (seed) => `/tasks/${seed.tasks.drawings.id}`,
    steps: async ({ page, m }) => {
      await page.getByRole('heading', { name: m.taskView.history.title }).waitFor();
      await page.locator('.timeline__item').first().waitFor();
      await page.locator('.time-entries').waitFor();
    },
  },
  {
    name: 'task-wait-errors',
    as: 'member',
    path: (seed) => `/tasks/${seed.tasks.drawings.id}`,
    viewport: true,
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: `${m.tasks.action.wait}…` }).click();
      await page.getByRole('dialog').getByRole('button', { name: m.tasks.action.wait }).click();
      await page.getByText(m.tasks.transition.waitingReasonRequired).waitFor();
    },
  },
  {
    name: 'task-details-form',
    as: 'member',
    path: (seed) => `/tasks/${seed.tasks.drawings.id}`,
    steps: ({ page, m }) => page.getByRole('button', { name: m.taskView.details.edit }).click(),
  },
  {
    name: 'task-description-preview',
    as: 'member',
    path: (seed) => `/tasks/${seed.tasks.drawings.id}`,
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: m.taskView.description.edit }).click();
      await page
        .getByRole('tablist', { name: new RegExp(`^${literal(m.taskView.description.label)}`) })
        .getByRole('tab', { name: m.taskView.markdown.preview })
        .click();
    },
  },
  {
    name: 'task-add-time',
    as: 'member',
    path: (seed) => `/tasks/${seed.tasks.drawings.id}`,
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: m.timeEntry.add, exact: true }).click();
      await page.getByLabel(m.timeEntry.fields.duration).fill('1.5h');
    },
  },
  {
    name: 'task-conflict',
    as: 'member',
    path: (seed) => `/tasks/${seed.tasks.permit.id}`,
    steps: async ({ page, m, seed, api }) => {
      // Mehmet changes the task while Ayşe edits its title.
      await page.getByRole('button', { name: m.taskView.title.edit }).click();
      const manager = await api('manager');
      const current = await manager.get<{ version: number; description: string }>(`/tasks/${seed.tasks.permit.id}`);
      await manager.patch(`/tasks/${seed.tasks.permit.id}`, {
        version: current.version,
        description: `${current.description}\n\n- Tapu fotokopisi`.trim(),
      });
      await page.getByLabel(m.taskView.title.label).fill('Belediye ruhsat dosyası (tam liste)');
      await page.getByRole('button', { name: m.taskView.title.save }).click();
      await page.getByRole('heading', { name: m.taskView.conflict.title }).waitFor();
    },
  },
  {
    name: 'task-waiting',
    as: 'member',
    path: (seed) => `/tasks/${seed.tasks.tiles.id}`,
    steps: ({ page }) => page.getByText('Kaya Yapı, kiremit tedarikçisi').first().waitFor(),
  },
  {
    name: 'task-review-dialog',
    as: 'manager',
    path: (seed) => `/tasks/${seed.tasks.report.id}`,
    viewport: true,
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: `${m.tasks.action.request_changes}…` }).click();
      await page.getByLabel(m.tasks.transition.feedback).fill('Tablodaki birim fiyatları güncel listeyle karşılaştır.');
    },
  },
  {
    name: 'task-changes-requested',
    as: 'manager',
    path: (seed) => `/tasks/${seed.tasks.application.id}`,
    steps: ({ page, m }) => page.getByRole('heading', { name: m.taskView.feedback.changesRequested }).waitFor(),
  },
  { name: 'task-done', as: 'member', path: (seed) => `/tasks/${seed.tasks.archive.id}` },
  {
    name: 'task-time-correction',
    as: 'manager',
    path: (seed) => `/tasks/${seed.tasks.drawings.id}`,
    viewport: true,
    steps: async ({ page, m }) => {
      await page.locator('.timeline__item--time_entry_changed').first().waitFor();
      await page.locator('.time-entries__action').first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(m.timeEntry.fields.duration).fill('2:15');
      await dialog.getByLabel(m.timeEntry.fields.reasonOptional).fill('Fotoğraf çekimi dahil edilmemişti.');
    },
  },
  {
    name: 'timesheet',
    as: 'member',
    path: '/time',
    steps: ({ page }) => page.locator('input.ts-input').first().waitFor(),
  },
  {
    name: 'timesheet-returned',
    as: 'member',
    path: (seed) => `/time?week=${seed.weeks.last}`,
    steps: ({ page, m }) => page.getByText(m.timesheet.status.rejected, { exact: true }).first().waitFor(),
  },
  {
    name: 'timesheet-approved',
    as: 'member',
    path: (seed) => `/time?week=${seed.weeks.beforeLast}`,
    steps: ({ page, m }) => page.getByText(m.timesheet.status.approved, { exact: true }).first().waitFor(),
  },
  {
    name: 'approvals',
    as: 'manager',
    path: '/time/approvals',
    steps: ({ page }) =>
      page
        .getByRole('link', { name: /Deniz Kaya/ })
        .first()
        .waitFor(),
  },
  {
    name: 'approvals-week',
    as: 'manager',
    path: (seed) => `/time?user=${seed.people.designer.id}&week=${seed.weeks.last}`,
    steps: ({ page, m }) => page.getByRole('button', { name: m.timesheet.decide.approve, exact: true }).waitFor(),
  },
  {
    name: 'approvals-return-dialog',
    as: 'manager',
    path: (seed) => `/time?user=${seed.people.designer.id}&week=${seed.weeks.last}`,
    viewport: true,
    steps: async ({ page, m }) => {
      await page.getByRole('button', { name: m.timesheet.decide.reject, exact: true }).click();
      await page.getByRole('dialog').getByLabel(m.timesheet.decide.commentRequiredLabel).waitFor();
    },
  },
  { name: 'reports', as: 'owner', path: (seed) => `/reports?${reportRange(seed)}`, steps: ({ page, m }) => chartsDrawn(page, m) },
  {
    name: 'reports-project-picker',
    as: 'owner',
    path: (seed) => `/reports?${reportRange(seed)}`,
    viewport: true,
    steps: async ({ page, m }) => {
      await chartsDrawn(page, m);
      await page.getByRole('button', { name: new RegExp(`^${literal(m.reports.filters.projects)}`) }).click();
      await page.getByRole('checkbox', { name: /Kordon/ }).waitFor();
    },
  },
  {
    name: 'reports-one-project',
    as: 'owner',
    path: (seed) => `/reports?${reportRange(seed)}&projectIds=${seed.projects.kordon.id}`,
    steps: async ({ page, m }) => {
      await page.getByRole('figure', { name: m.reports.charts.byTask }).waitFor();
      await chartsDrawn(page, m);
    },
  },
  {
    name: 'reports-last-12-months',
    as: 'owner',
    path: '/reports?period=last-12-months',
    steps: async ({ page, m }) => {
      await page.getByRole('figure', { name: m.reports.charts.per.month }).waitFor();
      await chartsDrawn(page, m);
    },
  },
  {
    name: 'reports-too-long',
    as: 'owner',
    path: (seed) => `/reports?period=custom&from=${addDays(seed.today, -500)}&to=${seed.today}`,
    steps: ({ page, m }) => page.getByText(m.reports.errors.tooLong_other.replace('{{count}}', '400')).waitFor(),
  },
  {
    name: 'reports-empty',
    as: 'owner',
    path: (seed) => `/reports?period=custom&from=${addDays(seed.today, -200)}&to=${addDays(seed.today, -150)}`,
    steps: ({ page, m }) => page.getByRole('heading', { name: m.reports.empty.title }).waitFor(),
  },
  { name: 'reports-manager', as: 'manager', path: (seed) => `/reports?${reportRange(seed)}`, steps: ({ page, m }) => chartsDrawn(page, m) },
  { name: 'reports-member', as: 'member', path: (seed) => `/reports?${reportRange(seed)}`, steps: ({ page, m }) => chartsDrawn(page, m) },
  {
    name: 'reports-member-filters',
    as: 'member',
    path: (seed) => `/reports?${reportRange(seed)}`,
    viewport: true,
    phoneOnly: true,
    steps: async ({ page, m }) => {
      await chartsDrawn(page, m);
      await page.getByRole('button', { name: m.reports.filters.more }).click();
    },
  },
];
