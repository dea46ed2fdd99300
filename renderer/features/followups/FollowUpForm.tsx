import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../shared/contact-input';
import type { FollowUp } from '../../../shared/schemas';
import { REPEAT_RULES } from '../../../shared/schemas/followup';
import { isInPast } from '../../../shared/timeline/inputs';
import type { RepeatRule } from '../../../shared/timeline/recurrence';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import { dayAtIn } from '../../../shared/dates';
import { useContactName } from '../privacy/useContactName';
import { fromLocalInput, toLocalInput } from '../timeline/datetime-local';

/** Tomorrow at 09:00 on the shop's clock: a sensible default for "call back". */
function defaultDue(timeZone?: string): Date {
  return new Date(dayAtIn(Date.now(), 1, 9, timeZone));
}

export interface FollowUpFormProps {
  opened: boolean;
  onClose: () => void;
  /** Fixed contact (on a contact's page); otherwise the form asks for one. */
  contactId?: string;
  /** Edit / reschedule this one. */
  existing?: FollowUp;
}

/** New follow-up, edit or reschedule. A time in the past asks for confirmation first. */
export function FollowUpForm(props: FollowUpFormProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.existing ? t('timeline.followups.edit') : t('timeline.followups.new')}
      size="lg"
    >
      {props.opened && <FollowUpFormBody {...props} />}
    </Modal>
  );
}

function FollowUpFormBody({ onClose, contactId, existing }: FollowUpFormProps) {
  const { t } = useTranslation();
  const nameOf = useContactName();
  const { timeline } = useRepositories();
  const shop = useShop();
  const contacts = useLiveQuery(
    () => (contactId ? Promise.resolve([]) : timeline.contactOptions()),
    [timeline, contactId],
  );
  const [who, setWho] = useState<string | null>(existing?.contactId ?? contactId ?? null);
  const [title, setTitle] = useState(existing?.title ?? '');
  const [note, setNote] = useState(existing?.note ?? '');
  const [due, setDue] = useState(
    toLocalInput(existing ? new Date(existing.dueAt) : defaultDue(shop.timeZone)),
  );
  const [repeat, setRepeat] = useState<RepeatRule>(existing?.repeat ?? 'none');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [confirmPast, setConfirmPast] = useState(false);
  const [busy, setBusy] = useState(false);
  const err = (path: string) => {
    const e = errors.find((x) => x.path === path);
    return e ? t(e.message) : undefined;
  };

  const save = async (pastConfirmed: boolean) => {
    const dueAt = fromLocalInput(due);
    const input = { contactId: who ?? '', title, note, dueAt: dueAt || due, repeat };
    if (dueAt && !pastConfirmed && isInPast(dueAt, new Date()) && dueAt !== existing?.dueAt) {
      setConfirmPast(true);
      return;
    }
    setBusy(true);
    try {
      const r = existing
        ? await timeline.updateFollowUp(existing.id, input)
        : await timeline.addFollowUp(input);
      if (!r.ok) {
        setErrors(r.error);
        setConfirmPast(false);
        return;
      }
      notifications.show({ message: t('timeline.followups.saved'), autoClose: 2500 });
      onClose();
    } catch {
      notifications.show({ color: 'red', message: t('timeline.errors.saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-label={existing ? t('timeline.followups.edit') : t('timeline.followups.new')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <Stack gap="sm">
        {!contactId && (
          <Select
            label={t('timeline.followups.contact')}
            placeholder={t('timeline.followups.contactPlaceholder')}
            searchable
            withAsterisk
            data={(contacts ?? []).map((c) => ({ value: c.id, label: nameOf(c) }))}
            value={who}
            onChange={setWho}
            nothingFoundMessage={t('timeline.followups.noContacts')}
            error={err('contactId')}
          />
        )}
        <TextInput
          label={t('timeline.followups.what')}
          placeholder={t('timeline.followups.whatPlaceholder')}
          withAsterisk
          data-autofocus
          maxLength={500}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={err('title')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('timeline.followups.due')}
            type="datetime-local"
            withAsterisk
            value={due}
            onChange={(e) => {
              setDue(e.currentTarget.value);
              setConfirmPast(false);
            }}
            error={err('dueAt')}
          />
          <Select
            label={t('timeline.followups.repeat')}
            data={REPEAT_RULES.map((r) => ({
              value: r,
              label: t(`timeline.followups.repeatRules.${r}`),
            }))}
            value={repeat}
            allowDeselect={false}
            onChange={(v) => v && setRepeat(v as RepeatRule)}
          />
        </Group>
        <Textarea
          label={t('timeline.followups.details')}
          autosize
          minRows={2}
          maxRows={8}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={err('note')}
        />
        {confirmPast ? (
          <Stack gap="xs" role="alertdialog" aria-label={t('timeline.followups.pastTitle')}>
            <Text fw={600} c="orange">
              {t('timeline.followups.pastTitle')}
            </Text>
            <Text size="sm">{t('timeline.followups.pastBody')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmPast(false)}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" loading={busy} onClick={() => void save(true)}>
                {t('timeline.followups.pastConfirm')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
