import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/api.js';

const NATIVE_NAMES: Record<Locale, string> = { en: 'English', tr: 'Türkçe' };

/** Language names are written in their own language, so anyone can find theirs. */
export function localeName(locale: Locale): string {
  return NATIVE_NAMES[locale];
}

export function LanguageSwitch({ value, onChange }: { value: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="language-switch__option"
          aria-pressed={value === locale}
          onClick={() => onChange(locale)}
        >
          {localeName(locale)}
        </button>
      ))}
    </fieldset>
  );
}
