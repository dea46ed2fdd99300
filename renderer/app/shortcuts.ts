/**
 * Keyboard shortcuts, one list for every screen (issue #19 item 7): the shell listens, and
 * either acts itself (navigate, open the help) or leaves a request (ui-store) that the screen
 * with the form takes: the contact list focuses its search, the sales screen or a contact's
 * loyalty panel opens "record a sale", the follow-ups screen or a contact's timeline opens a
 * new follow-up. The help dialog ("?") shows this same list.
 */
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useEffectEvent } from 'react';
import { matchPath, useLocation, useNavigate } from 'react-router';
import { MOD_KEY_LABEL } from './keys';
import { useUiStore, type ShortcutAction } from './ui-store';

export interface Shortcut {
  /** The keys as shown (joined with "+"). */
  keys: readonly string[];
  /** i18n key of what it does. */
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [MOD_KEY_LABEL, 'K'], label: 'shortcuts.search' },
  { keys: ['N'], label: 'shortcuts.newContact' },
  { keys: ['S'], label: 'shortcuts.sale' },
  { keys: ['F'], label: 'shortcuts.followUp' },
  { keys: ['?'], label: 'shortcuts.help' },
  { keys: ['Esc'], label: 'shortcuts.close' },
];

/** The id of the contact whose page is open (not its edit drawer), or null. */
function contactPageId(pathname: string): string | null {
  const m = matchPath('/contacts/:id', pathname);
  return m && m.params.id !== 'new' ? (m.params.id ?? null) : null;
}

/**
 * A window (modal, drawer, date picker) is open: its own keys win, and a letter must not
 * leave a half-filled form behind.
 */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"]') !== null;
}

/** Listens for every shortcut; mounted once, in the shell. */
export function useGlobalShortcuts(openHelp: () => void): void {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const requestShortcut = useUiStore((s) => s.requestShortcut);

  // A request left for a screen that is no longer shown (a contact page without the panel,
  // the user went elsewhere) is dropped, so it never opens a form later by surprise.
  useEffect(() => {
    const pending = useUiStore.getState().shortcutRequest;
    if (pending && pending.path !== pathname) useUiStore.getState().takeShortcut(pending.seq);
  }, [pathname]);

  /** Ask `target`'s screen to carry out `action`, going there first when needed. */
  const request = (action: ShortcutAction, target: string) => {
    if (pathname !== target) void navigate(target);
    requestShortcut(action, target);
  };

  // useHotkeys calls the newest handlers, so `run` sees the current path.
  const run = (action: ShortcutAction | 'newContact' | 'help') => {
    if (dialogOpen()) return;
    const contactId = contactPageId(pathname);
    switch (action) {
      case 'search':
        return request('search', '/contacts');
      case 'newContact':
        if (pathname !== '/contacts/new') void navigate('/contacts/new');
        return;
      case 'sale':
        return request('sale', contactId ? pathname : '/sales');
      case 'followUp':
        return request('followUp', contactId ? pathname : '/followups');
      case 'help':
        return openHelp();
    }
  };

  // Ctrl/Cmd+K also works while typing in a field (the header's search box promises it).
  useHotkeys([['mod+K', () => run('search')]], []);
  useHotkeys([
    ['N', () => run('newContact')],
    ['S', () => run('sale')],
    ['F', () => run('followUp')],
    // "?" is Shift+/ on most layouts, a key of its own on some.
    ['shift+?', () => run('help')],
    ['?', () => run('help')],
  ]);
}

/**
 * Run `handler` when the shell asks this screen for `action` (also when the request was made
 * just before the screen opened).
 */
export function useShortcutRequest(action: ShortcutAction, handler: () => void): void {
  const request = useUiStore((s) => s.shortcutRequest);
  const onRequest = useEffectEvent(handler);
  useEffect(() => {
    if (request?.action !== action) return;
    useUiStore.getState().takeShortcut(request.seq);
    onRequest();
  }, [request, action]);
}
