import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../app/services';

/** A manual correction of points, up or down, with its reason (a new ledger entry). */
export function AdjustModal({
  opened,
  onClose,
  contactId,
  initialPoints,
  initialReason,
}: {
  opened: boolean;
  onClose: () => void;
  contactId: string;
  initialPoints?: number;
  initialReason?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('sales.adjust.title')}>
      {opened && (
        <AdjustForm
          contactId={contactId}
          initialPoints={initialPoints}
          initialReason={initialReason}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function AdjustForm({
  contactId,
  initialPoints,
  initialReason,
  onClose,
}: {
  contactId: string;
  initialPoints?: number;
  initialReason?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { loyalty } = useRepositories();
  const [pts, setPts] = useState<number | string>(initialPoints ?? '');
  const [reason, setReason] = useState(initialReason ?? '');
  const [errors, setErrors] = useState<{ points?: string; reason?: string }>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = typeof pts === 'number' ? pts : 0;
    const r = await loyalty.adjust({ contactId, points: n, reason });
    if (!r.ok) {
      setErrors(
        r.error === 'sales.errors.reasonRequired' ? { reason: t(r.error) } : { points: t(r.error) },
      );
      return;
    }
    notifications.show({ message: t('sales.adjust.saved', { points: n > 0 ? `+${n}` : n }) });
    onClose();
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('sales.adjust.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('sales.adjust.description')}
        </Text>
        <NumberInput
          label={t('sales.adjust.points')}
          value={pts}
          onChange={setPts}
          allowDecimal={false}
          hideControls
          error={errors.points}
          data-autofocus
        />
        <TextInput
          label={t('sales.adjust.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={1000}
          error={errors.reason}
          withAsterisk
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('sales.adjust.confirm')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
