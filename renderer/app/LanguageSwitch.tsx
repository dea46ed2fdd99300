import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale';
import type { Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { language } = useLocale();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('settings.language')}
      value={language}
      onChange={(v) => void i18n.changeLanguage(v as Language)}
      data={[
        { value: 'en', label: 'EN' },
        { value: 'id', label: 'ID' },
      ]}
    />
  );
}
