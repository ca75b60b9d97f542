import i18next from 'i18next';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SetupBodySchema } from '../../shared/api.js';
import { CreateTaskBodySchema } from '../../shared/tasks.js';
import { ApiError } from '../api/client.js';
import { en, tr } from '../i18n/catalogs.js';
import { fieldForPointer, placeIssues, placeProblem } from './use-server-form.js';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en }, tr: { translation: tr } }, interpolation: { escapeValue: false } });
});

beforeEach(async () => {
  await i18next.changeLanguage('en');
});

/** A form whose controls carry these names. */
const controls =
  (...names: string[]) =>
  (name: string) =>
    names.includes(name);

describe('which field shows an error', () => {
  it('is the field the pointer names, nested names joined with dots', () => {
    expect(fieldForPointer('/email', controls('email'))).toBe('email');
    expect(fieldForPointer('/owner/email', controls('owner.email'))).toBe('owner.email');
  });

  it('is the nearest field above a pointer into a list', () => {
    expect(fieldForPointer('/labels/3', controls('labels'))).toBe('labels');
    expect(fieldForPointer('/collaboratorIds/0', controls('collaboratorIds'))).toBe('collaboratorIds');
  });

  it('follows an alias where the form names the field differently from the body', () => {
    expect(fieldForPointer('/estimateMinutes', controls('estimateHours'), { '/estimateMinutes': 'estimateHours' })).toBe('estimateHours');
  });

  it('is none when the form has no field for the pointer', () => {
    expect(fieldForPointer('/projectId', controls('title'))).toBeUndefined();
    expect(fieldForPointer('/', controls('title'))).toBeUndefined();
  });
});

describe('the browser’s check with the server’s schema', () => {
  const setupIssues = () =>
    SetupBodySchema.safeParse({ organizationName: ' ', name: 'Şule', email: 'sule@', password: 'short' }).error?.issues ?? [];
  const fieldOf = (pointer: string) => fieldForPointer(pointer, controls('organizationName', 'name', 'email', 'password'));

  it('puts one message in the reader’s language on each invalid field', () => {
    expect(placeIssues(setupIssues(), fieldOf)).toEqual({
      fields: {
        organizationName: 'Fill in this field.',
        email: 'Enter an email address such as name@example.com.',
        password: 'Use at least 10 characters.',
      },
      unplaced: [],
    });
  });

  it('speaks Turkish to a Turkish reader, not the schema’s English', async () => {
    await i18next.changeLanguage('tr');
    expect(placeIssues(setupIssues(), fieldOf).fields).toEqual({
      organizationName: 'Bu alanı doldurun.',
      email: 'ad@ornek.com gibi bir e-posta adresi girin.',
      password: 'En az 10 karakter kullanın.',
    });
  });

  it('uses the form’s own words for a field where it has them', () => {
    expect(placeIssues(setupIssues(), fieldOf, { '/password': 'Ten characters or more.' }).fields.password).toBe('Ten characters or more.');
  });

  it('places an issue deep in a list on the list’s field, with that field’s own words', () => {
    const issues = CreateTaskBodySchema.safeParse({ projectId: 1, title: 'Site survey for the permit', labels: ['x'.repeat(41)] }).error
      ?.issues;
    const placed = placeIssues(issues ?? [], (pointer) => fieldForPointer(pointer, controls('title', 'labels')), {
      '/labels': 'Up to 20 labels.',
    });
    expect(placed.fields).toEqual({ labels: 'Up to 20 labels.' });
  });

  it('keeps issues no field can show for the summary', () => {
    const issues = CreateTaskBodySchema.safeParse({ title: 'Site survey for the permit' }).error?.issues;
    const placed = placeIssues(issues ?? [], (pointer) => fieldForPointer(pointer, controls('title')));
    expect(placed.fields).toEqual({});
    expect(placed.unplaced).toEqual(['Enter a number.']);
  });
});

describe('a failed request on the form', () => {
  const problem = (errors: { pointer: string; detail: string; code: string }[]) =>
    new ApiError({ status: 422, code: 'validation_failed', title: 'Invalid request', fieldErrors: errors });
  const fieldOf = (pointer: string) => fieldForPointer(pointer, controls('name', 'owner.email'));

  it('puts each field error on its field, in the reader’s language', async () => {
    const error = problem([{ pointer: '/owner/password', detail: 'Too common.', code: 'common_password' }]);
    const withPassword = (pointer: string) => fieldForPointer(pointer, controls('name', 'owner.password'));
    expect(placeProblem(error, withPassword)).toEqual({
      fields: { 'owner.password': 'This password is too common. Choose one that is harder to guess.' },
      unplaced: [],
    });
    await i18next.changeLanguage('tr');
    expect(placeProblem(error, withPassword).fields['owner.password']).toBe(
      'Bu parola çok yaygın. Tahmin edilmesi daha zor bir parola seçin.',
    );
  });

  it('keeps the first error of a field and sends those without a field to the summary', () => {
    const error = problem([
      { pointer: '/name', detail: 'Enter a name.', code: 'too_short' },
      { pointer: '/name', detail: 'Too long.', code: 'too_long' },
      { pointer: '/owner/password', detail: 'This password is too common.', code: 'common_password' },
    ]);
    expect(placeProblem(error, fieldOf)).toEqual({
      fields: { name: 'Enter a name.' },
      unplaced: ['This password is too common. Choose one that is harder to guess.'],
    });
  });

  it('places nothing for an error that is not a problem', () => {
    expect(placeProblem(new Error('offline'), fieldOf)).toEqual({ fields: {}, unplaced: [] });
  });
});
