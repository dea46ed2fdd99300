import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_RANGES, type FeedbackType } from '../../../shared/schemas';
import { useRepositories } from '../../app/services';

/**
 * Record one NPS (0-10), CSAT (1-5) or CES (1-7) answer with an optional comment. Used on the
 * contact page, after a sale, and (by the timeline) after a resolved complaint via `noteId`.
 */
export function FeedbackForm({
  contactId,
  saleId,
  noteId,
  onSaved,
}: {
  contactId: string;
  saleId?: string;
  noteId?: string;
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const { loyalty } = useRepositories();
  const [type, setType] = useState<FeedbackType>('nps');
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [min, max] = FEEDBACK_RANGES[type];
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);

  const save = async () => {
    if (score === null) {
      setError(t('sales.errors.scoreRange'));
      return;
    }
    const r = await loyalty.addFeedback({
      contactId,
      type,
      score,
      comment: comment.trim() || undefined,
      saleId,
      noteId,
    });
    if (!r.ok) {
      setError(t(r.error));
      return;
    }
    notifications.show({ message: t('sales.feedback.saved'), autoClose: 3000 });
    setScore(null);
    setComment('');
    setError(null);
    onSaved?.();
  };

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('sales.feedback.type')}
        value={type}
        onChange={(v) => {
          setType(v as FeedbackType);
          setScore(null);
        }}
        data={(['nps', 'csat', 'ces'] as const).map((v) => ({
          value: v,
          label: t(`sales.feedback.${v}`),
        }))}
      />
      <Text size="sm">{t(`sales.feedback.${type}Question`)}</Text>
      <Group gap={4} role="radiogroup" aria-label={t('sales.feedback.score')}>
        {scores.map((n) => (
          <Button
            key={n}
            size="compact-md"
            miw={40}
            px={8}
            role="radio"
            aria-checked={score === n}
            variant={score === n ? 'filled' : 'default'}
            onClick={() => {
              setScore(n);
              setError(null);
            }}
          >
            {n}
          </Button>
        ))}
      </Group>
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      <Textarea
        label={t('sales.feedback.comment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={10_000}
      />
      <Group justify="flex-end">
        <Button onClick={() => void save()}>{t('sales.feedback.save')}</Button>
      </Group>
    </Stack>
  );
}

/** The feedback form in a modal. */
export function FeedbackModal({
  opened,
  onClose,
  contactId,
  saleId,
  noteId,
}: {
  opened: boolean;
  onClose: () => void;
  contactId: string;
  saleId?: string;
  noteId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('sales.feedback.title')} size="lg">
      <FeedbackForm contactId={contactId} saleId={saleId} noteId={noteId} onSaved={onClose} />
    </Modal>
  );
}
