import {
  Badge,
  Button,
  CloseButton,
  Collapse,
  Group,
  Kbd,
  Menu,
  Pill,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconAddressBook,
  IconArrowLeft,
  IconBrandWhatsapp,
  IconCopy,
  IconDownload,
  IconFileImport,
  IconFilter,
  IconPlus,
  IconSearch,
  IconUserSearch,
} from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { isEmptyFilter } from '../../../shared/contacts/filters';
import { hitsOf } from '../../../shared/contacts/search-index';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router';
import { MOD_KEY_LABEL } from '../../app/keys';
import { useUiStore } from '../../app/ui-store';
import { useShortcutRequest } from '../../app/shortcuts';
import { useLocale } from '../../i18n/useLocale';
import { EmptyState } from '../../app/ui/EmptyState';
import { ContactDrawer } from './ContactDrawer';
import { QueueResumeBanner } from '../messaging/QueuePage';
import { StartQueueModal } from '../messaging/StartQueueModal';
import { BulkBar } from './BulkBar';
import { ContactList } from './ContactList';
import { useContactsView } from './contacts-view-store';
import { DuplicatesModal } from './DuplicatesModal';
import { FiltersPanel } from './FiltersPanel';
import { ImportModal } from './import/ImportModal';
import { useRepositories } from '../../app/services';
import { useContactCount, useContactList } from './useContactSearch';
import { useExportContacts } from './useExportContacts';

/** The list before the first answer (one object, so the memoized list is not redrawn for it). */
const EMPTY_HITS = hitsOf([]);

export function ContactsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const newMatch = useMatch('/contacts/new');

  const query = useUiStore((s) => s.contactQuery);
  const setQuery = useUiStore((s) => s.setContactQuery);
  const searchRef = useRef<HTMLInputElement>(null);
  useShortcutRequest('search', () => searchRef.current?.focus());

  const idFilter = useUiStore((s) => s.contactIdFilter);
  const setIdFilter = useUiStore((s) => s.setContactIdFilter);
  const { filter, setFilter, selected, setSelected, toggle } = useContactsView();
  const filtered = !isEmptyFilter(filter);
  const [filtersOpen, setFiltersOpen] = useState(filtered);
  const [importOpen, setImportOpen] = useState(false);
  const [dupesOpen, setDupesOpen] = useState(false);
  const [messageList, setMessageList] = useState<string[] | null>(null);
  const exportContacts = useExportContacts();

  const { contacts } = useRepositories();
  const list = useContactList(query, filter, idFilter?.ids);
  const results = list?.hits;
  const total = useContactCount();
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const allSelected = useMemo(() => {
    if (!results || results.length === 0 || selectedSet.size < results.length) return false;
    for (let i = 0; i < results.length; i++) if (!selectedSet.has(results.id(i))) return false;
    return true;
  }, [results, selectedSet]);
  const narrowed = query.trim() !== '' || filtered || idFilter !== null;
  // N is global (app/shortcuts.ts).
  const openNew = () => navigate('/contacts/new');

  // From the query the hits answer (not the box's text): the list redraws once per answer, and a
  // keystroke's urgent render leaves it alone (ContactList and ContactRow are memoized).
  const answered = list?.query ?? '';
  const highlight = useMemo(() => answered.trim().split(/\s+/).filter(Boolean), [answered]);
  const openContact = useCallback((id: string) => navigate(`/contacts/${id}`), [navigate]);
  const toggleAll = useCallback(
    () => setSelected(allSelected || !results ? [] : results.all()),
    [allSelected, results, setSelected],
  );

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
  } else if (results && results.length === 0 && query.trim() === '' && (filtered || idFilter)) {
    content = (
      <EmptyState
        icon={IconFilter}
        title={t('contacts.filters.noMatchFilters')}
        description={t('contacts.filters.noMatchFiltersDescription')}
        action={
          <Button
            variant="light"
            onClick={() => {
              setFilter({});
              setIdFilter(null);
            }}
          >
            {t('contacts.filters.clear')}
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
        hits={results ?? EMPTY_HITS}
        initialRows={list?.rows}
        answers={list?.query}
        highlight={highlight}
        onOpen={openContact}
        selected={selectedSet}
        allSelected={allSelected}
        onToggle={toggle}
        onToggleAll={toggleAll}
      />
    );
  }

  return (
    <Stack gap="md" h="100%">
      <Group justify="space-between" wrap="nowrap" className="kenal-split">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('contacts.title')}</Title>
          {total !== undefined && total > 0 && (
            <Badge variant="light" color="gray" tt="none" data-testid="contact-count">
              {results && narrowed && !list.partial
                ? t('contacts.countFiltered', {
                    shown: results.length.toLocaleString(locale),
                    total: total.toLocaleString(locale),
                  })
                : total.toLocaleString(locale)}
            </Badge>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap" className="kenal-split-actions">
          <TextInput
            ref={searchRef}
            w={{ base: '100%', sm: 340 }}
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
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Button
            size="xs"
            variant={filtered ? 'light' : 'default'}
            leftSection={<IconFilter size={14} />}
            onClick={() => setFiltersOpen((o) => !o)}
            aria-expanded={filtersOpen}
          >
            {t('contacts.filters.button')}
          </Button>
          {idFilter && (
            <Pill
              withRemoveButton
              onRemove={() => setIdFilter(null)}
              removeButtonProps={{ 'aria-label': t('contacts.filters.removeIdFilter') }}
              data-testid="id-filter-chip"
            >
              {t('contacts.filters.idFilter', { label: idFilter.label })}
            </Pill>
          )}
          {idFilter?.from && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconArrowLeft size={14} />}
              onClick={() => navigate(idFilter.from!)}
            >
              {t(`back.${idFilter.from}`)}
            </Button>
          )}
        </Group>
        <Group gap="xs">
          {narrowed && results && results.length > 0 && !list.partial && (
            <Button
              size="xs"
              variant="light"
              color="green"
              leftSection={<IconBrandWhatsapp size={14} />}
              onClick={() => setMessageList(results.all())}
            >
              {t('messaging.messageAll', { count: results.length })}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileImport size={14} />}
            onClick={() => setImportOpen(true)}
          >
            {t('contacts.import.button')}
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="xs" variant="default" leftSection={<IconDownload size={14} />}>
                {t('contacts.export.button')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('contacts.export.all')}</Menu.Label>
              {(['csv', 'vcard'] as const).map((format) => (
                <Menu.Item
                  key={format}
                  onClick={async () =>
                    exportContacts(await contacts.getMany(results?.all() ?? []), format)
                  }
                >
                  {t(`contacts.export.${format}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconCopy size={14} />}
            onClick={() => setDupesOpen(true)}
          >
            {t('contacts.duplicates.button')}
          </Button>
        </Group>
      </Group>
      <Collapse expanded={filtersOpen}>
        <FiltersPanel locale={locale} open={filtersOpen} />
      </Collapse>
      <QueueResumeBanner />
      {selected.length > 0 && <BulkBar ids={selected} onClear={() => setSelected([])} />}
      {messageList && (
        <StartQueueModal
          opened
          onClose={() => setMessageList(null)}
          contactIds={messageList}
          source={idFilter?.label ?? t('messaging.sources.list')}
        />
      )}
      {total !== undefined && total > 0 && results && results.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('contacts.hint')}
        </Text>
      )}
      {content}
      <ContactDrawer opened={newMatch !== null} onClose={() => navigate('/contacts')} />
      <ImportModal opened={importOpen} onClose={() => setImportOpen(false)} />
      <DuplicatesModal opened={dupesOpen} onClose={() => setDupesOpen(false)} />
    </Stack>
  );
}
