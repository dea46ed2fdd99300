/** The label of the platform's command key for shortcut hints: ⌘ on Apple, Ctrl elsewhere. */
export const MOD_KEY_LABEL =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
