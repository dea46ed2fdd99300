import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  calendarDateIn,
  datePattern,
  formatCalendarDate,
  startOfDayIn,
} from '../../../shared/dates';
import {
  loyaltyRuleSchema,
  newRuleVersion,
  sortedVersions,
  type LoyaltyRule,
} from '../../../shared/loyalty/rules';
import { formatMoney } from '../../../shared/money';
import { DateField, type DateFieldProblem } from '../../app/inputs/DateField';
import { MoneyInput, type MoneyValue } from '../../app/inputs/MoneyInput';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';

/** The loyalty program's rules in Settings; saving adds a version that applies from its date. */
export function LoyaltySettings() {
  const { loyalty } = useRepositories();
  const rules = useLiveQuery(() => loyalty.getRules(), [loyalty]);
  if (!rules) return null;
  const versions = sortedVersions(rules);
  // The form starts from the latest version; it re-mounts when the stored rules change.
  const latest = versions[versions.length - 1]!;
  return <RulesForm key={JSON.stringify(latest)} current={latest} versions={versions} />;
}

function RulesForm({ current, versions }: { current: LoyaltyRule; versions: LoyaltyRule[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { loyalty } = useRepositories();
  const [draft, setDraft] = useState<LoyaltyRule>(current);
  const shop = useShop();
  const [from, setFrom] = useState<string | null>(
    calendarDateIn(new Date().getTime(), shop.timeZone),
  );
  const [fromProblem, setFromProblem] = useState<DateFieldProblem>(null);
  const [error, setError] = useState<string | null>(null);
  /** Money fields whose text is not an amount, by field: saving waits until they are fixed. */
  const [badMoney, setBadMoney] = useState<Record<string, string>>({});
  const set = <K extends keyof LoyaltyRule>(k: K, v: LoyaltyRule[K]) =>
    setDraft((d) => ({ ...d, [k]: v }));
  const num = (v: number | string) => (typeof v === 'number' ? v : 0);
  const money = (field: string, value: number, apply: (minor: number) => void) => ({
    initial: value,
    onChange: (m: MoneyValue) => {
      if (m.ok || m.empty) apply(m.ok ? m.minor : 0);
      setBadMoney((b) => {
        const next = { ...b };
        if (m.ok || m.empty) delete next[field];
        else next[field] = m.message;
        return next;
      });
    },
  });

  const save = async () => {
    const bad = Object.values(badMoney)[0];
    if (bad) {
      setError(bad);
      return;
    }
    if (fromProblem) {
      setError(t(fromProblem, { pattern: datePattern(locale) }));
      return;
    }
    // Starts at midnight of the chosen day in the shop's time zone, the same on every device.
    const start = from ? startOfDayIn(from, shop.timeZone) : null;
    if (start === null) {
      setError(t('sales.errors.dateRequired'));
      return;
    }
    const version = newRuleVersion(draft, start);
    if (!loyaltyRuleSchema.safeParse(version).success) {
      setError(t('sales.errors.rulesInvalid'));
      return;
    }
    const r = await loyalty.saveRuleVersion(version);
    if (!r.ok) {
      setError(t(r.error));
      return;
    }
    setError(null);
    notifications.show({ message: t('sales.settings.saved'), autoClose: 3000 });
  };

  return (
    <Card withBorder padding="lg" data-testid="loyalty-settings">
      <Stack gap="sm">
        <Text fw={600}>{t('sales.settings.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('sales.settings.description')}
        </Text>
        <Switch
          label={t('sales.settings.enabled')}
          checked={draft.enabled}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <MoneyInput
            {...money('spendPerPoint', draft.spendPerPoint, (v) => set('spendPerPoint', v))}
            label={t('sales.settings.spendPerPoint')}
            description={t('sales.settings.spendPerPointHelp')}
          />
          <MoneyInput
            {...money('minSpend', draft.minSpend, (v) => set('minSpend', v))}
            label={t('sales.settings.minSpend')}
          />
          <MoneyInput
            {...money('pointValue', draft.pointValue, (v) => set('pointValue', v))}
            label={t('sales.settings.pointValue')}
            description={t('sales.settings.pointValueHelp')}
          />
          <NumberInput
            label={t('sales.settings.expiryMonths')}
            description={t('sales.settings.expiryHelp')}
            value={draft.expiryMonths}
            onChange={(v) => set('expiryMonths', num(v))}
            min={0}
            max={120}
            allowDecimal={false}
          />
          <NumberInput
            label={t('sales.settings.tierWindow')}
            value={draft.tierWindowMonths}
            onChange={(v) => set('tierWindowMonths', num(v))}
            min={1}
            max={36}
            allowDecimal={false}
          />
          <Select
            // A row of its own: its choices are sentences, cut in a third of the card at 1366 px.
            style={{ gridColumn: '1 / -1' }}
            label={t('sales.settings.downgrade')}
            data={[
              { value: 'immediate', label: t('sales.settings.downgradeImmediate') },
              { value: 'grace', label: t('sales.settings.downgradeGrace') },
            ]}
            value={draft.downgrade}
            onChange={(v) => v && set('downgrade', v as LoyaltyRule['downgrade'])}
            allowDeselect={false}
          />
        </SimpleGrid>

        <Text fw={600} size="sm" mt="xs">
          {t('sales.settings.tiers')}
        </Text>
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.settings.tierName')}</Table.Th>
              <Table.Th>{t('sales.settings.tierMinSpend')}</Table.Th>
              <Table.Th>{t('sales.settings.tierMultiplier')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.tiers.map((tier, i) => {
              const update = (patch: Partial<typeof tier>) =>
                set(
                  'tiers',
                  draft.tiers.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                );
              return (
                <Table.Tr key={i}>
                  <Table.Td>
                    <TextInput
                      aria-label={t('sales.settings.tierName')}
                      value={tier.name}
                      onChange={(e) => update({ name: e.currentTarget.value })}
                      maxLength={40}
                    />
                  </Table.Td>
                  <Table.Td>
                    <MoneyInput
                      // Re-mounted when a row is added or removed, so each shows its own tier.
                      key={`${i}-${draft.tiers.length}`}
                      {...money(`tier${i}`, tier.minSpend, (v) => update({ minSpend: v }))}
                      aria-label={t('sales.settings.tierMinSpend')}
                      disabled={i === 0}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('sales.settings.tierMultiplier')}
                      value={tier.multiplierPct}
                      onChange={(v) => update({ multiplierPct: num(v) })}
                      suffix="%"
                      min={0}
                      max={1000}
                      allowDecimal={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    {i > 0 && (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('sales.settings.removeTier')}
                        onClick={() =>
                          set(
                            'tiers',
                            draft.tiers.filter((_, j) => j !== i),
                          )
                        }
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {draft.tiers.length < 10 && (
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              const last = draft.tiers[draft.tiers.length - 1]!;
              set('tiers', [
                ...draft.tiers,
                {
                  name: `Tier ${draft.tiers.length + 1}`,
                  minSpend: last.minSpend + 1_000_000,
                  multiplierPct: last.multiplierPct + 25,
                },
              ]);
            }}
          >
            {t('sales.settings.addTier')}
          </Button>
        )}

        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={t('sales.settings.welcomeBonus')}
            value={draft.welcomeBonus}
            onChange={(v) => set('welcomeBonus', num(v))}
            min={0}
            allowDecimal={false}
            allowNegative={false}
          />
          <NumberInput
            label={t('sales.settings.birthdayBonus')}
            value={draft.birthdayBonus}
            onChange={(v) => set('birthdayBonus', num(v))}
            min={0}
            allowDecimal={false}
            allowNegative={false}
          />
          <NumberInput
            label={t('checkout.settings.referralBonus')}
            value={draft.referralBonus ?? 0}
            onChange={(v) => set('referralBonus', num(v))}
            min={0}
            allowDecimal={false}
            allowNegative={false}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('sales.settings.bonusHelp')} {t('checkout.settings.referralHelp')}
        </Text>
        <Switch
          label={t('checkout.settings.earnWithRedemption')}
          description={t('checkout.settings.earnWithRedemptionHelp')}
          checked={draft.earnWithRedemption !== false}
          onChange={(e) => set('earnWithRedemption', e.currentTarget.checked)}
        />

        <Text fw={600} size="sm" mt="xs">
          {t('sales.settings.rewards')}
        </Text>
        {draft.rewards.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('sales.settings.noRewards')}
          </Text>
        )}
        {draft.rewards.map((r, i) => {
          const update = (patch: Partial<typeof r>) =>
            set(
              'rewards',
              draft.rewards.map((x, j) => (j === i ? { ...x, ...patch } : x)),
            );
          return (
            <Group key={i} gap="sm" wrap="nowrap">
              <TextInput
                aria-label={t('sales.settings.rewardName')}
                placeholder={t('sales.settings.rewardName')}
                value={r.name}
                onChange={(e) => update({ name: e.currentTarget.value })}
                style={{ flex: 1 }}
                maxLength={100}
              />
              <NumberInput
                aria-label={t('sales.settings.rewardPoints')}
                value={r.points}
                onChange={(v) => update({ points: num(v) })}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                w={120}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('sales.settings.removeReward')}
                onClick={() =>
                  set(
                    'rewards',
                    draft.rewards.filter((_, j) => j !== i),
                  )
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        {draft.rewards.length < 50 && (
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} />}
            onClick={() => set('rewards', [...draft.rewards, { name: '', points: 100 }])}
          >
            {t('sales.settings.addReward')}
          </Button>
        )}

        <Group align="flex-end" gap="sm" mt="xs">
          <DateField
            label={t('sales.settings.effectiveFrom')}
            value={from}
            onChange={setFrom}
            onProblem={setFromProblem}
            w={180}
          />
          <Button onClick={() => void save()}>{t('sales.settings.save')}</Button>
        </Group>
        {error && (
          <Alert color="red" p="xs">
            {error}
          </Alert>
        )}
        {versions.length > 1 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('sales.settings.versions')}
            </Text>
            {versions.map((v) => (
              <Text size="xs" c="dimmed" key={v.id + v.effectiveFrom}>
                {t('sales.settings.versionLine', {
                  date:
                    Date.parse(v.effectiveFrom) <= 0
                      ? t('sales.settings.since')
                      : t('sales.settings.fromDate', {
                          date: formatCalendarDate(
                            calendarDateIn(Date.parse(v.effectiveFrom), shop.timeZone),
                            locale,
                          ),
                        }),
                  amount: formatMoney(v.spendPerPoint, shop.currency, locale),
                  months:
                    v.expiryMonths === 0
                      ? t('sales.settings.never')
                      : t('sales.settings.monthsCount', { count: v.expiryMonths }),
                })}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
