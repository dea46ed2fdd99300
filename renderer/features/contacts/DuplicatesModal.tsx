import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/schemas';
import { useRepositories } from '../../app/services';

const DISMISSED_KEY = 'kenal.contacts.notDuplicates';
const MAX_SHOWN = 100;

function loadDismissed(): Set<string> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]');
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

function Side({ c, onKeep }: { c: Contact; onKeep: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Text fw={600}>{c.name}</Text>
        {c.phones.map((p) => (
          <Text key={p.e164} size="sm">
            {p.raw}
          </Text>
        ))}
        {c.email && (
          <Text size="sm" c="dimmed">
            {c.email}
          </Text>
        )}
        {c.city && (
          <Text size="sm" c="dimmed">
            {c.city}
          </Text>
        )}
        <Button
          size="xs"
          variant="light"
          mt={4}
          onClick={onKeep}
          aria-label={`${t('contacts.duplicates.keep')}: ${c.name}`}
        >
          {t('contacts.duplicates.keep')}
        </Button>
      </Stack>
    </Card>
  );
}

/** Likely duplicate pairs; keeping one merges the other into it (through `mergedInto`). */
export function DuplicatesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { contacts } = useRepositories();
  const [dismissed, setDismissed] = useState(loadDismissed);
  const pairs = useLiveQuery(
    () => (opened ? contacts.duplicatePairs() : Promise.resolve([])),
    [contacts, opened],
  );
  const shown = (pairs ?? []).filter((p) => !dismissed.has(`${p.pair.a}|${p.pair.b}`));

  const keep = async (survivor: Contact, loser: Contact) => {
    await contacts.merge(loser.id, survivor.id);
    notifications.show({
      message: t('contacts.duplicates.merged', { loser: loser.name, survivor: survivor.name }),
      autoClose: 3000,
    });
  };
  const dismiss = (key: string) => {
    const next = new Set(dismissed).add(key);
    localStorage.setItem(DISMISSED_KEY, JSON.stringify([...next]));
    setDismissed(next);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={<Text fw={650}>{t('contacts.duplicates.title')}</Text>}
    >
      <Stack>
        {shown.length === 0 ? (
          <Text c="dimmed">{t('contacts.duplicates.none')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('contacts.duplicates.keepHelp')}
            </Text>
            {shown.slice(0, MAX_SHOWN).map(({ pair, a, b }) => (
              <Card
                key={`${pair.a}|${pair.b}`}
                withBorder
                padding="sm"
                data-testid="duplicate-pair"
              >
                <Group justify="space-between" mb="xs">
                  <Group gap={4}>
                    {pair.reasons.map((r) => (
                      <Badge key={r} variant="light" tt="none">
                        {t(`contacts.duplicates.reasons.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => dismiss(`${pair.a}|${pair.b}`)}
                  >
                    {t('contacts.duplicates.notDuplicates')}
                  </Button>
                </Group>
                <SimpleGrid cols={2}>
                  <Side c={a} onKeep={() => void keep(a, b)} />
                  <Side c={b} onKeep={() => void keep(b, a)} />
                </SimpleGrid>
              </Card>
            ))}
          </>
        )}
      </Stack>
    </Modal>
  );
}
