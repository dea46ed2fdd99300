/** UI state that outlives a screen (Zustand): the contact search survives a trip to Settings. */
import { create } from 'zustand';

/** A set of contacts another screen sends to the contact list ("At risk" from Reports, ...). */
export interface ContactIdFilter {
  /** Already translated: shown on the list as the filter's name. */
  label: string;
  ids: string[];
}

interface UiState {
  contactQuery: string;
  setContactQuery: (q: string) => void;
  /** Bumped by Ctrl/Cmd+K so the contact search box takes focus wherever the user was. */
  searchFocusRequest: number;
  requestSearchFocus: () => void;
  /** When set, the contact list shows only these contacts until the user clears it. */
  contactIdFilter: ContactIdFilter | null;
  setContactIdFilter: (filter: ContactIdFilter | null) => void;
}

export const useUiStore = create<UiState>((set) => ({
  contactQuery: '',
  setContactQuery: (contactQuery) => set({ contactQuery }),
  searchFocusRequest: 0,
  requestSearchFocus: () => set((s) => ({ searchFocusRequest: s.searchFocusRequest + 1 })),
  contactIdFilter: null,
  setContactIdFilter: (contactIdFilter) => set({ contactIdFilter }),
}));
