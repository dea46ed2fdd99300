/** Texts of the privacy area (UU PDP). Bahasa Indonesia in ../id/privacy.ts has the same keys. */
export const privacy = {
  erase: {
    button: 'Erase this customer',
    help: 'Remove this customer’s personal data (UU PDP right to erasure)',
    title: 'Erase {{name}}?',
    intro: 'Kenal removes this customer’s personal data. This cannot be undone.',
    whatName:
      'Name, phone numbers, e-mail, address, birthday, tags and notes are removed. The name becomes “Erased customer”.',
    whatDuplicates: 'The same happens to the duplicates merged into this customer ({{count}}).',
    whatTimeline:
      'The text of their notes, WhatsApp messages, complaints and survey comments is removed; open follow-ups are cancelled.',
    whatSales: 'Sales and points stay as anonymous numbers, so your reports still add up.',
    whatSync:
      'Your other devices erase this customer too when they next sync with this one. An older sync file cannot bring the data back.',
    whatBackups:
      'Backups and files you saved before now are your own files: Kenal cannot change them. Delete them, or keep them only as your data policy allows.',
    typeToConfirm: 'Type {{word}} to confirm',
    word: 'ERASE',
    confirm: 'Erase personal data',
    done: 'The customer’s personal data was erased',
    failed: 'The customer could not be erased; nothing was changed. {{detail}}',
    erasedBadge: 'Erased',
    erasedName: 'Erased customer',
    alreadyErased: 'This customer’s personal data was erased.',
    blocked:
      'This customer’s personal data was erased: nothing new can be added to them. If they come back, add them as a new contact.',
  },
};
