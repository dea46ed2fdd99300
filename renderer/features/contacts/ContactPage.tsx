import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconCake,
  IconMail,
  IconPencil,
  IconPhone,
  IconUserOff,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useNavigate, useParams } from 'react-router';
import { formatDayMonth } from '../../../shared/dates';
import { useLocale } from '../../i18n/useLocale';
import { ContactLoyaltyPanel } from '../loyalty/ContactLoyaltyPanel';
import { EmptyState } from '../placeholder/EmptyState';
import { ContactTimelinePanel } from '../timeline/ContactTimelinePanel';
import { ContactDrawer } from './ContactDrawer';
import { useContact } from './useContactSearch';

/** One customer: who they are at the top, what happened with them below. */
export function ContactPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { id } = useParams();
  const editing = useMatch('/contacts/:id/edit') !== null;
  const contact = useContact(id);

  if (contact === undefined) {
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  if (contact === null || !id) {
    return (
      <EmptyState
        icon={IconUserOff}
        title={t('contacts.notFound')}
        description={t('contacts.noMatchDescription')}
        action={
          <Button component={Link} to="/contacts" variant="light">
            {t('contacts.backToList')}
          </Button>
        }
      />
    );
  }

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/contacts" size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('contacts.backToList')}
        </Group>
      </Anchor>
      <Card withBorder padding="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <Avatar name={contact.name} color="initials" size={56} radius="xl" />
            <Stack gap={6}>
              <Title order={2}>{contact.name}</Title>
              <Group gap="lg">
                {contact.phones.map((p) => (
                  <Group key={p.e164} gap={6} wrap="nowrap">
                    <IconPhone size={14} color="var(--mantine-color-gray-6)" aria-hidden />
                    <Text size="sm" title={p.e164}>
                      {p.raw}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`contacts.phoneLabels.${p.label}`)}
                    </Text>
                  </Group>
                ))}
                {contact.email && (
                  <Group gap={6} wrap="nowrap">
                    <IconMail size={14} color="var(--mantine-color-gray-6)" aria-hidden />
                    <Text size="sm">{contact.email}</Text>
                  </Group>
                )}
                {contact.birthday && (
                  <Group gap={6} wrap="nowrap">
                    <IconCake size={14} color="var(--mantine-color-pink-6)" aria-hidden />
                    <Text size="sm">{formatDayMonth(contact.birthday, locale)}</Text>
                  </Group>
                )}
              </Group>
              {contact.tags.length > 0 && (
                <Group gap={4}>
                  {contact.tags.map((tag) => (
                    <Badge key={tag} variant="light" tt="none" radius="sm">
                      {tag}
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
          </Group>
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            onClick={() => navigate(`/contacts/${id}/edit`)}
          >
            {t('contacts.editButton')}
          </Button>
        </Group>
        {contact.note && (
          <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {contact.note}
          </Text>
        )}
      </Card>

      <Tabs defaultValue="timeline" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="timeline">{t('contacts.tabs.timeline')}</Tabs.Tab>
          <Tabs.Tab value="loyalty">{t('contacts.tabs.loyalty')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="timeline" pt="md">
          <ContactTimelinePanel contactId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="loyalty" pt="md">
          <ContactLoyaltyPanel contactId={id} />
        </Tabs.Panel>
      </Tabs>

      <ContactDrawer
        id={id}
        opened={editing}
        onClose={() => navigate(`/contacts/${id}`)}
        onDeleted={() => navigate('/contacts')}
      />
    </Stack>
  );
}
