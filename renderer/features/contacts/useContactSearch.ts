import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue } from 'react';
import type { Contact } from '../../../shared/schemas';
import { useRepositories } from '../../app/services';

/** Contacts matching the query, kept live: any write anywhere in the app updates the list. */
export function useContactSearch(query: string): Contact[] | undefined {
  const { contacts } = useRepositories();
  // Typing stays responsive: the list re-queries with the latest query React has time for.
  const deferred = useDeferredValue(query);
  return useLiveQuery(() => contacts.search(deferred), [contacts, deferred]);
}

export function useContactCount(): number | undefined {
  const { contacts } = useRepositories();
  return useLiveQuery(() => contacts.count(), [contacts]);
}

export function useContact(id: string | undefined): Contact | null | undefined {
  const { contacts } = useRepositories();
  return useLiveQuery(async () => (id ? ((await contacts.get(id)) ?? null) : null), [contacts, id]);
}
