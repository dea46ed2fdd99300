import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHits } from '../../../shared/contacts/search-index';
import type { Contact } from '../../../shared/schemas';
import { useLocale } from '../../i18n/useLocale';
import { Checkbox } from '@mantine/core';
import { CONTACT_GRID, ContactRow, ContactRowPlaceholder } from './ContactRow';
import { useContactRows } from './useContactSearch';
import { useContactName } from '../privacy/useContactName';
import { useFormatPhone } from './usePhoneRegion';

const ROW_HEIGHT = 52;
/** Rows are read from the database in pages of this many around what is on screen. */
const PAGE = 50;
/** Rows kept from earlier windows so a new search or a scroll back shows them at once. */
const CACHE_MAX = 2000;

/**
 * The contact table, virtualized: only the rows on screen are in the DOM, and only their
 * contacts are read (by id, a page at a time), at any book size.
 */
export const ContactList = memo(function ContactList({
  hits,
  initialRows,
  highlight,
  onOpen,
  selected,
  allSelected,
  onToggle,
  onToggleAll,
  answers,
}: {
  hits: SearchHits;
  /** Contacts already read with the ids (the first screen). */
  initialRows?: Contact[];
  highlight: string[];
  onOpen: (id: string) => void;
  selected: ReadonlySet<string>;
  allSelected: boolean;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  /** The query the hits answer, on the list as data-query (the benchmark waits for it). */
  answers?: string;
}) {
  const { t } = useTranslation();
  const nameOf = useContactName();
  const formatPhone = useFormatPhone();
  const { locale } = useLocale();
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual is not React-Compiler-memoizable; this app does not use the compiler.
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows past each edge: every row drawn is redrawn on each keystroke (highlight).
    overscan: 4,
    getItemKey: (index) => (index < hits.length ? hits.id(index) : index),
  });
  const items = virtualizer.getVirtualItems();
  const from = Math.floor((items[0]?.index ?? 0) / PAGE) * PAGE;
  const to = (Math.floor((items.at(-1)?.index ?? 0) / PAGE) + 1) * PAGE;
  const windowIds = useMemo(() => hits.slice(from, to), [hits, from, to]);
  const loaded = useContactRows(windowIds);
  const cache = useRef(new Map<string, Contact | null>());
  // Read with the ids, so as fresh as the list: they replace what the cache held.
  if (initialRows) for (const c of initialRows) cache.current.set(c.id, c);
  if (loaded) {
    if (cache.current.size > CACHE_MAX) cache.current = new Map();
    for (const [id, c] of loaded) cache.current.set(id, c);
  }
  // null: deleted since the list was made (the list itself re-runs and drops it).
  const rowOf = (id: string) => (loaded?.get(id) ?? cache.current.get(id)) || undefined;

  return (
    <div
      role="table"
      aria-label={t('contacts.title')}
      aria-rowcount={hits.length + 1}
      className="kenal-table"
    >
      <div role="rowgroup">
        <div
          role="row"
          className="kenal-row kenal-head"
          style={{ gridTemplateColumns: CONTACT_GRID }}
        >
          <div role="columnheader" className="kenal-cell">
            <Checkbox
              size="xs"
              aria-label={t('contacts.selection.selectAll')}
              checked={allSelected}
              indeterminate={selected.size > 0 && !allSelected}
              onChange={onToggleAll}
            />
          </div>
          <div role="columnheader" className="kenal-cell kenal-cell-name">
            {t('contacts.fields.name')}
          </div>
          <div role="columnheader" className="kenal-cell">
            {t('contacts.fields.phone')}
          </div>
          <div role="columnheader" className="kenal-cell">
            {t('contacts.fields.email')} · {t('contacts.fields.city')}
          </div>
          <div role="columnheader" className="kenal-cell">
            {t('contacts.fields.tags')}
          </div>
          <div role="columnheader" className="kenal-cell">
            {t('contacts.fields.birthday')}
          </div>
        </div>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        className="kenal-table-body"
        data-testid="contact-list"
        data-query={answers}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            if (item.index >= hits.length) return null;
            const contact = rowOf(hits.id(item.index));
            return (
              <div
                key={item.key}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: item.size,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                {contact ? (
                  <ContactRow
                    contact={contact}
                    highlight={highlight}
                    locale={locale}
                    onOpen={onOpen}
                    selected={selected.has(contact.id)}
                    onToggle={onToggle}
                    selectLabel={t('contacts.selection.selectRow', { name: nameOf(contact) })}
                    formatPhone={formatPhone}
                  />
                ) : (
                  <ContactRowPlaceholder label={t('contacts.loadingRow')} />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});
