import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEXT_ENCODINGS, type TextEncodingName } from '../../../../shared/text-encoding';

/**
 * The file's character encoding as detected (shared/text-encoding.ts), changeable: the one
 * picker of the contacts and the sales import.
 */
export function EncodingSelect({
  value,
  onChange,
}: {
  value: TextEncodingName;
  onChange: (e: TextEncodingName) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      size="xs"
      w={300}
      label={t('contacts.import.encoding')}
      description={t('contacts.import.encodingHelp')}
      allowDeselect={false}
      data={TEXT_ENCODINGS.map((e) => ({ value: e, label: t(`contacts.import.encodings.${e}`) }))}
      value={value}
      onChange={(v) => v && v !== value && onChange(v as TextEncodingName)}
      data-testid="encoding-select"
    />
  );
}
