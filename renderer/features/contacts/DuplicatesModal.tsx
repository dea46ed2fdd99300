import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/schemas';
import { useRepositories } from '../../app/services';
import { useUndoNotice } from '../../app/ui/useUndoNotice';
import { groupDuplicatePairs } from '../../../shared/contacts/duplicates';
import { useContactName } from '../privacy/useContactName';
import { useFormatPhone } from './usePhoneRegion';

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

function Side({ c, name, onKeep }: { c: Contact; name: string; onKeep: () => void }) {
  const { t } = useTranslation();
  const formatPhone = useFormatPhone();
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Text fw={600}>{name}</Text>
        {c.phones.map((p) => (
          <Text key={p.e164} size="sm">
            {formatPhone(p)}
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
          aria-label={`${t('contacts.duplicates.keep')}: ${name}`}
        >
          {t('contacts.duplicates.keep')}
        </Button>
      </Stack>
    </Card>
  );
}

/**
 * Likely duplicates, one card per person (pairs joined into groups); keeping one merges the
 * others into it (through `mergedInto`) after the user confirms, with Undo on the notice.
 */
export function DuplicatesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { contacts } = useRepositories();
  const nameOf = useContactName();
  const showUndo = useUndoNotice();
  const [dismissed, setDismissed] = useState(loadDismissed);
  const [confirming, setConfirming] = useState<{ survivor: Contact; losers: Contact[] } | null>(
    null,
  );
  const pairs = useLiveQuery(
    () => (opened ? contacts.duplicatePairs() : Promise.resolve([])),
    [contacts, opened],
  );
  const byId = new Map<string, Contact>();
  for (const { a, b } of pairs ?? []) byId.set(a.id, a).set(b.id, b);
  const groups = groupDuplicatePairs(
    (pairs ?? []).map((p) => p.pair).filter((p) => !dismissed.has(`${p.a}|${p.b}`)),
  );

  const merge = async (survivor: Contact, losers: Contact[]) => {
    setConfirming(null);
    const loserIds = losers.map((c) => c.id);
    const merged = await contacts.mergeGroup(survivor.id, loserIds);
    showUndo({
      id: `merged-${survivor.id}-${Date.now()}`,
      message: t('contacts.duplicates.merged', {
        loser: losers.map(nameOf).join(', '),
        survivor: nameOf(survivor),
      }),
      undo: () => contacts.undoMergeGroup(loserIds, merged),
      undone: t('duplicates.undone'),
    });
  };
  /** "Not duplicates": every pair inside the group is remembered as not the same person. */
  const dismiss = (ids: readonly string[]) => {
    const next = new Set(dismissed);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) next.add(`${ids[i]}|${ids[j]}`);
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
        {groups.length === 0 ? (
          <Text c="dimmed">{t('contacts.duplicates.none')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('contacts.duplicates.keepHelp')}
            </Text>
            {groups.slice(0, MAX_SHOWN).map(({ ids, reasons }) => {
              const members = ids.map((id) => byId.get(id)).filter((c): c is Contact => !!c);
              return (
                <Card key={ids.join('|')} withBorder padding="sm" data-testid="duplicate-pair">
                  <Group justify="space-between" mb="xs">
                    <Group gap={4}>
                      <Badge variant="outline" color="gray" tt="none">
                        {t('duplicates.group', { count: members.length })}
                      </Badge>
                      {reasons.map((r) => (
                        <Badge key={r} variant="light" tt="none">
                          {t(`contacts.duplicates.reasons.${r}`)}
                        </Badge>
                      ))}
                    </Group>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      onClick={() => dismiss(ids)}
                    >
                      {t('contacts.duplicates.notDuplicates')}
                    </Button>
                  </Group>
                  <SimpleGrid cols={Math.min(3, members.length)}>
                    {members.map((c) => (
                      <Side
                        key={c.id}
                        c={c}
                        name={nameOf(c)}
                        onKeep={() =>
                          setConfirming({
                            survivor: c,
                            losers: members.filter((m) => m.id !== c.id),
                          })
                        }
                      />
                    ))}
                  </SimpleGrid>
                </Card>
              );
            })}
          </>
        )}
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={<Text fw={650}>{t('duplicates.confirmTitle')}</Text>}
      >
        {confirming && (
          <Stack>
            <Text size="sm">
              {t('duplicates.confirmBody', {
                count: confirming.losers.length,
                name: nameOf(confirming.survivor),
              })}
            </Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="subtle" color="gray" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void merge(confirming.survivor, confirming.losers)}>
                {t('duplicates.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Modal>
  );
}
