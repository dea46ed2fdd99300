import { useTranslation } from 'react-i18next';
import { INTL_LOCALE, isLanguage, type Language } from './index';

/** The current UI language and the Intl locale to format money and dates with. */
export function useLocale(): { language: Language; locale: string } {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  return { language, locale: INTL_LOCALE[language] };
}
