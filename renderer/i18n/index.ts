/**
 * i18next set up for English and Bahasa Indonesia. The chosen language is a per-device
 * preference, remembered in localStorage (read synchronously, so the first paint is right).
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { id } from './id';

export const LANGUAGES = ['en', 'id'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Intl locale per UI language: English as used in Indonesia keeps Rupiah and dd/mm dates. */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-ID', id: 'id-ID' };

export const LANGUAGE_STORAGE_KEY = 'kenal.language';

export const resources = { en: { translation: en }, id: { translation: id } } as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered language, else the browser's first English or Indonesian, else Indonesian. */
export function initialLanguage(
  storage: Pick<Storage, 'getItem'> | undefined,
  languages: readonly string[],
): Language {
  const saved = storage?.getItem(LANGUAGE_STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'in') return 'id'; // old Java/Android code for Indonesian
    if (isLanguage(base)) return base;
  }
  return 'id';
}

export async function initI18n(language: Language): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
    } catch {
      // Storage can be unavailable (private mode, quota); the choice then lasts this session.
    }
  });
  document.documentElement.lang = language;
  return instance;
}
