import { createTheme, Drawer, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';

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

/** Dimmed text and light-variant labels dark enough to read (4.5:1 on white and on teal-0). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-teal-light-color': 'var(--mantine-color-teal-9)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-teal-9)',
  },
  dark: {},
});

/** Before translations exist (startup errors): English. */
export const theme = createKenalTheme('Close');
