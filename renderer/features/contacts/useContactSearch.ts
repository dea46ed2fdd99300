import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useSyncExternalStore } from 'react';
import type { ContactFilter } from '../../../shared/contacts/filters';
import type { SearchHits } from '../../../shared/contacts/search-index';
import type { Contact } from '../../../shared/schemas';
import { useRepositories } from '../../app/services';

/** How many rows come with a search's ids (more than a screen, so a first scroll is ready too). */
const FIRST_ROWS = 50;

export interface ContactListState {
  /** The matching ids in list order; rows read their display data by id (useContactRows). */
  hits: SearchHits;
  /** Only the first screen (the search index is still being built). */
  partial: boolean;
  /** The first screen's contacts, read with the ids. */
  rows?: Contact[];
  /** The query these hits answer (typing runs ahead of it for a moment). */
  query: string;
}

/**
 * The contact list: search + filters + (optionally) the ids another screen sent. Kept live: any
 * write anywhere (this tab or another) re-runs it, and so does the search index becoming ready.
 */
export function useContactList(
  query: string,
  filter: ContactFilter,
  onlyIds: string[] | undefined,
): ContactListState | undefined {
  const { contacts } = useRepositories();
  const deferred = useDeferredValue(query);
  const ready = useSyncExternalStore(contacts.onIndexChange, () => contacts.indexStatus().ready);
  return useLiveQuery(async () => {
    const list = await contacts.listIds(deferred, filter, onlyIds);
    // The first screen's contacts come with the ids, in the same query: a keystroke's rows are
    // drawn in one render, not after a second read started by the list once the ids arrived.
    const rows =
      list.rows ??
      (await contacts.rowsByIds(list.hits.slice(0, FIRST_ROWS))).filter(
        (c): c is Contact => c !== undefined,
      );
    return { ...list, rows, query: deferred };
  }, [contacts, deferred, filter, onlyIds, ready]);
}

/**
 * Display data of the rows on screen, by id, kept live (undefined while loading; null for a
 * contact deleted or merged since the list was made).
 */
export function useContactRows(ids: string[]): Map<string, Contact | null> | undefined {
  const { contacts } = useRepositories();
  const key = ids.join(',');
  return useLiveQuery(async () => {
    const wanted = key === '' ? [] : key.split(',');
    const rows = await contacts.rowsByIds(wanted);
    return new Map(wanted.map((id, i) => [id, rows[i] ?? null]));
  }, [contacts, key]);
}

export function useContactCount(): number | undefined {
  const { contacts } = useRepositories();
  return useLiveQuery(() => contacts.count(), [contacts]);
}

export function useContact(id: string | undefined): Contact | null | undefined {
  const { contacts } = useRepositories();
  return useLiveQuery(async () => (id ? ((await contacts.get(id)) ?? null) : null), [contacts, id]);
}

export function useContactFacets(enabled = true) {
  const { contacts } = useRepositories();
  return useLiveQuery(async () => (enabled ? contacts.facets() : undefined), [contacts, enabled]);
}

export function useContactFacts(id: string | undefined) {
  const { contacts } = useRepositories();
  return useLiveQuery(async () => (id ? contacts.facts(id) : undefined), [contacts, id]);
}
