import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RebuildProgress } from '../../db/repositories/derived';
import { useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';

/**
 * Keeps the derived figures complete: when they are stale (first start after an upgrade, a
 * restore, a rules change) it rebuilds them in the background with a progress bar the user
 * can cancel. Screens meanwhile compute from the events, so nothing shows wrong numbers.
 */
export function FiguresKeeper() {
  const { derived } = useRepositories();
  const ready = useLiveQuery(() => derived.ready(), [derived]);
  const cancelled = useRef(false);
  useEffect(() => {
    if (ready === false && !cancelled.current) {
      void derived.ensure().then((outcome) => {
        if (outcome === 'cancelled') cancelled.current = true;
      });
    }
  }, [ready, derived]);
  return <RebuildBar onCancel={() => (cancelled.current = true)} />;
}

/** The rebuild's progress, bottom right, with Cancel (also used by the Settings repair). */
export function RebuildBar({ onCancel }: { onCancel?: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { derived } = useRepositories();
  const [progress, setProgress] = useState<RebuildProgress | null>(null);
  useEffect(() => derived.watch(setProgress), [derived]);
  if (!progress) return null;
  const pct = progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
  return (
    <Paper
      withBorder
      shadow="md"
      p="sm"
      w={340}
      style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 300 }}
      data-testid="figures-rebuild"
    >
      <Text size="sm" fw={500}>
        {t('settings.figures.rebuilding')}
      </Text>
      <Progress value={pct} mt={6} aria-label={t('settings.figures.rebuilding')} />
      <Group justify="space-between" mt={6}>
        <Text size="xs" c="dimmed">
          {t('settings.figures.progress', {
            done: progress.done.toLocaleString(locale),
            total: progress.total.toLocaleString(locale),
          })}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => {
            onCancel?.();
            derived.cancel();
          }}
        >
          {t('settings.figures.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Settings: rebuild every kept figure from the sales and points history. */
export function FiguresRepairCard() {
  const { t } = useTranslation();
  const { derived } = useRepositories();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<'done' | 'cancelled' | null>(null);
  return (
    <Paper withBorder p="lg">
      <Text fw={600}>{t('settings.figures.title')}</Text>
      <Text size="sm" c="dimmed" mt={4}>
        {t('settings.figures.description')}
      </Text>
      <Group mt="sm">
        <Button
          variant="default"
          loading={busy}
          onClick={() => {
            setBusy(true);
            setResult(null);
            void derived
              .repair()
              .then(setResult)
              .finally(() => setBusy(false));
          }}
        >
          {t('settings.figures.repair')}
        </Button>
        {result && (
          <Text size="sm" c={result === 'done' ? 'teal' : 'orange'}>
            {t(result === 'done' ? 'settings.figures.done' : 'settings.figures.cancelled')}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
