import { Button, Group, Menu, Paper, Popover, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconBrandWhatsapp,
  IconDownload,
  IconTag,
  IconTagOff,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../app/services';
import { useUndoNotice } from '../../app/ui/useUndoNotice';
import { StartQueueModal } from '../messaging/StartQueueModal';
import { useExportContacts } from './useExportContacts';

function TagAction({
  label,
  icon,
  onApply,
}: {
  label: string;
  icon: React.ReactNode;
  onApply: (tag: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [tag, setTag] = useState('');
  const apply = async () => {
    if (tag.trim() === '') return;
    await onApply(tag.trim());
    setTag('');
    setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-start" withArrow>
      <Popover.Target>
        <Button size="xs" variant="light" leftSection={icon} onClick={() => setOpened((o) => !o)}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            size="xs"
            aria-label={t('contacts.selection.tagPlaceholder')}
            placeholder={t('contacts.selection.tagPlaceholder')}
            maxLength={50}
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void apply();
            }}
          />
          <Button size="xs" onClick={() => void apply()} disabled={tag.trim() === ''}>
            {t('contacts.selection.apply')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Actions on the selected contacts: tag, untag, export, delete (with undo). */
export function BulkBar({ ids, onClear }: { ids: string[]; onClear: () => void }) {
  const { t } = useTranslation();
  const { contacts } = useRepositories();
  const exportContacts = useExportContacts();
  const [messaging, setMessaging] = useState(false);
  const showUndo = useUndoNotice();

  const remove = async () => {
    const removed = await contacts.removeMany(ids);
    onClear();
    showUndo({
      id: `bulk-deleted-${Date.now()}`,
      message: t('contacts.selection.deleted', { count: removed.length }),
      undo: () => contacts.restoreMany(removed),
      undone: t('contacts.selection.restored', { count: removed.length }),
    });
  };

  return (
    <Paper
      withBorder
      px="sm"
      py={6}
      radius="md"
      bg="var(--mantine-color-blue-0)"
      role="toolbar"
      aria-label={t('contacts.selection.count', { count: ids.length })}
    >
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600} data-testid="selection-count">
          {t('contacts.selection.count', { count: ids.length })}
        </Text>
        <Button
          size="xs"
          variant="light"
          color="green"
          leftSection={<IconBrandWhatsapp size={14} />}
          onClick={() => setMessaging(true)}
        >
          {t('messaging.message')}
        </Button>
        <TagAction
          label={t('contacts.selection.tag')}
          icon={<IconTag size={14} />}
          onApply={async (tag) => {
            const n = await contacts.tagMany(ids, tag);
            notifications.show({ message: t('contacts.selection.tagged', { tag, count: n }) });
          }}
        />
        <TagAction
          label={t('contacts.selection.untag')}
          icon={<IconTagOff size={14} />}
          onApply={async (tag) => {
            const n = await contacts.untagMany(ids, tag);
            notifications.show({ message: t('contacts.selection.untagged', { tag, count: n }) });
          }}
        />
        <Menu position="bottom-start">
          <Menu.Target>
            <Button size="xs" variant="light" leftSection={<IconDownload size={14} />}>
              {t('contacts.selection.export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {(['csv', 'vcard'] as const).map((format) => (
              <Menu.Item
                key={format}
                onClick={async () => exportContacts(await contacts.listByIds(ids), format)}
              >
                {t(`contacts.export.${format}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={() => void remove()}
        >
          {t('contacts.selection.delete')}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          leftSection={<IconX size={14} />}
          onClick={onClear}
        >
          {t('contacts.selection.clear')}
        </Button>
      </Group>
      {messaging && (
        <StartQueueModal
          opened
          onClose={() => setMessaging(false)}
          contactIds={ids}
          source={t('messaging.sources.selection')}
        />
      )}
    </Paper>
  );
}
