import {
  Badge,
  Button,
  CloseButton,
  Group,
  Kbd,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAddressBook, IconPlus, IconSearch, IconUserSearch } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router';
import { MOD_KEY_LABEL } from '../../app/keys';
import { useUiStore } from '../../app/ui-store';
import { useLocale } from '../../i18n/useLocale';
import { EmptyState } from '../placeholder/EmptyState';
import { ContactDrawer } from './ContactDrawer';
import { ContactList } from './ContactList';
import { useContactCount, useContactSearch } from './useContactSearch';

export function ContactsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const newMatch = useMatch('/contacts/new');

  const query = useUiStore((s) => s.contactQuery);
  const setQuery = useUiStore((s) => s.setContactQuery);
  const focusRequest = useUiStore((s) => s.searchFocusRequest);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusRequest > 0) searchRef.current?.focus();
  }, [focusRequest]);

  const results = useContactSearch(query);
  const total = useContactCount();
  const openNew = () => navigate('/contacts/new');
  useHotkeys([['n', openNew]]);

  const highlight = query.trim().split(/\s+/).filter(Boolean);

  let content;
  if (total === 0) {
    content = (
      <EmptyState
        icon={IconAddressBook}
        title={t('contacts.emptyTitle')}
        description={t('contacts.emptyDescription')}
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={openNew}>
            {t('contacts.new')}
          </Button>
        }
      />
    );
  } else if (results && results.length === 0) {
    content = (
      <EmptyState
        icon={IconUserSearch}
        title={t('contacts.noMatchTitle', { query: query.trim() })}
        description={t('contacts.noMatchDescription')}
        action={
          <Button variant="light" onClick={() => setQuery('')}>
            {t('contacts.clearSearch')}
          </Button>
        }
      />
    );
  } else {
    content = (
      <ContactList
        contacts={results ?? []}
        highlight={highlight}
        onOpen={(id) => navigate(`/contacts/${id}`)}
      />
    );
  }

  return (
    <Stack gap="md" h="100%">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('contacts.title')}</Title>
          {total !== undefined && total > 0 && (
            <Badge variant="light" color="gray" tt="none" data-testid="contact-count">
              {results && query.trim() !== ''
                ? t('contacts.countFiltered', {
                    shown: results.length.toLocaleString(locale),
                    total: total.toLocaleString(locale),
                  })
                : total.toLocaleString(locale)}
            </Badge>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <TextInput
            ref={searchRef}
            w={340}
            type="search"
            aria-label={t('contacts.searchLabel')}
            placeholder={t('contacts.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQuery('');
            }}
            rightSection={
              query ? (
                <CloseButton
                  size="sm"
                  aria-label={t('contacts.clearSearch')}
                  onClick={() => setQuery('')}
                />
              ) : (
                <Kbd size="xs">{MOD_KEY_LABEL}+K</Kbd>
              )
            }
            rightSectionWidth={query ? 32 : 64}
          />
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={openNew}
            rightSection={<Kbd size="xs">N</Kbd>}
          >
            {t('contacts.new')}
          </Button>
        </Group>
      </Group>
      {total !== undefined && total > 0 && results && results.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('contacts.hint')}
        </Text>
      )}
      {content}
      <ContactDrawer opened={newMatch !== null} onClose={() => navigate('/contacts')} />
    </Stack>
  );
}
