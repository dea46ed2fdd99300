import { Avatar, Badge, Group, Highlight, Text } from '@mantine/core';
import { IconCake } from '@tabler/icons-react';
import { formatDayMonth } from '../../../shared/dates';
import type { Contact } from '../../../shared/schemas';

/** One line of the contact list: dense, scannable, the search match highlighted. */
export function ContactRow({
  contact,
  highlight,
  locale,
  onOpen,
}: {
  contact: Contact;
  highlight: string[];
  locale: string;
  onOpen: () => void;
}) {
  const phone = contact.phones[0];
  return (
    <div
      role="row"
      tabIndex={0}
      className="kenal-row"
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
      data-testid="contact-row"
    >
      <div role="cell" className="kenal-cell kenal-cell-name">
        <Group gap="sm" wrap="nowrap">
          <Avatar name={contact.name} color="initials" size={32} radius="xl" />
          <Highlight highlight={highlight} size="sm" fw={600} truncate="end">
            {contact.name}
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
            {phone.raw}
          </Highlight>
        )}
      </div>
      <div role="cell" className="kenal-cell">
        <Text size="sm" c="dimmed" truncate="end">
          {contact.email ?? ''}
        </Text>
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
}
