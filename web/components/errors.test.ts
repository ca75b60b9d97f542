import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { en, tr } from '../i18n/catalogs.js';
import { errorMessage, fieldMessage, problemMessage } from './errors.js';

const problem = (code: string, detail?: string, fieldErrors: { pointer: string; code: string; detail: string }[] = []) =>
  new ApiError({ status: 409, code, title: 'Title from the server', detail, fieldErrors });

describe('problems in the reader’s language', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'en',
      resources: { en: { translation: en }, tr: { translation: tr } },
      interpolation: { escapeValue: false },
    });
  });
  afterEach(() => i18next.changeLanguage('en'));

  it('say a code by the catalogue’s sentence, not the server’s words', async () => {
    const error = problem('last_manager', 'A project keeps at least one manager; make someone else manager first.');
    expect(problemMessage(error)).toBe('A project needs at least one manager. Make someone else a manager first.');
    await i18next.changeLanguage('tr');
    expect(problemMessage(error)).toBe('Bir projenin en az bir yöneticisi olmalı. Önce başka birini proje yöneticisi yapın.');
  });

  it('give English readers the server’s detail where it names specifics, others the translation', async () => {
    const error = problem('timesheet_locked', 'The week of 2026-03-02 is submitted for approval; withdraw it to change its time.');
    expect(problemMessage(error)).toBe('The week of 2026-03-02 is submitted for approval; withdraw it to change its time.');
    await i18next.changeLanguage('tr');
    expect(problemMessage(error)).toBe('Bu hafta gönderildi ya da onaylandı; zamanı değişemez. Gönderilmiş bir haftayı önce geri çekin.');
  });

  it('fall back to the server’s words for a code the catalogue lacks, then to the title', () => {
    expect(problemMessage(problem('brand_new_code', 'Something new happened.'))).toBe('Something new happened.');
    expect(problemMessage(problem('http_502'))).toBe('Title from the server');
  });

  it('say what went wrong when no answer came, or no request was made', async () => {
    expect(problemMessage(new ApiError({ status: 0, code: 'network', title: 'The server could not be reached.' }))).toBe(
      'Spine could not be reached. Check your connection and try again.',
    );
    expect(problemMessage(new Error('boom'))).toBe('Something unexpected went wrong. Please try again.');
  });

  it('say field errors by the same rule', async () => {
    const tooShort = { pointer: '/title', code: 'too_short', detail: 'Too small: expected string to have >=3 characters' };
    const captain = { pointer: '/captainId', code: 'captain_required', detail: 'Name a captain.' };
    expect(fieldMessage(tooShort)).toBe('Too small: expected string to have >=3 characters');
    expect(fieldMessage(captain)).toBe('Name a captain: the one person responsible for the result.');
    expect(fieldMessage({ pointer: '/x', code: 'brand_new_code', detail: 'Server words.' })).toBe('Server words.');
    await i18next.changeLanguage('tr');
    expect(fieldMessage(tooShort)).toBe('Bu değer çok kısa.');
    expect(fieldMessage(captain)).toBe('Bir kaptan atayın: sonuçtan sorumlu tek kişi.');
  });

  it('explain a validation problem by its fields where no form shows them', () => {
    const dayFull = {
      pointer: '/duration',
      code: 'day_full',
      detail: '2026-03-03 would hold more than 24 hours: only 1:30 is left that day.',
    };
    expect(errorMessage(problem('validation_failed', 'x', [dayFull]))).toBe(dayFull.detail);
    expect(errorMessage(problem('validation_failed', 'x'))).toBe('Some fields need your attention.');
    expect(errorMessage(problem('task_incomplete', 'x', [{ pointer: '/deadline', code: 'deadline_required', detail: 'x' }]))).toBe(
      'The task needs a captain and a deadline before work starts.',
    );
  });
});
