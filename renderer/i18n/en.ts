/**
 * English. Bahasa Indonesia (id.ts) must have exactly the same keys: a test checks it. Each
 * area of the app keeps its texts in en/<area>.ts and id/<area>.ts.
 */
import { anywhere } from './en/anywhere';
import { backup } from './en/backup';
import { privacy } from './en/privacy';
import { contacts } from './en/contacts';
import { reports } from './en/reports';
import { sales } from './en/sales';
import { shop } from './en/shop';
import { customFields } from './en/customFields';
import { timeline } from './en/timeline';
import { today } from './en/today';
import { shortcuts } from './en/shortcuts';
import { duplicates } from './en/duplicates';
import { back } from './en/back';
import { messaging } from './en/messaging';
import { checkout } from './en/checkout';

export const en = {
  contacts,
  today,
  sales,
  timeline,
  reports,
  backup,
  privacy,
  shortcuts,
  duplicates,
  back,
  messaging,
  anywhere,
  shop,
  customFields,
  checkout,
  nav: {
    today: 'Today',
    contacts: 'Contacts',
    followups: 'Follow-ups',
    sales: 'Sales & Loyalty',
    reports: 'Reports',
    backup: 'Backup & Sync',
    settings: 'Settings',
  },
  shell: {
    search: 'Search contacts',
    navigation: 'Main navigation',
  },
  common: {
    undo: 'Undo',
    delete: 'Delete',
    cancel: 'Cancel',
    save: 'Save',
  },
  errors: {
    nameRequired: 'Enter a name.',
    nameTooLong: 'A name can be at most 200 characters.',
    tooManyPhones: 'A contact can have at most 20 phone numbers.',
    emailInvalid: 'This is not a valid e-mail address.',
    tagTooLong: 'A tag can be at most 50 characters.',
    tooManyTags: 'A contact can have at most 50 tags.',
    dateInvalid: 'This is not a valid date. Use day/month/year, e.g. 17/08/1990.',
    birthdayFuture: 'A birthday cannot be in the future.',
    textTooLong: 'This text is too long.',
    phoneInvalid: 'This is not a valid phone number. Example: 0812-3456-7890 or +62 812 3456 7890.',
    phoneNeedsCountry:
      'Which country is this number from? Type it with + and the country code, e.g. +1 650 555 1212.',
    phoneDuplicate: 'This number is already on this contact.',
    quotaTitle: 'The disk is full',
    quotaBody:
      'Kenal could not save because there is no space left. Nothing was changed. Free some disk space (or export a backup and remove old files), then try again.',
    unexpectedTitle: 'Something went wrong',
    unexpectedBody:
      'Nothing was half-saved: the last action either finished or changed nothing. Details: {{detail}}',
    screenTitle: 'This screen could not be shown',
    screenBody: 'Your data is safe. Reload to try again; other screens keep working.',
    reload: 'Reload',
  },
  settings: {
    phoneCountry: 'Phone numbers',
    phoneCountryLabel: 'Default country',
    phoneCountryHelp:
      'A number typed or imported without + is from this country when it can be. Others are kept as typed and marked, never guessed.',
    phoneCountrySaved: 'Default phone country saved',
    title: 'Settings',
    language: 'Language',
    languageHelp: 'Kenal remembers your choice on this device.',
    moneyExample: 'Money',
    dateExample: 'Dates',
    about: 'About',
    version: 'Version',
    runningIn: 'Running in',
    deviceId: 'Device ID',
    host: {
      electron: 'Desktop app',
      web: 'Web browser',
    },
    figures: {
      title: 'Customer figures',
      description:
        'Balances, expiring points, last visits and birthdays are kept ready for every customer. If a number looks wrong, rebuild them from the sales and points history.',
      repair: 'Rebuild figures',
      rebuilding: 'Preparing customer figures…',
      progress: '{{done}} of {{total}} customers',
      cancel: 'Cancel',
      done: 'Figures rebuilt.',
      cancelled: 'Stopped. The figures are rebuilt the next time the app opens.',
    },
    storage: {
      title: 'Storage on this device',
      usage: '{{used}} used of {{available}} available',
      unknown: 'This browser does not report how much space is used.',
      persisted: 'Protected from clean-up',
      notPersisted: 'May be cleaned up',
      notPersistedHelp:
        'This browser may delete site data when the disk is nearly full. Export a backup regularly, or use the desktop app.',
    },
    demo: {
      title: 'Demo data',
      description:
        'Try every screen with 300 sample customers and three years of purchases, notes and survey answers.',
      onlyWhenEmpty:
        'Demo data can only be loaded into an empty book, so it never mixes with your customers.',
      load: 'Load demo data',
      confirmTitle: 'Load demo data?',
      confirmBody:
        'Kenal adds 300 sample customers with their purchases, notes, follow-ups and survey answers. Use it to explore; start a fresh book for your real customers.',
      loaded: 'Loaded {{contacts}} customers and {{sales}} sales',
      failed: 'Demo data could not be loaded; nothing was changed',
    },
  },
  startup: {
    title: 'Kenal could not start',
    cannotOpen: 'Your data could not be opened',
    help: 'Nothing was changed or lost. Close other Kenal windows and try again; if this keeps happening, restart the computer. The details below help support find the cause.',
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
/** The shape every language must fill. */
export type Translations = DeepStrings<typeof en>;
