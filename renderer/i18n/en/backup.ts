/** Texts of the backup area. Bahasa Indonesia in ../id/backup.ts must have the same keys. */
export const backup = {
  title: 'Backup & Sync',
  intro:
    'Your data lives on this device. Save it to a file you own, restore it, or merge changes with your other devices.',
  backupTitle: 'Backup',
  backupHelp:
    'A full copy of your customer book in one file. Keep it somewhere safe: a USB stick, your cloud drive, another computer.',
  password: 'Password (optional)',
  passwordHelp:
    'With a password the file is encrypted. Without the password nobody can restore it, not even you: write it down.',
  saveBackup: 'Save backup',
  backupSaved: 'Backup saved',
  savedTo: 'Saved as {{location}}',
  restoreTitle: 'Restore',
  restoreHelp:
    'Replace everything on this device with a backup file. You see what the file holds before anything changes.',
  chooseBackup: 'Restore from a backup file…',
  previewTitle: 'Restore this backup?',
  fileDate: 'Made on',
  fileDevice: 'Device',
  fileApp: 'Made with',
  encrypted: 'Encrypted',
  tableColumn: 'Data',
  inFile: 'In the file',
  onDevice: 'On this device now',
  replaceWarning:
    'Everything on this device will be replaced by this backup. A safety backup of your current data is saved first.',
  replace: 'Save safety backup and restore',
  safetyNeeded:
    'The restore was stopped because the safety backup was not saved. Nothing was changed.',
  restored: 'Backup restored',
  restoredBody: 'Records restored: {{count}}. The safety backup was saved as {{location}}.',
  syncTitle: 'Sync with another device',
  syncHelp:
    'Save a sync file here and merge it on the other device, and the other way round (USB stick, e-mail, a shared folder). Nothing is counted twice; when both devices changed the same field, the newer change wins and the other is kept in the history.',
  sinceLast: 'Changes since the last export',
  everything: 'Everything',
  saveSync: 'Save sync file',
  syncSaved: 'Sync file saved',
  syncSavedBody: 'Records in the file: {{count}}. Saved as {{location}}.',
  mergeSync: 'Merge a sync file…',
  merged: 'Sync file merged',
  mergeResult: 'What changed',
  added: 'Added',
  updated: 'Updated',
  deleted: 'Deleted',
  noChanges: 'Nothing new: this device already had everything in the file.',
  conflicts: 'Older values that lost to newer changes, kept in the history below: {{count}}.',
  drift:
    'The clock of device {{device}} is {{days}} days ahead. Its changes were merged, but please correct that device’s date and time.',
  massTitle: 'Delete many contacts?',
  massBody:
    'This file would delete {{removing}} of your {{live}} contacts. Merge it only if you expect that.',
  massConfirm: 'Merge and delete',
  lastMerges: 'Last merge from each device',
  neverMerged: 'No sync file merged yet. Merge one with the button above.',
  mergeLine: 'Device {{device}} · merged {{date}} · records changed: {{count}}',
  historyTitle: 'Values that lost a merge',
  historyEmpty: 'None: no two devices changed the same field at once.',
  historyLine: '{{table}} · {{field}}: “{{value}}”',
  passwordLabel: 'Password',
  passwordPrompt: 'This file is encrypted',
  passwordPromptHelp: 'Enter the password it was saved with.',
  open: 'Open',
  working: 'Working…',
  folderTitle: 'Sync folder',
  folderUnavailable:
    'A sync folder shared with Syncthing, Dropbox or Google Drive is not available yet. Use sync files meanwhile.',
  tables: {
    contacts: 'Contacts',
    notes: 'Notes',
    followUps: 'Follow-ups',
    templates: 'Message templates',
    settings: 'Settings',
    sales: 'Sales',
    ledger: 'Points ledger',
    feedback: 'Feedback',
  },
  errors: {
    title: 'This file was not used. Nothing was changed.',
    notJson: 'This is not a Kenal file: it is not JSON.',
    truncated: 'This file is incomplete: it was cut off, perhaps while it was still being copied.',
    notKenal: 'This file comes from another app, not from Kenal.',
    passwordRequired: 'This file is encrypted. Enter its password.',
    wrongPassword: 'Wrong password, or the encrypted file was damaged.',
    newerVersion:
      'This file was made by a newer version of Kenal (format {{file}}; this app reads up to {{supported}}). Update Kenal first.',
    wrongKindBackup:
      'This is a sync file, not a backup. Merge it under “Sync with another device”.',
    wrongKindSync: 'This is a backup, not a sync file. Use “Restore” to restore it.',
    malformed: 'This file is damaged: its structure is not what Kenal writes.',
    checksum:
      'This file was changed after Kenal saved it (its checksum does not match). It may be damaged or tampered with.',
    invalidRecords:
      '{{count}} records in this file are not valid. The first: {{table}} no. {{index}} ({{issue}}).',
    tooLarge: 'This file is too large to open ({{size}} MB).',
    failed: 'Something went wrong: {{message}}',
  },
  settingsTitle: 'Backups and sync',
  settingsHelp:
    'Save a backup of everything, restore one, or exchange sync files with your other devices.',
  settingsOpen: 'Open Backup & Sync',
};
