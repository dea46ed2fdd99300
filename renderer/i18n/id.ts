import type { Translations } from './en';
import { anywhere } from './id/anywhere';
import { backup } from './id/backup';
import { privacy } from './id/privacy';
import { contacts } from './id/contacts';
import { reports } from './id/reports';
import { sales } from './id/sales';
import { shop } from './id/shop';
import { customFields } from './id/customFields';
import { timeline } from './id/timeline';
import { today } from './id/today';
import { shortcuts } from './id/shortcuts';
import { duplicates } from './id/duplicates';
import { back } from './id/back';
import { messaging } from './id/messaging';
import { checkout } from './id/checkout';

/** Bahasa Indonesia. */
export const id: Translations = {
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
    today: 'Hari Ini',
    contacts: 'Kontak',
    followups: 'Tindak Lanjut',
    sales: 'Penjualan & Poin',
    reports: 'Laporan',
    backup: 'Cadangan & Sinkron',
    settings: 'Pengaturan',
  },
  shell: {
    search: 'Cari kontak',
    navigation: 'Navigasi utama',
  },
  common: {
    undo: 'Batalkan',
    delete: 'Hapus',
    cancel: 'Batal',
    save: 'Simpan',
  },
  errors: {
    nameRequired: 'Isi nama.',
    nameTooLong: 'Nama paling banyak 200 karakter.',
    tooManyPhones: 'Satu kontak paling banyak punya 20 nomor.',
    emailInvalid: 'Alamat e-mail ini tidak valid.',
    tagTooLong: 'Tag paling banyak 50 karakter.',
    tooManyTags: 'Satu kontak paling banyak punya 50 tag.',
    dateInvalid: 'Tanggal ini tidak valid. Gunakan hari/bulan/tahun, mis. 17/08/1990.',
    birthdayFuture: 'Ulang tahun tidak boleh di masa depan.',
    textTooLong: 'Teks ini terlalu panjang.',
    phoneInvalid: 'Nomor HP ini tidak valid. Contoh: 0812-3456-7890 atau +62 812 3456 7890.',
    phoneNeedsCountry:
      'Nomor ini dari negara mana? Tulis dengan + dan kode negara, mis. +1 650 555 1212.',
    phoneDuplicate: 'Nomor ini sudah ada di kontak ini.',
    quotaTitle: 'Disk penuh',
    quotaBody:
      'Kenal tidak dapat menyimpan karena ruang penyimpanan habis. Tidak ada yang diubah. Kosongkan ruang disk (atau ekspor cadangan lalu hapus file lama), lalu coba lagi.',
    unexpectedTitle: 'Terjadi kesalahan',
    unexpectedBody:
      'Tidak ada yang tersimpan setengah: tindakan terakhir selesai atau tidak mengubah apa pun. Detail: {{detail}}',
    screenTitle: 'Layar ini tidak dapat ditampilkan',
    screenBody: 'Data Anda aman. Muat ulang untuk mencoba lagi; layar lain tetap berfungsi.',
    reload: 'Muat ulang',
  },
  settings: {
    phoneCountry: 'Nomor HP',
    phoneCountryLabel: 'Negara bawaan',
    phoneCountryHelp:
      'Nomor yang diketik atau diimpor tanpa + dianggap dari negara ini bila masuk akal. Lainnya disimpan apa adanya dan ditandai, tidak ditebak.',
    phoneCountrySaved: 'Negara bawaan nomor HP disimpan',
    title: 'Pengaturan',
    language: 'Bahasa',
    languageHelp: 'Kenal mengingat pilihan Anda di perangkat ini.',
    moneyExample: 'Uang',
    dateExample: 'Tanggal',
    about: 'Tentang',
    version: 'Versi',
    runningIn: 'Berjalan di',
    deviceId: 'ID perangkat',
    host: {
      electron: 'Aplikasi desktop',
      web: 'Peramban web',
    },
    figures: {
      title: 'Angka pelanggan',
      description:
        'Saldo poin, poin yang akan hangus, kunjungan terakhir, dan ulang tahun disiapkan untuk setiap pelanggan. Jika ada angka yang tampak salah, susun ulang dari riwayat penjualan dan poin.',
      repair: 'Susun ulang angka',
      rebuilding: 'Menyiapkan angka pelanggan…',
      progress: '{{done}} dari {{total}} pelanggan',
      cancel: 'Batal',
      done: 'Angka sudah disusun ulang.',
      cancelled: 'Dihentikan. Angka akan disusun ulang saat aplikasi dibuka lagi.',
    },
    storage: {
      title: 'Penyimpanan di perangkat ini',
      usage: '{{used}} terpakai dari {{available}} yang tersedia',
      unknown: 'Peramban ini tidak melaporkan berapa ruang yang terpakai.',
      persisted: 'Terlindungi dari pembersihan',
      notPersisted: 'Bisa dibersihkan',
      notPersistedHelp:
        'Peramban ini bisa menghapus data situs saat disk hampir penuh. Ekspor cadangan secara rutin, atau gunakan aplikasi desktop.',
    },
    demo: {
      title: 'Data contoh',
      description:
        'Coba semua layar dengan 300 pelanggan contoh beserta pembelian, catatan, dan jawaban survei selama tiga tahun.',
      onlyWhenEmpty:
        'Data contoh hanya bisa dimuat ke buku yang masih kosong, agar tidak tercampur dengan pelanggan Anda.',
      load: 'Muat data contoh',
      confirmTitle: 'Muat data contoh?',
      confirmBody:
        'Kenal menambahkan 300 pelanggan contoh beserta pembelian, catatan, tindak lanjut, dan jawaban survei. Gunakan untuk mencoba; mulai buku baru untuk pelanggan Anda yang sebenarnya.',
      loaded: '{{contacts}} pelanggan dan {{sales}} penjualan dimuat',
      failed: 'Data contoh tidak dapat dimuat; tidak ada yang diubah',
    },
  },
  startup: {
    title: 'Kenal tidak dapat dimulai',
    cannotOpen: 'Data Anda tidak dapat dibuka',
    help: 'Tidak ada yang diubah atau hilang. Tutup jendela Kenal lain lalu coba lagi; jika terus terjadi, mulai ulang komputer. Detail di bawah membantu tim dukungan menemukan penyebabnya.',
  },
};
