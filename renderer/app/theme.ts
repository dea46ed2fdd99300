import {
  createTheme,
  darken,
  Drawer,
  Modal,
  Notification,
  type CSSVariablesResolver,
} from '@mantine/core';

/**
 * Calm teal on white, compact spacing: a tool people use all day. Shade 9 for filled buttons:
 * white text on teal 7 or 8 is below the 4.5:1 contrast WCAG asks of normal text (axe, tests/e2e
 * a11y.spec.ts). `closeLabel` names the close button of every dialog and drawer for screen readers.
 */
export function createKenalTheme(closeLabel: string) {
  return createTheme({
    primaryColor: 'teal',
    primaryShade: 9,
    defaultRadius: 'md',
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    cursorType: 'pointer',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': closeLabel } },
      }),
    },
  });
}

/**
 * Dimmed text, light-variant labels (badges, light buttons, the active nav link) and coloured
 * text dark enough to read: Mantine's shade 9 on its shade-1 tint is below 4.5:1 for yellow,
 * orange, lime, teal and others (axe, tests/e2e/a11y.spec.ts), so every palette's light-variant
 * and text colour is its shade 9 darkened by a third.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Placeholders a shade lighter than typed text, still 4.7:1 on white.
    '--mantine-color-placeholder': '#6c757d',
  };
  for (const [name, shades] of Object.entries(theme.colors)) {
    const ink = darken(shades[9], 0.35);
    light[`--mantine-color-${name}-light-color`] = ink;
    light[`--mantine-color-${name}-text`] = ink;
  }
  light['--mantine-primary-color-light-color'] = light['--mantine-color-teal-light-color']!;
  return { variables: {}, light, dark: {} };
};

/** Before translations exist (startup errors): English. */
export const theme = createKenalTheme('Close');
