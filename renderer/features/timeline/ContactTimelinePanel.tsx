import { Alert, Button, Chip, Group, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBrandWhatsapp,
  IconCalendarPlus,
  IconTimeline,
} from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERACTION_KINDS } from '../../../shared/schemas/note';
import { useRepositories } from '../../app/services';
import { useUndoNotice } from '../../app/ui/useUndoNotice';
import type { TimelineKind } from '../../db/repositories/timeline';
import { FollowUpForm } from '../followups/FollowUpForm';
import { FollowUpRow } from '../followups/FollowUpRow';
import { useNow } from '../followups/useNow';
import { EmptyState } from '../../app/ui/EmptyState';
import { AddInteractionForm } from './AddInteractionForm';
import { TimelineList } from './TimelineList';
import { WhatsAppDialog } from './WhatsAppDialog';
import { useShortcutRequest } from '../../app/shortcuts';

/** Timeline entries read at first and added each time the list is scrolled to its end. */
const PAGE = 50;

const FILTERS: TimelineKind[] = [...INTERACTION_KINDS, 'sale', 'points', 'followup'];

/** A contact's story: open complaints and follow-ups on top, then everything that happened. */
export function ContactTimelinePanel({
  contactId,
  erased = false,
}: {
  contactId: string;
  /** An erased customer (UU PDP) has no number to message: no WhatsApp button. */
  erased?: boolean;
}) {
  const { t } = useTranslation();
  const { timeline } = useRepositories();
  const now = useNow();
  const [kinds, setKinds] = useState<string[]>([]);
  const [addingFollowUp, setAddingFollowUp] = useState(false);
  const [messaging, setMessaging] = useState(false);
  // F on a contact's page adds a follow-up for this contact (app/shortcuts.ts).
  useShortcutRequest('followUp', () => {
    if (!erased) setAddingFollowUp(true);
  });

  const contact = useLiveQuery(() => timeline.contactSummary(contactId), [timeline, contactId]);
  // The newest page, read by index; scrolling to its end asks for the next one.
  const [limit, setLimit] = useState(PAGE);
  const page = useLiveQuery(
    () => timeline.timelinePage(contactId, kinds as TimelineKind[], limit),
    [timeline, contactId, kinds, limit],
  );
  const items = page?.items;
  const followUps = useLiveQuery(
    () => timeline.followUpsForContact(contactId),
    [timeline, contactId],
  );
  const complaints = useLiveQuery(() => timeline.openComplaints(contactId), [timeline, contactId]);
  const open = (followUps ?? []).filter((f) => f.doneAt === undefined);

  const showUndo = useUndoNotice();
  const remove = async (id: string) => {
    await timeline.removeInteraction(id);
    showUndo({
      id: `note-deleted-${id}`,
      message: t('timeline.panel.deleted'),
      undo: () => timeline.restoreInteraction(id),
    });
  };

  return (
    <Stack gap="md">
      {erased && (
        // Nothing new can be added to an erased customer (renderer/db/erased-contacts.ts).
        <Alert color="gray" variant="light" data-testid="erased-blocked">
          {t('privacy.erase.blocked')}
        </Alert>
      )}
      <Group gap="sm" hidden={erased}>
        {!erased && (
          <Button
            color="green"
            variant="light"
            leftSection={<IconBrandWhatsapp size={16} />}
            onClick={() => setMessaging(true)}
            disabled={!contact}
          >
            {t('timeline.whatsapp.send')}
          </Button>
        )}
        <Button
          variant="light"
          leftSection={<IconCalendarPlus size={16} />}
          onClick={() => setAddingFollowUp(true)}
        >
          {t('timeline.followups.new')}
        </Button>
      </Group>

      {complaints && complaints.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t(
            complaints.length === 1
              ? 'timeline.complaint.openCountOne'
              : 'timeline.complaint.openCountMany',
            { count: complaints.length },
          )}
          data-testid="open-complaints"
        >
          {complaints.map((c) => (
            <Text key={c.note.id} size="sm" lineClamp={1}>
              {t(`timeline.complaint.status.${c.note.complaintStatus ?? 'open'}`)}: {c.note.text}
            </Text>
          ))}
        </Alert>
      )}

      {open.length > 0 && (
        <Stack gap="xs" data-testid="contact-followups">
          <Text fw={600}>{t('timeline.followups.sectionTitle')}</Text>
          {open.map((f) => (
            <FollowUpRow key={f.id} followUp={f} contact={contact} linkContact={false} now={now} />
          ))}
        </Stack>
      )}

      {!erased && <AddInteractionForm contactId={contactId} />}

      <Group gap="xs" align="center">
        <Text size="sm" c="dimmed">
          {t('timeline.panel.filter')}
        </Text>
        <Chip checked={kinds.length === 0} onChange={() => setKinds([])} size="xs" variant="light">
          {t('timeline.panel.all')}
        </Chip>
        <Chip.Group multiple value={kinds} onChange={setKinds}>
          {FILTERS.map((k) => (
            <Chip key={k} value={k} size="xs" variant="light">
              {t(`timeline.kinds.${k}`)}
            </Chip>
          ))}
        </Chip.Group>
      </Group>

      {items && items.length === 0 ? (
        kinds.length > 0 ? (
          <Text c="dimmed">{t('timeline.panel.emptyFiltered')}</Text>
        ) : (
          <EmptyState
            icon={IconTimeline}
            title={t('timeline.panel.emptyTitle')}
            description={t('timeline.panel.emptyDescription')}
          />
        )
      ) : (
        <TimelineList
          items={items ?? []}
          onDelete={(id) => void remove(id)}
          label={t('contacts.tabs.timeline')}
          onEndReached={page?.more ? () => setLimit(page.items.length + PAGE) : undefined}
        />
      )}

      <FollowUpForm
        opened={addingFollowUp}
        onClose={() => setAddingFollowUp(false)}
        contactId={contactId}
      />
      {contact && messaging && (
        <WhatsAppDialog opened onClose={() => setMessaging(false)} contact={contact} />
      )}
    </Stack>
  );
}
