import type { Translations } from '../en';

export const today: Translations['today'] = {
  title: 'Hari Ini',
  emptyTitle: 'Selamat datang di Kenal',
  emptyDescription:
    'Mulai dari pelanggan Anda: tambahkan yang pertama, dan Kenal akan mengingat siapa mereka, apa yang mereka beli, dan apa yang Anda janjikan.',
  contactsInBook: 'Kontak di buku Anda',
  openContacts: 'Buka kontak',
  soonTitle: 'Hari Anda sekilas',
  soonDescription:
    'Tindak lanjut yang jatuh tempo, ulang tahun minggu ini, pelanggan yang lama tidak belanja, dan keluhan terbuka akan tampil di sini.',
};
