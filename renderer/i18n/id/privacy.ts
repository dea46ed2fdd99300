import type { Translations } from '../en';

/** Teks area privasi (UU PDP). */
export const privacy: Translations['privacy'] = {
  erase: {
    button: 'Hapus data pelanggan ini',
    help: 'Hapus data pribadi pelanggan ini (hak penghapusan menurut UU PDP)',
    title: 'Hapus data {{name}}?',
    intro: 'Kenal menghapus data pribadi pelanggan ini. Tindakan ini tidak bisa dibatalkan.',
    whatName:
      'Nama, nomor HP, e-mail, alamat, tanggal lahir, tag, dan catatan dihapus. Namanya menjadi “Pelanggan terhapus”.',
    whatDuplicates:
      'Hal yang sama berlaku untuk duplikat yang digabung ke pelanggan ini ({{count}}).',
    whatTimeline:
      'Isi catatan, pesan WhatsApp, keluhan, dan komentar survei dihapus; tindak lanjut yang masih terbuka dibatalkan.',
    whatSales: 'Penjualan dan poin tetap ada sebagai angka anonim, jadi laporan Anda tetap cocok.',
    whatSync:
      'Perangkat Anda yang lain juga menghapus pelanggan ini saat sinkron berikutnya dengan perangkat ini. File sinkron lama tidak bisa mengembalikan datanya.',
    whatBackups:
      'Cadangan dan file yang Anda simpan sebelum ini adalah file Anda sendiri: Kenal tidak bisa mengubahnya. Hapus, atau simpan hanya sesuai kebijakan data Anda.',
    typeToConfirm: 'Ketik {{word}} untuk mengonfirmasi',
    word: 'HAPUS',
    confirm: 'Hapus data pribadi',
    done: 'Data pribadi pelanggan sudah dihapus',
    failed: 'Pelanggan tidak bisa dihapus; tidak ada yang berubah. {{detail}}',
    erasedBadge: 'Terhapus',
    erasedName: 'Pelanggan terhapus',
    alreadyErased: 'Data pribadi pelanggan ini sudah dihapus.',
    blocked:
      'Data pribadi pelanggan ini sudah dihapus: tidak ada yang bisa ditambahkan lagi. Jika mereka kembali, tambahkan sebagai kontak baru.',
  },
};
