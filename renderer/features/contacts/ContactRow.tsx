import { Avatar, Badge, Checkbox, Group, Highlight, Skeleton, Text } from '@mantine/core';
import { IconCake } from '@tabler/icons-react';
import { memo } from 'react';
import { formatDayMonth } from '../../../shared/dates';
import type { Contact, PhoneEntry } from '../../../shared/schemas';
import { useContactName } from '../privacy/useContactName';

/** Grid columns of the list: a selection checkbox, then app.css's five columns. */
export const CONTACT_GRID =
  '36px minmax(180px, 2.2fr) minmax(140px, 1.3fr) minmax(140px, 1.6fr) minmax(120px, 1.6fr) minmax(110px, 1fr)';

/**
 * One line of the contact list: dense, scannable, the search match highlighted. Memoized (its
 * callbacks take the contact's id, so they stay the same from render to render): a keystroke
 * redraws only the rows whose contact or highlight changed.
 */
export const ContactRow = memo(function ContactRow({
  contact,
  highlight,
  locale,
  onOpen,
  selected,
  onToggle,
  selectLabel,
  formatPhone,
}: {
  contact: Contact;
  highlight: string[];
  locale: string;
  onOpen: (id: string) => void;
  selected: boolean;
  onToggle: (id: string) => void;
  selectLabel: string;
  /** The shop's way of writing a phone (useFormatPhone, read once for the whole list). */
  formatPhone: (phone: PhoneEntry) => string;
}) {
  const phone = contact.phones[0];
  const name = useContactName()(contact);
  const open = () => onOpen(contact.id);
  return (
    <div
      role="row"
      tabIndex={0}
      className="kenal-row"
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
      data-testid="contact-row"
      aria-selected={selected}
      style={{ gridTemplateColumns: CONTACT_GRID }}
    >
      <div role="cell" className="kenal-cell" onClick={(e) => e.stopPropagation()}>
        <Checkbox
          size="xs"
          aria-label={selectLabel}
          checked={selected}
          onChange={() => onToggle(contact.id)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </div>
      <div role="cell" className="kenal-cell kenal-cell-name">
        <Group gap="sm" wrap="nowrap">
          <Avatar name={name} color="initials" size={32} radius="xl" />
          <Highlight highlight={highlight} size="sm" fw={600} truncate="end">
            {name}
          </Highlight>
        </Group>
      </div>
      <div role="cell" className="kenal-cell">
        {phone && (
          <Highlight
            highlight={highlight}
            size="sm"
            title={phone.e164}
            style={{ fontVariantNumeric: 'tabular-nums' }}
            truncate="end"
          >
            {formatPhone(phone)}
          </Highlight>
        )}
      </div>
      <div role="cell" className="kenal-cell">
        <Highlight highlight={highlight} size="sm" c="dimmed" truncate="end">
          {[contact.email, contact.city].filter(Boolean).join(' · ')}
        </Highlight>
      </div>
      <div role="cell" className="kenal-cell">
        <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
          {contact.tags.slice(0, 3).map((tag) => (
            <Badge
              key={tag}
              variant="light"
              size="sm"
              radius="sm"
              tt="none"
              style={{ flexShrink: 0 }}
            >
              {tag}
            </Badge>
          ))}
          {contact.tags.length > 3 && (
            <Text size="xs" c="dimmed">
              +{contact.tags.length - 3}
            </Text>
          )}
        </Group>
      </div>
      <div role="cell" className="kenal-cell">
        {contact.birthday && (
          <Group gap={4} wrap="nowrap">
            <IconCake size={14} color="var(--mantine-color-pink-6)" aria-hidden />
            <Text size="sm" c="dimmed">
              {formatDayMonth(contact.birthday, locale)}
            </Text>
          </Group>
        )}
      </div>
    </div>
  );
});

/** A row whose contact is still being read: same size, so the list does not jump. */
export function ContactRowPlaceholder({ label }: { label: string }) {
  return (
    <div
      role="row"
      className="kenal-row"
      aria-busy
      aria-label={label}
      data-testid="contact-row-loading"
      style={{ gridTemplateColumns: CONTACT_GRID }}
    >
      <div role="cell" className="kenal-cell" />
      <div role="cell" className="kenal-cell kenal-cell-name">
        <Group gap="sm" wrap="nowrap">
          <Skeleton circle height={32} />
          <Skeleton height={12} width="60%" />
        </Group>
      </div>
      <div role="cell" className="kenal-cell">
        <Skeleton height={10} width="70%" />
      </div>
      <div role="cell" className="kenal-cell" />
      <div role="cell" className="kenal-cell" />
      <div role="cell" className="kenal-cell" />
    </div>
  );
}
