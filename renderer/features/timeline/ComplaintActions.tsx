import { Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/schemas';
import { timeToResolveMs } from '../../../shared/timeline/complaints';
import { useRepositories } from '../../app/services';
import { FeedbackModal } from '../sales/FeedbackForm';
import { formatDuration } from './duration';

const STATUS_COLOR = { open: 'red', in_progress: 'orange', resolved: 'teal' } as const;

/** A complaint's status and the step that moves it on: open -> in progress -> resolved. */
export function ComplaintActions({ note }: { note: Note }) {
  const { t } = useTranslation();
  const { timeline } = useRepositories();
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState('');
  const [error, setError] = useState<string | null>(null);
  // After a resolution, ask how the customer felt about it (CSAT/NPS/CES tied to this note).
  const [askFeedback, setAskFeedback] = useState(false);
  const status = note.complaintStatus ?? 'open';
  const took = timeToResolveMs(note);

  const move = async (next: 'open' | 'in_progress' | 'resolved', text = '') => {
    const r = await timeline.setComplaintStatus(note.id, { status: next, resolution: text });
    if (!r.ok) {
      setError(r.error[0]?.message ?? 'timeline.errors.invalid');
      return false;
    }
    notifications.show({ message: t('timeline.complaint.updated'), autoClose: 2500 });
    return true;
  };

  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={STATUS_COLOR[status]} variant="light" data-testid="complaint-status">
          {t(`timeline.complaint.status.${status}`)}
        </Badge>
        {status === 'open' && (
          <Button size="compact-xs" variant="light" onClick={() => void move('in_progress')}>
            {t('timeline.complaint.start')}
          </Button>
        )}
        {status !== 'resolved' && (
          <Button size="compact-xs" variant="light" color="teal" onClick={() => setResolving(true)}>
            {t('timeline.complaint.resolve')}
          </Button>
        )}
        {status === 'resolved' && (
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void move('open')}>
            {t('timeline.complaint.reopen')}
          </Button>
        )}
        {took !== null && (
          <Text size="xs" c="dimmed">
            {t('timeline.complaint.resolvedIn', { duration: formatDuration(took, t) })}
          </Text>
        )}
      </Group>
      {status === 'resolved' && note.resolution && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('timeline.complaint.resolutionLabel', { resolution: note.resolution })}
        </Text>
      )}
      <Modal
        opened={resolving}
        onClose={() => setResolving(false)}
        title={t('timeline.complaint.resolveTitle')}
      >
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (await move('resolved', resolution)) {
              setResolving(false);
              setResolution('');
              setError(null);
              setAskFeedback(true);
            }
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t('timeline.complaint.resolution')}
              autosize
              minRows={3}
              data-autofocus
              value={resolution}
              onChange={(e) => setResolution(e.currentTarget.value)}
              error={error ? t(error) : undefined}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setResolving(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="teal">
                {t('timeline.complaint.resolve')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <FeedbackModal
        opened={askFeedback}
        onClose={() => setAskFeedback(false)}
        contactId={note.contactId}
        noteId={note.id}
      />
    </Stack>
  );
}
