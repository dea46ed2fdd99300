import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  TextInput,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactFilter } from '../../../shared/contacts/filters';
import { useCustomFields } from './custom-fields/useCustomFields';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../shared/schemas';
import { useContactsView } from './contacts-view-store';
import { useContactFacets } from './useContactSearch';

/** Month names in the user's language, from Intl. */
function monthNames(locale: string): string[] {
  const f = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2000, i, 1))));
}

/** `open`: the pickers read every tag, source and city of the book, so only while shown. */
export function FiltersPanel({ locale, open }: { locale: string; open: boolean }) {
  const { t } = useTranslation();
  const facets = useContactFacets(open);
  const customDefs = useCustomFields();
  const { filter, setFilter, views, saveView, deleteView } = useContactsView();
  const [viewName, setViewName] = useState('');
  const set = (patch: Partial<ContactFilter>) => setFilter({ ...filter, ...patch });
  const months = monthNames(locale);

  return (
    <Paper withBorder p="sm" radius="md" aria-label={t('contacts.filters.title')} role="region">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <MultiSelect
          label={t('contacts.filters.tags')}
          data={facets?.tags ?? []}
          value={filter.tags ?? []}
          onChange={(tags) => set({ tags })}
          searchable
          clearable
        />
        <MultiSelect
          label={t('contacts.filters.stages')}
          data={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`contacts.stages.${s}`) }))}
          value={filter.stages ?? []}
          onChange={(v) => set({ stages: v as LifecycleStage[] })}
          clearable
        />
        <MultiSelect
          label={t('contacts.filters.sources')}
          data={(facets?.sources ?? []).map((s) => ({
            value: s,
            label: t(`contacts.sources.${s}`, { defaultValue: s }),
          }))}
          value={filter.sources ?? []}
          onChange={(sources) => set({ sources })}
          clearable
        />
        <MultiSelect
          label={t('contacts.filters.cities')}
          data={facets?.cities ?? []}
          value={filter.cities ?? []}
          onChange={(cities) => set({ cities })}
          searchable
          clearable
        />
        <Select
          label={t('contacts.filters.birthdayMonth')}
          placeholder={t('contacts.filters.any')}
          data={months.map((m, i) => ({ value: String(i + 1), label: m }))}
          value={filter.birthdayMonth ? String(filter.birthdayMonth) : null}
          onChange={(v) => set({ birthdayMonth: v ? Number(v) : undefined })}
          clearable
        />
        <DatePickerInput
          label={t('contacts.filters.lastPurchaseAfter')}
          value={filter.lastPurchaseAfter ?? null}
          onChange={(v) => set({ lastPurchaseAfter: v ?? undefined })}
          clearable
          valueFormat="D MMM YYYY"
        />
        <DatePickerInput
          label={t('contacts.filters.lastPurchaseBefore')}
          value={filter.lastPurchaseBefore ?? null}
          onChange={(v) => set({ lastPurchaseBefore: v ?? undefined })}
          clearable
          valueFormat="D MMM YYYY"
        />
        <NumberInput
          label={t('contacts.filters.noPurchaseDays')}
          min={1}
          max={3650}
          allowDecimal={false}
          value={filter.noPurchaseDays ?? ''}
          onChange={(v) => set({ noPurchaseDays: typeof v === 'number' && v > 0 ? v : undefined })}
        />
        {customDefs.length > 0 && (
          <>
            <Select
              label={t('customFields.filter')}
              placeholder={t('contacts.filters.any')}
              data={customDefs.map((d) => ({ value: d.id, label: d.name }))}
              value={filter.custom?.id ?? null}
              onChange={(id) =>
                set({ custom: id ? { id, text: filter.custom?.text ?? '' } : undefined })
              }
              clearable
            />
            <TextInput
              label={t('customFields.filterValue')}
              placeholder={t('customFields.filterAny')}
              disabled={!filter.custom}
              value={filter.custom?.text ?? ''}
              onChange={(e) =>
                filter.custom && set({ custom: { ...filter.custom, text: e.currentTarget.value } })
              }
            />
          </>
        )}
      </SimpleGrid>
      <Group justify="space-between" mt="sm" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Select
            aria-label={t('contacts.filters.views')}
            placeholder={t('contacts.filters.views')}
            data={views.map((v) => v.name)}
            value={null}
            onChange={(name) => {
              const v = views.find((x) => x.name === name);
              if (v) setFilter(v.filter);
            }}
            w={200}
            size="xs"
          />
          {views.map((v) => (
            <ActionIcon
              key={v.name}
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={`${t('contacts.filters.deleteView')}: ${v.name}`}
              title={`${t('contacts.filters.deleteView')}: ${v.name}`}
              onClick={() => deleteView(v.name)}
            >
              <IconTrash size={14} />
            </ActionIcon>
          ))}
        </Group>
        <Group gap="xs">
          <TextInput
            size="xs"
            aria-label={t('contacts.filters.viewName')}
            placeholder={t('contacts.filters.viewName')}
            value={viewName}
            onChange={(e) => setViewName(e.currentTarget.value)}
            maxLength={60}
          />
          <Button
            size="xs"
            variant="light"
            leftSection={<IconDeviceFloppy size={14} />}
            disabled={viewName.trim() === ''}
            onClick={() => {
              saveView({ name: viewName.trim(), filter });
              notifications.show({
                message: t('contacts.filters.viewSaved', { name: viewName.trim() }),
                autoClose: 2500,
              });
              setViewName('');
            }}
          >
            {t('contacts.filters.saveView')}
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={() => setFilter({})}>
            {t('contacts.filters.clear')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
