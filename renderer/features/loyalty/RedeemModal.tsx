import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pointsToRupiah, type LoyaltyRule } from '../../../shared/loyalty/rules';
import { useRepositories } from '../../app/services';
import { useMoney } from '../../app/useMoney';
import { useLocale } from '../../i18n/useLocale';

/** Redeem points as a discount or for a catalog reward; refused above the available balance. */
export function RedeemModal({
  opened,
  onClose,
  contactId,
  available,
  rule,
}: {
  opened: boolean;
  onClose: () => void;
  contactId: string;
  available: number;
  rule: LoyaltyRule;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('sales.redeem.title')}>
      {opened && (
        <RedeemForm contactId={contactId} available={available} rule={rule} onClose={onClose} />
      )}
    </Modal>
  );
}

function RedeemForm({
  contactId,
  available,
  rule,
  onClose,
}: {
  contactId: string;
  available: number;
  rule: LoyaltyRule;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const money = useMoney();
  const { loyalty } = useRepositories();
  const [pts, setPts] = useState<number | string>('');
  const [reward, setReward] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const n = typeof pts === 'number' ? pts : 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = reward !== null ? rule.rewards[Number(reward)] : undefined;
    const reason = [chosen?.name, note.trim()].filter(Boolean).join(' · ') || undefined;
    const r = await loyalty.redeem({ contactId, points: n, reason });
    if (!r.ok) {
      setError(
        'available' in r && r.available !== undefined
          ? t('sales.errors.insufficientPoints', { available: r.available.toLocaleString(locale) })
          : t(r.error),
      );
      return;
    }
    notifications.show({ message: t('sales.redeem.saved', { points: n.toLocaleString(locale) }) });
    onClose();
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('sales.redeem.title')}>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {t('sales.redeem.available', { points: available.toLocaleString(locale) })}
        </Text>
        {rule.rewards.length > 0 && (
          <Select
            label={t('sales.redeem.reward')}
            placeholder={t('sales.redeem.rewardPlaceholder')}
            data={rule.rewards.map((r, i) => ({
              value: String(i),
              label: `${r.name} · ${r.points.toLocaleString(locale)}`,
            }))}
            value={reward}
            onChange={(v) => {
              setReward(v);
              if (v !== null) setPts(rule.rewards[Number(v)]!.points);
            }}
            clearable
          />
        )}
        <NumberInput
          label={t('sales.redeem.points')}
          value={pts}
          onChange={(v) => {
            setPts(v);
            setError(null);
          }}
          allowDecimal={false}
          allowNegative={false}
          min={1}
          hideControls
          error={error}
          data-autofocus
          description={
            rule.pointValue > 0 && n > 0
              ? t('sales.redeem.discount', { amount: money(pointsToRupiah(n, rule)) })
              : undefined
          }
        />
        <TextInput
          label={t('sales.redeem.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('sales.redeem.confirm')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
