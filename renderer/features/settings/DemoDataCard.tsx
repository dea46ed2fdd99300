import { Button, Card, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generateDemoBook } from '../../../shared/demo/generate';
import { useRepositories } from '../../app/services';
import { useContactCount } from '../contacts/useContactSearch';
import { useLocale } from '../../i18n/useLocale';

const DEMO_SIZE = { contacts: 300, sales: 3000 };

/** Sample customers with years of history, so a new user can try every screen. */
export function DemoDataCard() {
  const { t } = useTranslation();
  const repos = useRepositories();
  const { language } = useLocale();
  const count = useContactCount();
  const [loading, setLoading] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const load = async () => {
    setConfirming(false);
    setLoading(true);
    try {
      const book = generateDemoBook({ ...DEMO_SIZE, now: Date.now(), language });
      await repos.demo.load(book);
      notifications.show({
        color: 'teal',
        message: t('settings.demo.loaded', {
          contacts: book.contacts.length,
          sales: book.sales.length,
        }),
      });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('settings.demo.failed'),
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" wrap="nowrap" align="flex-start" className="kenal-split">
        <div>
          <Text fw={600}>{t('settings.demo.title')}</Text>
          <Text size="sm" c="dimmed">
            {count === 0 ? t('settings.demo.description') : t('settings.demo.onlyWhenEmpty')}
          </Text>
        </div>
        <Button
          variant="light"
          leftSection={<IconDatabaseImport size={16} />}
          onClick={() => setConfirming(true)}
          loading={loading}
          disabled={count !== 0}
        >
          {t('settings.demo.load')}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('settings.demo.confirmTitle')}
      >
        <Text size="sm">{t('settings.demo.confirmBody')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void load()}>{t('settings.demo.load')}</Button>
        </Group>
      </Modal>
    </Card>
  );
}
