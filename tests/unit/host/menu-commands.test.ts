import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/host-api';
import {
  followMenuCommands,
  menuCommandPath,
  tellHostLanguage,
} from '../../../renderer/host/menu-commands';

function fakeHost() {
  const listeners = new Set<(command: MenuCommand) => void>();
  return {
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    fire: (command: MenuCommand) => listeners.forEach((l) => l(command)),
  };
}

describe('menu commands in the renderer', () => {
  it('open the screen that carries them out', () => {
    expect(Object.fromEntries(MENU_COMMANDS.map((c) => [c, menuCommandPath(c)]))).toEqual({
      backup: '/backup',
      restore: '/backup',
      importContacts: '/contacts',
      exportContacts: '/contacts',
      about: null,
    });
  });

  it('navigate on each command until unsubscribed; About navigates nowhere', () => {
    const host = fakeHost();
    const navigate = vi.fn();
    const stop = followMenuCommands(host, navigate);
    host.fire('restore');
    host.fire('about');
    host.fire('importContacts');
    stop();
    host.fire('backup');
    expect(navigate.mock.calls).toEqual([['/backup'], ['/contacts']]);
  });

  it('tell the host the language and survive a host that refuses', async () => {
    const setLanguage = vi.fn(async () => undefined);
    await tellHostLanguage({ setLanguage }, 'id');
    expect(setLanguage).toHaveBeenCalledWith({ language: 'id' });
    const onError = vi.fn();
    const failing = { setLanguage: async () => Promise.reject(new Error('refused')) };
    await expect(tellHostLanguage(failing, 'en', onError)).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'refused' }));
  });
});
