/**
 * What the renderer does with the desktop menu (pure, so it is tested without React): menu
 * commands open the screen that carries them out, and the menu follows the UI language.
 */
import type { HostApi, MenuCommand } from '../../shared/host-api';

/**
 * The route a menu command opens, or null when there is nothing to open ('about' is a native
 * dialog shown by the main process). The contacts screen has the Import and Export buttons.
 */
export function menuCommandPath(command: MenuCommand): string | null {
  switch (command) {
    case 'backup':
    case 'restore':
      return '/backup';
    case 'importContacts':
    case 'exportContacts':
      return '/contacts';
    case 'about':
      return null;
  }
}

/** Navigates on every menu command until the returned function is called. */
export function followMenuCommands(
  host: Pick<HostApi, 'onMenuCommand'>,
  navigate: (path: string) => void,
): () => void {
  return host.onMenuCommand((command) => {
    const path = menuCommandPath(command);
    if (path !== null) navigate(path);
  });
}

/** Tells the host the UI language; a failure only leaves the menu in the old language. */
export function tellHostLanguage(
  host: Pick<HostApi, 'setLanguage'>,
  language: 'en' | 'id',
  onError: (error: unknown) => void = (error) =>
    console.warn('[kenal] could not relabel the menu', error),
): Promise<void> {
  return host.setLanguage({ language }).catch(onError);
}
