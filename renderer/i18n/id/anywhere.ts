import type { Translations } from '../en';

/** Aplikasi web luring (pemberitahuan versi baru) dan tata letak ponsel. */
export const anywhere: Translations['anywhere'] = {
  close: 'Tutup',
  update: {
    title: 'Versi baru Kenal tersedia',
    body: 'Selesaikan yang sedang Anda ketik, lalu muat ulang untuk memakainya. Tidak ada yang berubah sebelum itu.',
    reload: 'Muat ulang',
    later: 'Nanti',
    offlineReady: 'Kenal sekarang bisa dipakai tanpa jaringan di peramban ini.',
  },
  phone: {
    bottomBar: 'Navigasi cepat',
    sales: 'Penjualan',
    more: 'Lainnya',
    openMenu: 'Buka menu',
    menuTitle: 'Menu',
    syncFiles: 'Sinkron lewat berkas',
    syncFilesHelp:
      'Ponsel tidak punya folder sinkron: bagikan atau unduh berkas sinkron, dan buka berkas yang dikirim perangkat lain.',
  },
};
