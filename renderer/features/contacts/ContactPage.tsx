import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconFileExport,
  IconCake,
  IconMail,
  IconPencil,
  IconPhone,
  IconUserOff,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useNavigate, useParams } from 'react-router';
import {
  formatCalendarDate,
  formatDateTime,
  formatDayMonth,
  isCalendarDate,
} from '../../../shared/dates';
import { useCustomFields } from './custom-fields/useCustomFields';
import { CONTACT_SOURCES, type Contact } from '../../../shared/schemas';
import { isErased } from '../../../shared/privacy/erase';
import { useLocale } from '../../i18n/useLocale';
import { useUiStore } from '../../app/ui-store';
import { ContactMergeHistory } from '../backup-sync/ContactMergeHistory';
import { ContactLoyaltyPanel } from '../loyalty/ContactLoyaltyPanel';
import { ContactRfm } from '../reports/ContactRfm';
import { EmptyState } from '../../app/ui/EmptyState';
import { EraseContactButton } from '../privacy/EraseContactButton';
import { ContactTimelinePanel } from '../timeline/ContactTimelinePanel';
import { ContactDrawer } from './ContactDrawer';
import { useContact, useContactFacts } from './useContactSearch';
import { useExportPerson } from './useExportPerson';
import { useContactName } from '../privacy/useContactName';
import { useFormatPhone } from './usePhoneRegion';

