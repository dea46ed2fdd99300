/**
 * The templates a new book starts with, in both languages. They are shown (and usable) until the
 * user edits one: then the edited copy is stored like any other template, with this id.
 */
import type { TemplateFields } from '../schemas/template';

export interface DefaultTemplate extends TemplateFields {
  /** Fixed ids (valid ULIDs), the same on every device, so edits on two devices merge. */
  id: string;
}

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    id: '00000000000000000000000B01',
    name: 'Birthday',
    purpose: 'birthday',
    body: {
      en: 'Happy birthday, {name}! Wishing you a wonderful year. You have {points} points with us — drop by for a birthday treat.',
      id: 'Selamat ulang tahun, {name}! Semoga tahun ini penuh kebahagiaan. Poin Anda {points} — mampir ya untuk hadiah ulang tahun.',
    },
  },
  {
    id: '00000000000000000000000F01',
    name: 'Follow-up',
    purpose: 'followup',
    body: {
      en: 'Hello {name}, following up as promised ({due}). Is there anything I can help you with?',
      id: 'Halo {name}, sesuai janji saya menghubungi lagi ({due}). Ada yang bisa saya bantu?',
    },
  },
  {
    id: '00000000000000000000000P01',
    name: 'Points reminder',
    purpose: 'points',
    body: {
      en: 'Hi {name}, you have {points} points ({tier}). Some expire soon — use them on your next visit!',
      id: 'Hai {name}, poin Anda {points} ({tier}). Sebagian akan segera hangus — gunakan di kunjungan berikutnya!',
    },
  },
  {
    id: '00000000000000000000000G01',
    name: 'Hello',
    purpose: 'custom',
    body: {
      en: 'Hello {name}, ',
      id: 'Halo {name}, ',
    },
  },
];
