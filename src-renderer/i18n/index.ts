// i18next with Norwegian Bokmål as the default and English as the second
// language (SPEC 9). The choice is remembered on this machine.
import i18next, { type ParseKeys, type TOptions } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/enums';
import { en } from './en';
import { nb } from './nb';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nb };
  }
}

const STORAGE_KEY = 'ordrebok.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'nb';
  } catch {
    return 'nb';
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { nb: { translation: nb }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nb',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
document.documentElement.lang = i18n.language;

export function setLanguage(lang: Language): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; the switch still applies to this session.
  }
}

/** The current language, re-rendering the component when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'nb';
}

/** A text both languages carry, as the engine's refusals do. */
export interface BilingualText {
  readonly nb: string;
  readonly en: string;
}

/** A message of our own resources in both languages, so it follows a later language switch. */
export function bilingual(key: ParseKeys, options?: TOptions): BilingualText {
  return {
    nb: String(i18n.getFixedT('nb')(key, options as never)),
    en: String(i18n.getFixedT('en')(key, options as never)),
  };
}
