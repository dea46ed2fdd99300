import { Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactInput } from '../../../shared/contact-input';
import type { Contact } from '../../../shared/schemas';
import { useRepositories } from '../../app/services';
import { useContactName } from '../privacy/useContactName';
import { useFormatPhone } from './usePhoneRegion';

export interface DuplicateMatch {
  contact: Contact;
  reasons: ('phone' | 'email')[];
}

interface Pending {
  values: ContactInput;
  opened: ContactInput;
  matches: DuplicateMatch[];
}

/**
 * The check before a contact is saved (issue #19 item 8): when its phone or e-mail is already
 * in the book, saving waits for the user's choice: open the existing contact, merge into it,
 * or save anyway. `check` returns true when saving may go on now.
 */
export function useDuplicateCheck(exceptId?: string) {
  const { contacts } = useRepositories();
  const [pending, setPending] = useState<Pending | null>(null);
  const check = async (values: ContactInput, opened: ContactInput): Promise<boolean> => {
    const matches = await contacts.existingMatches(values, exceptId);
    // An edit that keeps the numbers it had is no new duplicate: only new matches warn.
    const before = exceptId ? await contacts.existingMatches(opened, exceptId) : [];
    const fresh = matches.filter((m) => !before.some((b) => b.contact.id === m.contact.id));
    if (fresh.length === 0) return true;
    setPending({ values, opened, matches: fresh });
    return false;
  };
  return { pending, check, dismiss: () => setPending(null) };
}

/** The choice itself. */
export function DuplicateWarning({
  pending,
  onBack,
  onOpen,
  onMerge,
  onSaveAnyway,
}: {
  pending: Pending | null;
  onBack: () => void;
  onOpen: (id: string) => void;
  onMerge: (survivor: Contact, values: ContactInput, opened: ContactInput) => Promise<void>;
  onSaveAnyway: (values: ContactInput, opened: ContactInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const formatPhone = useFormatPhone();
  const nameOf = useContactName();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={pending !== null}
      onClose={onBack}
      title={<Text fw={650}>{t('duplicates.warnTitle')}</Text>}
      size="lg"
    >
      {pending && (
        <Stack gap="sm">
          <Text size="sm">{t('duplicates.warnBody')}</Text>
          {pending.matches.map(({ contact, reasons }) => {
            const name = nameOf(contact);
            return (
              <Card key={contact.id} withBorder padding="sm" data-testid="duplicate-match">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2}>
                    <Text fw={600}>{name}</Text>
                    <Text size="sm" c="dimmed">
                      {[...contact.phones.map(formatPhone), contact.email]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                    <Group gap={4}>
                      {reasons.map((r) => (
                        <Badge key={r} variant="light" tt="none" size="sm">
                          {t(`duplicates.reasons.${r}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Stack>
                  <Stack gap={6} align="stretch">
                    <Button size="xs" variant="default" onClick={() => onOpen(contact.id)}>
                      {t('duplicates.open', { name })}
                    </Button>
                    <Button
                      size="xs"
                      loading={busy}
                      title={t('duplicates.mergeHelp', { name })}
                      onClick={() =>
                        void run(() => onMerge(contact, pending.values, pending.opened))
                      }
                    >
                      {t('duplicates.merge', { name })}
                    </Button>
                  </Stack>
                </Group>
              </Card>
            );
          })}
          <Group justify="flex-end" gap="xs">
            <Button variant="subtle" color="gray" onClick={onBack}>
              {t('duplicates.back')}
            </Button>
            <Button
              variant="light"
              loading={busy}
              onClick={() => void run(() => onSaveAnyway(pending.values, pending.opened))}
            >
              {t('duplicates.saveAnyway')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
