import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/schemas';
import { useLocale } from '../../i18n/useLocale';
import { Checkbox } from '@mantine/core';
import { CONTACT_GRID, ContactRow } from './ContactRow';

const ROW_HEIGHT = 52;

/** The contact table, virtualized: only the rows on screen are in the DOM, at any book size. */
export function ContactList({
  contacts,
  highlight,
  onOpen,
  selected,
  onToggle,
  onToggleAll,
}: {
  contacts: Contact[];
  highlight: string[];
  onOpen: (id: string) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual is not React-Compiler-memoizable; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: contacts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => contacts[index]?.id ?? index,
  });

  return (
    <div
      role="table"
      aria-label={t('contacts.title')}
      aria-rowcount={contacts.length + 1}
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
              checked={contacts.length > 0 && contacts.every((c) => selected.has(c.id))}
              indeterminate={selected.size > 0 && !contacts.every((c) => selected.has(c.id))}
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
      <div ref={scrollRef} role="rowgroup" className="kenal-table-body" data-testid="contact-list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const contact = contacts[item.index];
            if (!contact) return null;
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
                <ContactRow
                  contact={contact}
                  highlight={highlight}
                  locale={locale}
                  onOpen={() => onOpen(contact.id)}
                  selected={selected.has(contact.id)}
                  onToggle={() => onToggle(contact.id)}
                  selectLabel={t('contacts.selection.selectRow', { name: contact.name })}
                />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
