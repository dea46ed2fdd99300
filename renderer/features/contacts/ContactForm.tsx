import {
  ActionIcon,
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  parseContactInput,
  type ContactInput,
  type FieldError,
} from '../../../shared/contact-input';
import { datePattern, formatDateTime, formatDayMonth } from '../../../shared/dates';
import { DateField, type DateFieldProblem } from '../../app/inputs/DateField';
import { useLocale } from '../../i18n/useLocale';
import { useRef } from 'react';
import {
  CHANNELS,
  CONTACT_SOURCES,
  GENDERS,
  LIFECYCLE_STAGES,
  PHONE_LABELS,
  SALUTATIONS,
} from '../../../shared/schemas';
import { SALUTATION_WORDS } from '../../../shared/timeline/message-values';
import { usePhoneRegion } from './usePhoneRegion';
import {
  CustomFieldInputs,
  customFieldErrors,
  normalizedCustom,
} from './custom-fields/CustomFieldInputs';
import { useCustomFields } from './custom-fields/useCustomFields';
import { ContactPicker } from '../sales/ContactPicker';

/** Optional fields the form always shows, so every input is controlled. */
function withFormDefaults(initial: ContactInput): ContactInput {
  return {
    address: '',
    city: '',
    gender: '',
    source: '',
    preferredChannel: '',
    stage: '',
    nickname: '',
    firstName: '',
    salutation: '',
    organization: '',
    jobTitle: '',
    referredBy: '',
    ...initial,
    custom: { ...initial.custom },
  };
}

function toFormErrors(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.path] ??= e.message;
  return out;
}

export interface ContactFormProps {
  initial: ContactInput;
  /**
   * Returns field errors to show, or nothing when saved. `opened` is what the form started
   * with, so a save can tell the fields the user changed from those left alone.
   */
  onSubmit: (values: ContactInput, opened: ContactInput) => Promise<FieldError[] | void>;
  onCancel: () => void;
  onDelete?: () => void;
  /** When the stored consent was given or declined, to show beside the checkbox. */
  consentAt?: string;
  locale?: string;
  /** The contact being edited (it cannot be its own referrer). */
  contactId?: string;
}

