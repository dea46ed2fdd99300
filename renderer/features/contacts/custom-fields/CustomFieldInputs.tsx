import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readCustomValue, type CustomFieldDef } from '../../../../shared/contacts/custom-fields';
import { DateField } from '../../../app/inputs/DateField';

/** Field errors of the shop's own fields, at "custom.<id>" (i18n keys). */
export function customFieldErrors(
  defs: readonly CustomFieldDef[],
  values: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of defs) {
    const r = readCustomValue(d, values?.[d.id] ?? '');
    if (!r.ok) out[`custom.${d.id}`] = r.error;
  }
  return out;
}

/**
 * The values as stored: each checked and normalized by its field's type ("12,5" -> "12.5");
 * values of fields removed in Settings are left as they are.
 */
export function normalizedCustom(
  defs: readonly CustomFieldDef[],
  values: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  if (values === undefined) return undefined;
  const out: Record<string, string> = { ...values };
  for (const d of defs) {
    const r = readCustomValue(d, values[d.id] ?? '');
    if (r.ok) out[d.id] = r.value ?? '';
  }
  return out;
}

export interface CustomFieldInputsProps {
  defs: readonly CustomFieldDef[];
  values: Readonly<Record<string, string>>;
  onChange: (id: string, value: string) => void;
  error: (path: string) => string | undefined;
}

/** The contact form's inputs for the shop's own fields (Settings), one per field by type. */
export function CustomFieldInputs({ defs, values, onChange, error }: CustomFieldInputsProps) {
  const { t } = useTranslation();
  if (defs.length === 0) return null;
  return (
    <>
      <Text fw={600} size="sm" mt="xs">
        {t('customFields.section')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {defs.map((d) => {
          const value = values[d.id] ?? '';
          const err = error(`custom.${d.id}`);
          if (d.type === 'choice')
            return (
              <Select
                key={d.id}
                label={d.name}
                clearable
                // A stored value that is no longer a choice still shows (and can be kept).
                data={[...new Set([...(d.options ?? []), ...(value ? [value] : [])])]}
                value={value || null}
                onChange={(v) => onChange(d.id, v ?? '')}
                error={err}
              />
            );
          if (d.type === 'date')
            return (
              <DateField
                key={d.id}
                label={d.name}
                clearable
                value={value === '' ? null : value}
                onChange={(v) => onChange(d.id, v ?? '')}
                error={err}
              />
            );
          return (
            <TextInput
              key={d.id}
              label={d.name}
              inputMode={d.type === 'number' ? 'decimal' : undefined}
              maxLength={2000}
              value={value}
              onChange={(e) => onChange(d.id, e.currentTarget.value)}
              error={err}
            />
          );
        })}
      </SimpleGrid>
    </>
  );
}
