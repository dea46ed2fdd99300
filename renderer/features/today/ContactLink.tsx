import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { ContactSummary } from '../../db/repositories/timeline';
import { useContactName } from '../privacy/useContactName';

/** A contact's name on Today, linking to their page. */
export function ContactLink({ contact }: { contact: ContactSummary }) {
  const nameOf = useContactName();
  return (
    <Anchor component={Link} to={`/contacts/${contact.id}`} fw={500}>
      {nameOf(contact)}
    </Anchor>
  );
}
