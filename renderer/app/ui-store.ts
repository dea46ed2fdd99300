/** UI state that outlives a screen (Zustand): the contact search survives a trip to Settings. */
import { create } from 'zustand';

interface UiState {
  contactQuery: string;
  setContactQuery: (q: string) => void;
  /** Bumped by Ctrl/Cmd+K so the contact search box takes focus wherever the user was. */
  searchFocusRequest: number;
  requestSearchFocus: () => void;
}

export const useUiStore = create<UiState>((set) => ({
  contactQuery: '',
  setContactQuery: (contactQuery) => set({ contactQuery }),
  searchFocusRequest: 0,
  requestSearchFocus: () => set((s) => ({ searchFocusRequest: s.searchFocusRequest + 1 })),
}));
