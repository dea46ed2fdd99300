/**
 * The templates a new book starts with, in both languages. They are shown (and usable) until the
 * user edits one: then the edited copy is stored like any other template, with this id.
 *
 * Each optional fact sits on its own line: a line whose placeholder has no value is left out
 * (shared/timeline/templates.ts), so a customer with no points never reads "Poin Anda 0".
 */
import type { TemplateFields } from '../schemas/template';

export interface DefaultTemplate extends TemplateFields {
  /** Fixed ids (valid ULIDs), the same on every device, so edits on two devices merge. */
  id: string;
}

const lines = (...l: string[]) => l.join('\n');

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    id: '00000000000000000000000T01',
    name: 'Thank you',
    purpose: 'thanks',
    body: {
      en: lines(
        'Hi {callName},',
        'thank you for shopping with us today!',
        'Total: {amount}',
        'Points earned: +{pointsEarned}',
        'Your points balance: {points}',
        '',
        '{signOff}',
      ),
      id: lines(
        'Halo {callName},',
        'terima kasih sudah berbelanja hari ini!',
        'Total belanja: {amount}',
        'Poin didapat: +{pointsEarned}',
        'Saldo poin Anda: {points}',
        '',
        '{signOff}',
      ),
    },
  },
  {
    id: '00000000000000000000000B01',
    name: 'Birthday',
    purpose: 'birthday',
    body: {
      en: lines(
        'Happy birthday, {callName}!',
        'Wishing you a healthy and happy year ahead.',
        'Drop by for a little birthday treat from us.',
        'You have {points} points to use.',
        '',
        '{signOff}',
      ),
      id: lines(
        'Selamat ulang tahun, {callName}!',
        'Semoga sehat dan bahagia selalu.',
        'Mampir ya, ada hadiah kecil ulang tahun untuk Anda.',
        'Poin Anda saat ini: {points}.',
        '',
        '{signOff}',
      ),
    },
  },
  {
    id: '00000000000000000000000P01',
    name: 'Points reminder',
    purpose: 'points',
    body: {
      en: lines(
        'Hi {callName},',
        '{expiringPoints} of your points expire on {expiryDate}.',
        'Your balance: {points} points ({tier}).',
        'Use them on your next visit!',
        '',
        '{signOff}',
      ),
      id: lines(
        'Halo {callName},',
        '{expiringPoints} poin Anda akan hangus pada {expiryDate}.',
        'Saldo Anda: {points} poin ({tier}).',
        'Yuk pakai di kunjungan berikutnya!',
        '',
        '{signOff}',
      ),
    },
  },
  {
    id: '00000000000000000000000M01',
    name: 'We miss you',
    purpose: 'winback',
    body: {
      en: lines(
        'Hi {callName}, it has been a while!',
        'Your last visit was on {lastPurchase}.',
        'We miss you: drop by, there is something new for you.',
        'Your {points} points are still waiting.',
        'Find us at {shopAddress}.',
        '',
        '{signOff}',
      ),
      id: lines(
        'Halo {callName}, sudah lama tidak mampir!',
        'Kunjungan terakhir Anda: {lastPurchase}.',
        'Kami kangen, mampir ya, ada yang baru untuk Anda.',
        'Poin Anda {points} masih menunggu.',
        'Alamat kami: {shopAddress}.',
        '',
        '{signOff}',
      ),
    },
  },
  {
    id: '00000000000000000000000C01',
    name: 'Complaint resolved',
    purpose: 'resolved',
    body: {
      en: lines(
        'Hi {callName},',
        'thank you for your patience: the problem you told us about is now resolved.',
        'If anything is still not right, just reply to this message.',
        '',
        '{signOff}',
      ),
      id: lines(
        'Halo {callName},',
        'terima kasih atas kesabarannya: masalah yang Anda sampaikan sudah kami selesaikan.',
        'Kalau masih ada yang kurang, balas pesan ini saja ya.',
        '',
        '{signOff}',
      ),
    },
  },
  {
    id: '00000000000000000000000F01',
    name: 'Follow-up',
    purpose: 'followup',
    body: {
      en: lines(
        'Hello {callName},',
        'following up as promised.',
        'Is there anything I can help you with?',
        '',
        '{signOff}',
      ),
      id: lines(
        'Halo {callName},',
        'sesuai janji, saya menghubungi lagi.',
        'Ada yang bisa saya bantu?',
        '',
        '{signOff}',
      ),
    },
  },
  {
    id: '00000000000000000000000G01',
    name: 'Hello',
    purpose: 'custom',
    body: {
      en: 'Hello {callName}, ',
      id: 'Halo {callName}, ',
    },
  },
];
