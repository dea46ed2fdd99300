import type { Translations } from '../en';

export const today: Translations['today'] = {
  title: 'Hari Ini',
  emptyTitle: 'Selamat datang di Kenal',
  emptyDescription:
    'Mulai dari pelanggan Anda: tambahkan yang pertama, dan Kenal akan mengingat siapa mereka, apa yang mereka beli, dan apa yang Anda janjikan.',
  contactsInBook: 'Kontak di buku Anda',
  openContacts: 'Buka kontak',
  allClearTitle: 'Semua beres hari ini',
  allClearDescription:
    'Tidak ada tindak lanjut jatuh tempo, tidak ada ulang tahun minggu ini, tidak ada yang lama menghilang, dan tidak ada keluhan terbuka. Saat yang baik untuk menyapa pelanggan setia.',
  overdue: 'Terlambat',
  dueToday: 'Jatuh tempo hari ini',
  birthdays: 'Ulang tahun 7 hari ke depan',
  quiet: 'Lama tidak belanja',
  quietHelp: 'Tidak belanja jauh lebih lama dari kebiasaannya (atau 60 hari jika belum ada pola).',
  complaints: 'Keluhan terbuka',
  expiring: 'Poin segera hangus',
  birthdayToday: 'Hari ini',
  birthdayInOne: 'Besok',
  birthdayInMany: '{{count}} hari lagi',
  turns: 'berusia {{age}}',
  lastBought: 'Terakhir belanja {{days}} hari lalu',
  usually: 'biasanya setiap {{days}} hari',
  noPattern: 'belum ada pola rutin',
  greet: 'Kirim ucapan',
  message: 'Kirim pesan',
  expiringRow: '{{points}} poin hangus {{date}}',
  seeAllFollowUps: 'Semua tindak lanjut',
  moreCount: '+{{count}} lainnya',
  since: 'sejak {{date}}',
  summary: '{{overdue}} terlambat · {{today}} hari ini',
};
