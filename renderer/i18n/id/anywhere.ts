import type { Translations } from '../en';

/** Aplikasi web luring (pemberitahuan versi baru) dan tata letak ponsel. */
export const anywhere: Translations['anywhere'] = {
  close: 'Tutup',
  update: {
    title: 'Versi baru Kenal tersedia',
    body: 'Selesaikan yang sedang Anda ketik, lalu muat ulang untuk memakainya. Tidak ada yang berubah sebelum itu.',
    reload: 'Muat ulang',
    later: 'Nanti',
    elsewhereTitle: 'Kenal sudah diperbarui di jendela lain',
    elsewhereBody:
      'Selesaikan yang sedang Anda ketik di sini, lalu muat ulang jendela ini juga. Sebelum itu, mungkin tidak semua layar bisa dibuka.',
    offlineReady: 'Kenal sekarang bisa dipakai tanpa jaringan di peramban ini.',
  },
  phone: {
    bottomBar: 'Navigasi cepat',
    sales: 'Penjualan',
    more: 'Lainnya',
    openMenu: 'Buka menu',
    menuTitle: 'Menu',
    syncFiles: 'Sinkron lewat file',
    syncFilesHelp:
      'Ponsel tidak punya folder sinkron: bagikan atau unduh file sinkron, dan buka file yang dikirim perangkat lain.',
  },
};
