/** The duplicate warning on save and the duplicate finder's groups (issue #19 item 8). */
export const duplicates = {
  warnTitle: 'Already in your book?',
  warnBody: 'A contact with this phone number or e-mail address already exists:',
  reasons: { phone: 'same phone', email: 'same e-mail' },
  open: 'Open {{name}}',
  merge: 'Merge into {{name}}',
  mergeHelp: 'What you typed is added to {{name}} (phones, e-mail, tags, notes).',
  saveAnyway: 'Save as a new contact',
  back: 'Back to the form',
  merged: 'Saved into {{name}}',
  group: '{{count}} contacts',
  confirmTitle: 'Merge these contacts?',
  confirmBody:
    'The others in this group ({{count}}) are merged into {{name}}: their phones, e-mails, tags and notes are added, and their history, sales and points count for {{name}}. You can undo this right after.',
  confirm: 'Merge',
  undone: 'Merge undone',
};
