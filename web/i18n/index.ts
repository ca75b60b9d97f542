import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/api.js';
import { en, tr } from './catalogs.js';

export const resources = { en: { translation: en }, tr: { translation: tr } } as const;

const CHOSEN_KEY = 'spine.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Before sign-in: a language picked on this device, else the browser's if Turkish, else English. */
export function initialLocale(): Locale {
  try {
    const chosen = window.localStorage.getItem(CHOSEN_KEY);
    if (isLocale(chosen)) return chosen;
  } catch {
    // Storage may be blocked; the browser language still works.
  }
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return languages.some((language) => language?.toLowerCase().startsWith('tr')) ? 'tr' : 'en';
}

/** Remembers a language picked before sign-in (the signed-in user's comes from their profile). */
export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(CHOSEN_KEY, locale);
  } catch {
    // Not remembered: fine.
  }
}

export function currentLocale(): Locale {
  return isLocale(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'en';
}

export async function setLocale(locale: Locale): Promise<void> {
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.title = i18next.t('app.name');
}

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});
applyToDocument(i18next.language);
i18next.on('languageChanged', applyToDocument);

export default i18next;