/** One customer: who they are at the top, what happened with them below. */
export function ContactPage() {
  const { t } = useTranslation();
  const formatPhone = useFormatPhone();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { id } = useParams();
  const editing = useMatch('/contacts/:id/edit') !== null;
  const contact = useContact(id);
  const facts = useContactFacts(id);
  const exportPerson = useExportPerson();
  const nameOf = useContactName();
  const [tab, setTab] = useState<string | null>('timeline');
  // S / F (app/shortcuts.ts): show the tab whose panel opens the form; the panel takes it.
  useEffect(
    () =>
      useUiStore.subscribe((s) => {
        const action = s.shortcutRequest?.action;
        if (action === 'sale') setTab('loyalty');
        else if (action === 'followUp') setTab('timeline');
      }),
    [],
  );

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
        <Group justify="space-between" align="flex-start" wrap="nowrap" className="kenal-split">
          <Group gap="md" wrap="nowrap" align="flex-start" miw={0}>
            <Avatar name={nameOf(contact)} color="initials" size={56} radius="xl" />
            <Stack gap={6}>
              <Group gap="sm" align="center">
                <Title order={2}>{nameOf(contact)}</Title>
                {facts && (
                  <Badge variant="dot" tt="none" data-testid="contact-stage">
                    {t(`contacts.stages.${facts.stage}`)}
                  </Badge>
                )}
              </Group>
              {(contact.nickname || contact.jobTitle || contact.organization) && (
                <Text size="sm" data-testid="contact-work">
                  {[
                    contact.nickname && `“${contact.nickname}”`,
                    [contact.jobTitle, contact.organization].filter(Boolean).join(', '),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              )}
              {facts?.lastPurchaseAt && (
                <Text size="sm" c="dimmed">
                  {t('contacts.lastPurchase', {
                    date: formatDateTime(facts.lastPurchaseAt, locale),
                  })}
                </Text>
              )}
              <Group gap="lg">
                {contact.phones.map((p) => (
                  <Group key={p.e164} gap={6} wrap="nowrap">
                    <IconPhone size={14} color="var(--mantine-color-gray-6)" aria-hidden />
                    <Text size="sm" title={p.e164} data-testid="contact-phone">
                      {formatPhone(p)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.customLabel ?? t(`contacts.phoneLabels.${p.label}`)}
                    </Text>
                  </Group>
                ))}
                {contact.email && (
                  <Group gap={6} wrap="nowrap">
                    <IconMail size={14} color="var(--mantine-color-gray-6)" aria-hidden />
                    <Text size="sm">{contact.email}</Text>
                  </Group>
                )}
                {(contact.birthday ?? contact.birthMonthDay) && (
                  <Group gap={6} wrap="nowrap">
                    <IconCake size={14} color="var(--mantine-color-pink-6)" aria-hidden />
                    <Text size="sm" data-testid="contact-birthday">
                      {/* Without a year: any leap year shows the day and month (29 Feb too). */}
                      {formatDayMonth(contact.birthday ?? `2000-${contact.birthMonthDay}`, locale)}
                    </Text>
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
          <Group gap="xs" wrap="nowrap" className="kenal-split-actions">
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconFileExport size={16} />}
              title={t('contacts.privacy.exportHelp')}
              onClick={() => void exportPerson(contact)}
            >
              {t('contacts.privacy.export')}
            </Button>
            <EraseContactButton contact={contact} />
            {/* An erased customer has nothing left to edit (a save would bring data back). */}
            {!isErased(contact) && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => navigate(`/contacts/${id}/edit`)}
              >
                {t('contacts.editButton')}
              </Button>
            )}
          </Group>
        </Group>
        <ContactDetails contact={contact} locale={locale} />
        {contact.note && (
          <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {contact.note}
          </Text>
        )}
      </Card>

      <ContactRfm contactId={id} />
      <ContactMergeHistory contactId={id} />

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="timeline">{t('contacts.tabs.timeline')}</Tabs.Tab>
          <Tabs.Tab value="loyalty">{t('contacts.tabs.loyalty')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="timeline" pt="md">
          <ContactTimelinePanel contactId={id} erased={isErased(contact)} />
        </Tabs.Panel>
        <Tabs.Panel value="loyalty" pt="md">
          <ContactLoyaltyPanel contactId={id} />
        </Tabs.Panel>
      </Tabs>

      <ContactDrawer
        id={id}
        // Not for an erased customer, even from the edit address (a bookmark, Back).
        opened={editing && !isErased(contact)}
        onClose={() => navigate(`/contacts/${id}`)}
        onDeleted={() => navigate('/contacts')}
      />
    </Stack>
  );
}

/** The quieter facts: where they live, how they found the shop, how they like to be reached. */
function ContactDetails({ contact, locale }: { contact: Contact; locale: string }) {
  const { t } = useTranslation();
  const customDefs = useCustomFields();
  const rows: [string, string][] = [];
  const place = [contact.address, contact.city].filter(Boolean).join(', ');
  if (place) rows.push([t('contacts.fields.address'), place]);
  if (contact.source) {
    const known = (CONTACT_SOURCES as readonly string[]).includes(contact.source);
    rows.push([
      t('contacts.fields.source'),
      known ? t(`contacts.sources.${contact.source}`) : contact.source,
    ]);
  }
  if (contact.preferredChannel) {
    rows.push([t('contacts.fields.channel'), t(`contacts.channels.${contact.preferredChannel}`)]);
  }
  if (contact.gender)
    rows.push([t('contacts.fields.gender'), t(`contacts.genders.${contact.gender}`)]);
  if (contact.otherEmails?.length)
    rows.push([t('contacts.fields.otherEmails'), contact.otherEmails.join(', ')]);
  for (const a of contact.otherAddresses ?? []) rows.push([t('contacts.fields.otherAddresses'), a]);
  if (contact.websites?.length)
    rows.push([t('contacts.fields.website'), contact.websites.join(' ')]);
  if (contact.unparsedPhones?.length)
    rows.push([
      t('contacts.fields.unparsedPhones'),
      contact.unparsedPhones
        .map((p) => `${p.raw} (${p.customLabel ?? t(`contacts.phoneLabels.${p.label}`)})`)
        .join(', '),
    ]);
  if (contact.marketingConsent !== undefined) {
    const date = contact.marketingConsentAt
      ? formatDateTime(contact.marketingConsentAt, locale)
      : '';
    rows.push([
      t('contacts.fields.consent'),
      t(contact.marketingConsent ? 'contacts.consentGiven' : 'contacts.consentWithdrawn', { date }),
    ]);
  }
  // The shop's own fields (Settings), each by its type: a date in the reader's words.
  for (const d of customDefs) {
    const v = contact.custom?.[d.id];
    if (v !== undefined)
      rows.push([
        d.name,
        d.type === 'date' && isCalendarDate(v) ? formatCalendarDate(v, locale) : v,
      ]);
  }
  if (rows.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mt="md" spacing="xs" verticalSpacing={4}>
      {rows.map(([label, value], i) => (
        <Group key={`${label}-${i}`} gap={6} wrap="nowrap" align="baseline">
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {label}
          </Text>
          <Text size="sm" truncate="end" title={value}>
            {value}
          </Text>
        </Group>
      ))}
    </SimpleGrid>
  );
}
