/**
 * The contact list's own UI state: filters, saved views (kept in this browser's storage) and
 * the selection for bulk actions. Survives a trip to another screen.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ContactFilter } from '../../../shared/contacts/filters';

export interface SavedView {
  name: string;
  filter: ContactFilter;
}

interface ContactsViewState {
  filter: ContactFilter;
  setFilter: (f: ContactFilter) => void;
  views: SavedView[];
  saveView: (view: SavedView) => void;
  deleteView: (name: string) => void;
  selected: string[];
  setSelected: (ids: string[]) => void;
  toggle: (id: string) => void;
}

export const useContactsView = create<ContactsViewState>()(
  persist(
    (set) => ({
      filter: {},
      setFilter: (filter) => set({ filter, selected: [] }),
      views: [],
      saveView: (view) =>
        set((s) => ({ views: [...s.views.filter((v) => v.name !== view.name), view] })),
      deleteView: (name) => set((s) => ({ views: s.views.filter((v) => v.name !== name) })),
      selected: [],
      setSelected: (selected) => set({ selected }),
      toggle: (id) =>
        set((s) => ({
          selected: s.selected.includes(id)
            ? s.selected.filter((x) => x !== id)
            : [...s.selected, id],
        })),
    }),
    { name: 'kenal.contacts.views', partialize: (s) => ({ views: s.views }) },
  ),
);
