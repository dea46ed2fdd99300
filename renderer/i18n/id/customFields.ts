import type { Translations } from '../en';

/** Kolom kontak milik toko sendiri (Pengaturan, formulir dan halaman kontak, impor, filter). */
export const customFields: Translations['customFields'] = {
  title: 'Kolom kontak Anda sendiri',
  description:
    'Kolom yang dibutuhkan toko Anda tetapi tidak ada di Kenal: level member, ukuran sepatu, tanggal jadian… Tampil dan bisa diubah di setiap kontak, bisa dipakai di filter, ikut diekspor, dan disimpan dari file yang diimpor.',
  none: 'Belum ada kolom Anda sendiri.',
  add: 'Tambah kolom',
  edit: 'Ubah',
  remove: 'Hapus',
  removed: 'Kolom “{{name}}” dihapus. Nilai yang sudah diisi tetap tersimpan.',
  saved: 'Kolom disimpan',
  name: 'Nama kolom',
  type: 'Jenis',
  options: 'Pilihan',
  optionsHelp: 'Satu pilihan per baris.',
  types: {
    text: 'Teks',
    number: 'Angka',
    date: 'Tanggal',
    choice: 'Pilihan',
  },
  section: 'Kolom lain',
  filter: 'Kolom sendiri',
  filterValue: 'Berisi',
  filterAny: 'Ada isinya',
  keep: 'Simpan sebagai kolom baru',
  keepAs: 'Simpan sebagai kolom “{{name}}”',
  fromFile: 'Kolom yang disimpan dari file ini',
  fromFileHelp:
    'Kolom-kolom ini tidak punya tempat di antara kolom Kenal. Jika disimpan, masing-masing menjadi kolom Anda sendiri (teks), tampil dan bisa diubah di setiap kontak.',
  fromFileNew: 'baru',
  errors: {
    invalid: 'Kolom ini tidak dapat disimpan; periksa nama dan pilihannya.',
    nameRequired: 'Beri nama kolom ini.',
    nameTooLong: 'Namanya terlalu panjang (paling banyak 60 karakter).',
    nameTaken: 'Sudah ada kolom dengan nama itu.',
    optionsRequired: 'Kolom pilihan butuh paling sedikit satu pilihan.',
    tooManyOptions: 'Paling banyak 50 pilihan.',
    tooMany: 'Paling banyak 100 kolom sendiri.',
    gone: 'Kolom itu sudah dihapus di perangkat lain.',
    number: 'Bukan angka (misalnya 12 atau 12,5).',
    date: 'Bukan tanggal.',
    choice: 'Bukan salah satu pilihan kolom ini.',
  },
};
