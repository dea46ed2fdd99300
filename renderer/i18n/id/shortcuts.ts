import type { Translations } from '../en';

export const shortcuts: Translations['shortcuts'] = {
  title: 'Pintasan keyboard',
  open: 'Pintasan keyboard (?)',
  intro: 'Berlaku di setiap layar, kecuali saat Anda mengetik di kolom atau ada jendela terbuka.',
  search: 'Cari kontak (juga saat mengetik)',
  newContact: 'Kontak baru',
  sale: 'Catat penjualan (di halaman kontak: untuk kontak itu)',
  followUp: 'Tindak lanjut baru (di halaman kontak: untuk kontak itu)',
  help: 'Tampilkan daftar ini',
  close: 'Tutup jendela atau laci',
};
