import type { Translations } from './en';

/** Bahasa Indonesia. */
export const id: Translations = {
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
  comingSoon: {
    goToContacts: 'Buka kontak',
    followups: {
      title: 'Tindak lanjut segera hadir',
      description:
        'Sebentar lagi setiap janji kepada pelanggan punya tanggal dan pengingat, jadi tidak ada yang terlupa. Untuk sekarang, simpan catatan di kontak.',
    },
    sales: {
      title: 'Penjualan dan poin loyalitas segera hadir',
      description:
        'Sebentar lagi Anda bisa mencatat pembelian, memberi dan menukar poin, serta melihat level setiap pelanggan. Kontak Anda sudah siap.',
    },
    reports: {
      title: 'Laporan segera hadir',
      description:
        'Retensi, churn, nilai pelanggan, dan siapa yang mulai menjauh, dihitung di perangkat ini. Laporan butuh data penjualan dulu.',
    },
    backup: {
      title: 'Cadangan dan sinkronisasi segera hadir',
      description:
        'Sebentar lagi Anda bisa menyimpan seluruh buku ke file milik Anda dan menggabungkan perubahan dari perangkat lain. Data Anda sudah tersimpan di perangkat ini.',
    },
  },
  today: {
    title: 'Hari Ini',
    emptyTitle: 'Selamat datang di Kenal',
    emptyDescription:
      'Mulai dari pelanggan Anda: tambahkan yang pertama, dan Kenal akan mengingat siapa mereka, apa yang mereka beli, dan apa yang Anda janjikan.',
    contactsInBook: 'Kontak di buku Anda',
    openContacts: 'Buka kontak',
    soonTitle: 'Hari Anda sekilas',
    soonDescription:
      'Tindak lanjut yang jatuh tempo, ulang tahun minggu ini, pelanggan yang lama tidak belanja, dan keluhan terbuka akan tampil di sini.',
  },
  contacts: {
    title: 'Kontak',
    new: 'Kontak baru',
    edit: 'Ubah kontak',
    form: 'Detail kontak',
    created: '{{name}} ditambahkan',
    updated: '{{name}} disimpan',
    deleted: '{{name}} dihapus',
    restored: '{{name}} dikembalikan',
    notFound: 'Kontak ini tidak ada atau sudah dihapus.',
    emptyTitle: 'Belum ada kontak',
    emptyDescription:
      'Tambahkan pelanggan pertama Anda: nama dan nomor HP sudah cukup. Tekan N di layar ini untuk menambah dengan cepat.',
    noMatchTitle: 'Tidak ada kontak yang cocok dengan “{{query}}”',
    noMatchDescription: 'Cari berdasarkan nama, nomor HP dalam format apa pun, e-mail, atau tag.',
    clearSearch: 'Hapus pencarian',
    countFiltered: '{{shown}} dari {{total}}',
    searchLabel: 'Cari kontak',
    searchPlaceholder: 'Nama, nomor HP, e-mail, atau tag',
    hint: 'Tekan Enter pada baris untuk mengubahnya.',
    addPhone: 'Tambah nomor lain',
    removePhone: 'Hapus nomor ini',
    tagsPlaceholder: 'Ketik tag lalu tekan Enter',
    birthdayPlaceholder: 'mis. 17/08/1990',
    fields: {
      name: 'Nama',
      phone: 'Nomor HP',
      phoneLabel: 'Jenis nomor',
      email: 'E-mail',
      tags: 'Tag',
      birthday: 'Ulang tahun',
      note: 'Catatan',
    },
    phoneLabels: {
      mobile: 'Ponsel',
      whatsapp: 'WhatsApp',
      home: 'Rumah',
      work: 'Kantor',
      other: 'Lainnya',
    },
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
    phoneDuplicate: 'Nomor ini sudah ada di kontak ini.',
  },
  settings: {
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
  },
  startup: {
    title: 'Kenal tidak dapat dimulai',
    cannotOpen: 'Data Anda tidak dapat dibuka',
    help: 'Tidak ada yang diubah atau hilang. Tutup jendela Kenal lain lalu coba lagi; jika terus terjadi, mulai ulang komputer. Detail di bawah membantu tim dukungan menemukan penyebabnya.',
  },
};
