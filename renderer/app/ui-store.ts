/** UI state that outlives a screen (Zustand): the contact search survives a trip to Settings. */
import { create } from 'zustand';

/** What a screen does for a shortcut the shell cannot do itself (it opens a form there). */
export type ShortcutAction = 'search' | 'sale' | 'followUp';

export interface ShortcutRequest {
  action: ShortcutAction;
  /** The screen (path) meant to take it. */
  path: string;
  /** Increases with every request, so pressing the key twice opens the form twice. */
  seq: number;
}

/** A set of contacts another screen sends to the contact list ("At risk" from Reports, ...). */
export interface ContactIdFilter {
  /** Already translated: shown on the list as the filter's name. */
  label: string;
  ids: string[];
  /** The screen it came from, offered as "Back" beside the filter (Reports). */
  from?: string;
}

interface UiState {
  contactQuery: string;
  setContactQuery: (q: string) => void;
  /**
   * A keyboard shortcut waiting for the screen that carries it out (shortcuts.ts): set by the
   * shell, taken (cleared) by the screen, so a screen that opens later still sees it once.
   */
  shortcutRequest: ShortcutRequest | null;
  requestShortcut: (action: ShortcutAction, path: string) => void;
  takeShortcut: (seq: number) => void;
  /** When set, the contact list shows only these contacts until the user clears it. */
  contactIdFilter: ContactIdFilter | null;
  setContactIdFilter: (filter: ContactIdFilter | null) => void;
}

export const useUiStore = create<UiState>((set) => ({
  contactQuery: '',
  setContactQuery: (contactQuery) => set({ contactQuery }),
  shortcutRequest: null,
  requestShortcut: (action, path) =>
    set((s) => ({ shortcutRequest: { action, path, seq: (s.shortcutRequest?.seq ?? 0) + 1 } })),
  takeShortcut: (seq) =>
    set((s) => (s.shortcutRequest?.seq === seq ? { shortcutRequest: null } : s)),
  contactIdFilter: null,
  setContactIdFilter: (contactIdFilter) => set({ contactIdFilter }),
}));