export function ContactForm({
  initial,
  onSubmit,
  onCancel,
  onDelete,
  consentAt,
  locale = 'en',
  contactId,
}: ContactFormProps) {
  const { t } = useTranslation();
  // Numbers without "+" are read in the shop's default country (Settings).
  const phoneRegion = usePhoneRegion();
  const { locale: typingLocale } = useLocale();
  // A birthday typed as no date or an impossible one ("31/02/1990") stops the save with a
  // message instead of being dropped (shared/dates' parseTypedDate, through DateField).
  const birthdayProblem = useRef<DateFieldProblem>(null);
  const customDefs = useCustomFields();
  const form = useForm<ContactInput>({
    mode: 'controlled',
    initialValues: withFormDefaults(initial),
    validate: (values) => {
      const r = parseContactInput({ ...values, phoneRegion });
      const errors = {
        ...(r.ok ? {} : toFormErrors(r.errors)),
        ...customFieldErrors(customDefs, values.custom),
      };
      return birthdayProblem.current ? { ...errors, birthday: birthdayProblem.current } : errors;
    },
  });

  // Errors hold i18n keys, so they re-translate when the language changes.
  const err = (path: string) => {
    const e = form.errors[path];
    return typeof e === 'string' ? t(e, { pattern: datePattern(typingLocale) }) : undefined;
  };

  // After a refused save, take the user to the first field that needs fixing (the drawer may be
  // scrolled to the buttons), for mouse and keyboard users alike.
  const focusFirstError = (formEl: EventTarget | null | undefined) =>
    requestAnimationFrame(() =>
      (formEl as HTMLFormElement | null | undefined)
        ?.querySelector<HTMLElement>('[aria-invalid="true"]')
        ?.focus(),
    );

  const submit = form.onSubmit(
    async (values, event) => {
      const formEl = event?.currentTarget; // read before the await: React clears it after
      const custom = normalizedCustom(customDefs, values.custom);
      const errors = await onSubmit(
        { ...values, phoneRegion, ...(custom && { custom }) },
        form.getInitialValues(),
      );
      if (errors && errors.length > 0) {
        form.setErrors(toFormErrors(errors));
        focusFirstError(formEl);
      }
    },
    (_errors, _values, event) => focusFirstError(event?.currentTarget),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('contacts.form')}>
      <Stack gap="sm">
        <TextInput
          label={t('contacts.fields.name')}
          withAsterisk
          data-autofocus
          maxLength={200}
          {...form.getInputProps('name')}
          error={err('name')}
        />
        <SimpleGrid cols={3} spacing="sm">
          <Select
            label={t('contacts.fields.salutation')}
            data={[
              { value: '', label: t('contacts.salutationNone') },
              ...SALUTATIONS.map((s) => ({ value: s, label: SALUTATION_WORDS[s] })),
            ]}
            value={form.values.salutation ?? ''}
            allowDeselect={false}
            onChange={(v) =>
              form.setFieldValue('salutation', (v ?? '') as ContactInput['salutation'])
            }
          />
          <TextInput
            label={t('contacts.fields.firstName')}
            description={t('contacts.firstNameHelp')}
            maxLength={100}
            {...form.getInputProps('firstName')}
            error={err('firstName')}
          />
          <TextInput
            label={t('contacts.fields.nickname')}
            maxLength={100}
            {...form.getInputProps('nickname')}
            error={err('nickname')}
          />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('contacts.fields.organization')}
            maxLength={200}
            {...form.getInputProps('organization')}
            error={err('organization')}
          />
          <TextInput
            label={t('contacts.fields.jobTitle')}
            maxLength={200}
            {...form.getInputProps('jobTitle')}
            error={err('jobTitle')}
          />
        </SimpleGrid>

        {form.values.phones.map((_, index) => (
          <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
            <Select
              aria-label={t('contacts.fields.phoneLabel')}
              w={130}
              allowDeselect={false}
              data={PHONE_LABELS.map((l) => ({ value: l, label: t(`contacts.phoneLabels.${l}`) }))}
              {...form.getInputProps(`phones.${index}.label`)}
              mt={index === 0 ? 24 : 0}
            />
            <TextInput
              style={{ flex: 1 }}
              label={index === 0 ? t('contacts.fields.phone') : undefined}
              aria-label={index === 0 ? undefined : `${t('contacts.fields.phone')} ${index + 1}`}
              placeholder="0812-3456-7890"
              inputMode="tel"
              autoComplete="off"
              {...form.getInputProps(`phones.${index}.raw`)}
              error={err(`phones.${index}.raw`)}
            />
            {form.values.phones.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={index === 0 ? 28 : 4}
                aria-label={t('contacts.removePhone')}
                onClick={() => form.removeListItem('phones', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('phones', { label: 'mobile', raw: '' })}
          style={{ alignSelf: 'flex-start' }}
          disabled={form.values.phones.length >= 20}
        >
          {t('contacts.addPhone')}
        </Button>

        <TextInput
          label={t('contacts.fields.email')}
          type="email"
          autoComplete="off"
          {...form.getInputProps('email')}
          error={err('email')}
        />
        <TagsInput
          label={t('contacts.fields.tags')}
          placeholder={t('contacts.tagsPlaceholder')}
          clearable
          {...form.getInputProps('tags')}
          error={err('tags')}
        />
        <DateField
          label={t('contacts.fields.birthday')}
          placeholder={t('contacts.birthdayPlaceholder')}
          longFormat
          clearable
          maxDate={new Date()}
          value={form.values.birthday === '' ? null : form.values.birthday}
          onChange={(v) => form.setFieldValue('birthday', v ?? '')}
          onProblem={(p) => {
            birthdayProblem.current = p;
            if (p === null) form.clearFieldError('birthday');
          }}
          error={err('birthday')}
          description={
            form.values.birthday === '' && form.values.birthMonthDay
              ? t('contacts.birthdayNoYear', {
                  date: formatDayMonth(`2000-${form.values.birthMonthDay}`, locale),
                })
              : undefined
          }
        />
        <Textarea
          label={t('contacts.fields.address')}
          autosize
          minRows={1}
          maxRows={4}
          {...form.getInputProps('address')}
          error={err('address')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('contacts.fields.city')}
            {...form.getInputProps('city')}
            error={err('city')}
          />
          <Select
            label={t('contacts.fields.gender')}
            clearable
            data={GENDERS.map((g) => ({ value: g, label: t(`contacts.genders.${g}`) }))}
            value={form.values.gender || null}
            onChange={(v) => form.setFieldValue('gender', (v ?? '') as ContactInput['gender'])}
          />
          <Autocomplete
            label={t('contacts.fields.source')}
            placeholder={t('contacts.sourcePlaceholder')}
            data={CONTACT_SOURCES.map((s) => s)}
            renderOption={({ option }) => t(`contacts.sources.${option.value}`)}
            {...form.getInputProps('source')}
            error={err('source')}
          />
          <Select
            label={t('contacts.fields.channel')}
            clearable
            data={CHANNELS.map((c) => ({ value: c, label: t(`contacts.channels.${c}`) }))}
            value={form.values.preferredChannel || null}
            onChange={(v) =>
              form.setFieldValue('preferredChannel', (v ?? '') as ContactInput['preferredChannel'])
            }
          />
        </SimpleGrid>
        <ContactPicker
          label={t('checkout.referral.referredBy')}
          description={t('checkout.referral.referredByHelp')}
          optional
          excludeId={contactId}
          value={form.values.referredBy || null}
          onChange={(v) => form.setFieldValue('referredBy', v ?? '')}
          error={err('referredBy')}
        />
        <Select
          label={t('contacts.fields.stage')}
          description={t('contacts.stageHelp')}
          clearable
          data={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`contacts.stages.${s}`) }))}
          value={form.values.stage || null}
          onChange={(v) => form.setFieldValue('stage', (v ?? '') as ContactInput['stage'])}
        />
        <Checkbox
          label={t('contacts.fields.consent')}
          description={
            consentAt && initial.marketingConsent !== undefined
              ? t(
                  initial.marketingConsent ? 'contacts.consentGiven' : 'contacts.consentWithdrawn',
                  {
                    date: formatDateTime(consentAt, locale),
                  },
                )
              : t('contacts.consentHelp')
          }
          checked={form.values.marketingConsent === true}
          onChange={(e) => form.setFieldValue('marketingConsent', e.currentTarget.checked)}
        />
        <CustomFieldInputs
          defs={customDefs}
          values={form.values.custom ?? {}}
          onChange={(id, v) => form.setFieldValue(`custom.${id}`, v)}
          error={err}
        />
        <Textarea
          label={t('contacts.fields.note')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('note')}
          error={err('note')}
        />

        <Group justify="space-between" mt="sm">
          {onDelete ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={onDelete}
            >
              {t('common.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
