export const shortcuts = {
  title: 'Keyboard shortcuts',
  open: 'Keyboard shortcuts (?)',
  intro: 'They work on every screen, except while you type in a field or a window is open.',
  search: 'Search contacts (also while typing)',
  newContact: 'New contact',
  sale: 'Record a sale (on a contact’s page: for that contact)',
  followUp: 'New follow-up (on a contact’s page: for that contact)',
  help: 'Show this list',
  close: 'Close a window or drawer',
};
