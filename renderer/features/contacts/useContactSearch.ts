import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue } from 'react';
import type { ContactFilter } from '../../../shared/contacts/filters';
import type { Contact } from '../../../shared/schemas';
import { useRepositories } from '../../app/services';

/** Contacts matching the query, kept live: any write anywhere in the app updates the list. */
export function useContactSearch(query: string): Contact[] | undefined {
  const { contacts } = useRepositories();
  // Typing stays responsive: the list re-queries with the latest query React has time for.
  const deferred = useDeferredValue(query);
  return useLiveQuery(() => contacts.search(deferred), [contacts, deferred]);
}

/** The contact list: search + filters + (optionally) the ids another screen sent. */
export function useContactList(
  query: string,
  filter: ContactFilter,
  onlyIds: string[] | undefined,
): Contact[] | undefined {
  const { contacts } = useRepositories();
  const deferred = useDeferredValue(query);
  return useLiveQuery(
    () => contacts.list(deferred, filter, onlyIds),
    [contacts, deferred, filter, onlyIds],
  );
}

export function useContactCount(): number | undefined {
  const { contacts } = useRepositories();
  return useLiveQuery(() => contacts.count(), [contacts]);
}

export function useContact(id: string | undefined): Contact | null | undefined {
  const { contacts } = useRepositories();
  return useLiveQuery(async () => (id ? ((await contacts.get(id)) ?? null) : null), [contacts, id]);
}

export function useContactFacets() {
  const { contacts } = useRepositories();
  return useLiveQuery(() => contacts.facets(), [contacts]);
}

export function useContactFacts(id: string | undefined) {
  const { contacts } = useRepositories();
  return useLiveQuery(async () => (id ? contacts.facts(id) : undefined), [contacts, id]);
}
