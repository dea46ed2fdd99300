import type { Translations } from '../en';

export const backup: Translations['backup'] = {
  title: 'Cadangan & Sinkron',
  intro:
    'Data Anda tersimpan di perangkat ini. Simpan ke file milik Anda, pulihkan, atau gabungkan perubahan dengan perangkat lain.',
  backupTitle: 'Cadangan',
  backupHelp:
    'Salinan lengkap buku pelanggan Anda dalam satu file. Simpan di tempat aman: flashdisk, penyimpanan cloud, atau komputer lain.',
  password: 'Kata sandi (opsional)',
  passwordHelp:
    'Dengan kata sandi, file dienkripsi. Tanpa kata sandi itu tidak ada yang bisa memulihkannya, termasuk Anda: catatlah.',
  saveBackup: 'Simpan cadangan',
  backupSaved: 'Cadangan tersimpan',
  savedTo: 'Disimpan sebagai {{location}}',
  restoreTitle: 'Pulihkan',
  restoreHelp:
    'Ganti semua data di perangkat ini dengan file cadangan. Anda melihat isi file sebelum ada yang berubah.',
  chooseBackup: 'Pulihkan dari file cadangan…',
  previewTitle: 'Pulihkan cadangan ini?',
  fileDate: 'Dibuat pada',
  fileDevice: 'Perangkat',
  fileApp: 'Dibuat dengan',
  encrypted: 'Terenkripsi',
  tableColumn: 'Data',
  inFile: 'Di file',
  onDevice: 'Di perangkat ini sekarang',
  replaceWarning:
    'Semua data di perangkat ini akan diganti dengan cadangan ini. Cadangan pengaman dari data Anda sekarang disimpan lebih dulu.',
  replace: 'Simpan cadangan pengaman lalu pulihkan',
  safetyNeeded:
    'Pemulihan dihentikan karena cadangan pengaman tidak tersimpan. Tidak ada yang diubah.',
  restored: 'Cadangan dipulihkan',
  restoredBody: '{{count}} data dipulihkan. Cadangan pengaman disimpan sebagai {{location}}.',
  syncTitle: 'Sinkron dengan perangkat lain',
  syncHelp:
    'Simpan file sinkron di sini lalu gabungkan di perangkat lain, dan sebaliknya (flashdisk, e-mail, folder bersama). Tidak ada yang terhitung dua kali; bila dua perangkat mengubah isian yang sama, perubahan terbaru menang dan yang lain disimpan di riwayat.',
  sinceLast: 'Perubahan sejak ekspor terakhir',
  everything: 'Semuanya',
  saveSync: 'Simpan file sinkron',
  syncSaved: 'File sinkron tersimpan',
  syncSavedBody: '{{count}} data di file, disimpan sebagai {{location}}.',
  mergeSync: 'Gabungkan file sinkron…',
  shareSync: 'Bagikan file sinkron',
  syncShared: 'File sinkron dibagikan',
  syncSharedBody: '{{count}} data di file. Buka file itu di Kenal pada perangkat lain.',
  openSync: 'Buka file sinkron kiriman…',
  merged: 'File sinkron digabungkan',
  merging: 'Menggabungkan file sinkron… Diterapkan seluruhnya atau tidak sama sekali.',
  restoring: 'Memulihkan cadangan… Diterapkan seluruhnya atau tidak sama sekali.',
  mergeResult: 'Yang berubah',
  added: 'Ditambah',
  updated: 'Diubah',
  deleted: 'Dihapus',
  noChanges: 'Tidak ada yang baru: perangkat ini sudah memiliki semua isi file.',
  conflicts:
    '{{count}} nilai lama kalah dari perubahan yang lebih baru dan disimpan di riwayat di bawah.',
  drift:
    'Jam perangkat {{device}} maju {{days}} hari. Mohon betulkan tanggal dan jam perangkat itu.',
  massTitle: 'Hapus banyak data?',
  massBody:
    'File ini akan menghapus, menghapus permanen (UU PDP) atau menggabungkan {{removing}} dari {{live}} data Anda. Gabungkan hanya bila memang itu yang Anda harapkan.',
  refusedTitle: 'Baris yang ditolak dari {{file}}: {{count}}',
  refusedBody: 'Baris itu tidak mengubah apa pun di perangkat ini. Sisa file sudah digabungkan.',
  refusedReason: {
    eventChanged:
      'Penjualan, poin atau ulasan yang sudah ada di sini tetapi diubah oleh file: {{count}}. Kejadian yang sudah tercatat tidak pernah diubah; koreksi dibuat sebagai catatan baru (refund, penyesuaian).',
    eventTombstone:
      'Penjualan, poin atau ulasan yang dihapus oleh file: {{count}}. Kejadian tidak pernah dihapus; refund atau penyesuaian yang mengoreksinya.',
    futureStamp:
      'Perubahan bertanggal lebih dari sehari di masa depan: {{count}}. Betulkan tanggal dan jam perangkat yang menulis file itu, lalu sinkronkan lagi.',
  },
  massConfirm: 'Gabungkan dan hapus',
  lastMerges: 'Penggabungan terakhir dari tiap perangkat',
  neverMerged: 'Belum ada file sinkron yang digabungkan. Gabungkan dengan tombol di atas.',
  mergeLine: 'Perangkat {{device}} · digabungkan {{date}} · data berubah: {{count}}',
  historyTitle: 'Nilai yang kalah saat penggabungan',
  historyEmpty: 'Tidak ada: belum pernah dua perangkat mengubah isian yang sama bersamaan.',
  historyLine: '{{table}} · {{field}}: “{{value}}”',
  passwordLabel: 'Kata sandi',
  passwordPrompt: 'File ini terenkripsi',
  passwordPromptHelp: 'Masukkan kata sandi yang dipakai saat menyimpannya.',
  open: 'Buka',
  working: 'Sedang diproses…',
  folderTitle: 'Folder sinkron',
  folder: {
    help: 'Pilih folder yang disalin Syncthing, Dropbox, Google Drive atau folder jaringan ke perangkat Anda yang lain. Setiap perangkat menulis perubahannya sendiri ke sana dan menggabungkan milik perangkat lain saat dibuka, setiap 5 menit, dan saat Anda klik “Sinkronkan sekarang”. File perangkat lain tidak pernah diubah atau dihapus.',
    none: 'Belum ada folder sinkron',
    choose: 'Pilih folder sinkron…',
    change: 'Ganti folder…',
    syncNow: 'Sinkronkan sekarang',
    stop: 'Berhenti memakai folder ini',
    allow: 'Izinkan akses',
    lastSync: 'terakhir disinkronkan {{date}}',
    mergedFiles: 'File dari folder sinkron yang digabungkan: {{count}}',
    devices: 'Perangkat lain di folder ini',
    noDevices:
      'Belum ada file dari perangkat lain. Pilih folder yang sama di perangkat Anda yang lain.',
    lastFile: 'File terakhir yang digabungkan',
    mergedAt: 'Digabungkan',
    lastSeen: 'Terakhir terlihat di folder',
    unnamed: 'Perangkat tanpa nama',
    thisDevice: 'Nama perangkat ini',
    thisDeviceHelp:
      'Ditampilkan di perangkat Anda yang lain, mis. “Kasir 1” atau “Outlet Bandung”. Id perangkat: {{id}}',
    namePlaceholder: 'mis. Kasir 1',
    saveName: 'Simpan nama',
    nameSaved: 'Nama perangkat disimpan',
    nameRequired: 'Masukkan nama untuk perangkat ini.',
    nameTooLong: 'Paling banyak 60 karakter.',
    emptiedTitle: 'File Kenal hilang dari folder sinkron',
    emptied:
      'Pada {{date}} folder sinkron ditemukan kosong (file dihapus, atau drive tidak tersambung). Tidak ada data Anda yang dihapus: Kenal menulis ulang file perangkat ini. Peringatan ini hilang setelah setiap perangkat menulis ulang filenya.',
    problems: 'File yang tidak digabungkan',
    retry: 'Dicoba lagi',
    skipped: 'Dilewati',
    pending:
      'Sebuah file dari perangkat {{device}} akan menghapus {{removing}} dari {{live}} kontak Anda. Sinkron dengan perangkat ini menunggu keputusan Anda.',
    unsupported:
      'Folder sinkron memerlukan aplikasi desktop Kenal, atau Chrome atau Edge. Sementara itu gunakan file sinkron.',
    error: {
      unavailable:
        'Folder sinkron tidak dapat dijangkau (dihapus, diganti nama atau tidak tersambung). Tidak ada yang diubah; Kenal mencoba lagi nanti.',
      permission: 'Browser memerlukan izin Anda lagi untuk memakai folder sinkron.',
      failed:
        'Perubahan perangkat ini tidak dapat ditulis ke folder sinkron. Kenal mencoba lagi nanti.',
    },
    problem: {
      incomplete: 'Belum lengkap: mungkin masih disalin. Akan dibaca lagi nanti.',
      tooLarge: 'Terlalu besar untuk dibaca.',
      newerVersion: 'Dibuat oleh versi Kenal yang lebih baru. Perbarui Kenal di perangkat ini.',
      notKenal: 'Bukan file sinkron Kenal.',
      damaged: 'Rusak: isinya tidak seperti yang ditulis Kenal.',
      wrongDevice: 'Namanya tidak cocok dengan perangkat yang menulisnya.',
      failed:
        'Tidak dapat dibaca atau digabungkan. File lain sudah digabungkan; file ini dicoba lagi saat berubah.',
    },
  },
  auto: {
    title: 'Cadangan otomatis',
    enabled: 'Simpan cadangan setiap hari',
    keep: 'Jumlah cadangan disimpan',
    changeFolder: 'Ganti folder…',
    defaultFolder: 'Pakai folder aplikasi',
    now: 'Cadangkan sekarang',
    done: 'Cadangan disimpan: {{name}}',
    last: 'Cadangan otomatis terakhir: {{date}}',
    never: 'Belum ada cadangan otomatis.',
    failed: 'Cadangan otomatis terakhir gagal: {{message}}',
  },
  tables: {
    contacts: 'Kontak',
    notes: 'Catatan',
    followUps: 'Tindak lanjut',
    templates: 'Templat pesan',
    settings: 'Pengaturan',
    sales: 'Penjualan',
    ledger: 'Riwayat poin',
    feedback: 'Umpan balik',
  },
  errors: {
    title: 'File ini tidak dipakai. Tidak ada yang diubah.',
    notJson: 'Ini bukan file Kenal: isinya bukan JSON.',
    truncated: 'File ini tidak lengkap: terpotong, mungkin saat masih disalin.',
    notKenal: 'File ini berasal dari aplikasi lain, bukan dari Kenal.',
    passwordRequired: 'File ini terenkripsi. Masukkan kata sandinya.',
    wrongPassword: 'Kata sandi salah, atau file terenkripsi ini rusak.',
    newerVersion:
      'File ini dibuat oleh Kenal versi lebih baru (format {{file}}; aplikasi ini membaca sampai {{supported}}). Perbarui Kenal dulu.',
    wrongKindBackup:
      'Ini file sinkron, bukan cadangan. Gabungkan lewat “Sinkron dengan perangkat lain”.',
    wrongKindSync: 'Ini file cadangan, bukan file sinkron. Gunakan “Pulihkan” untuk memulihkannya.',
    malformed: 'File ini rusak: strukturnya bukan seperti yang ditulis Kenal.',
    checksum:
      'File ini diubah setelah Kenal menyimpannya (checksum tidak cocok). Mungkin rusak atau sengaja diubah.',
    invalidRecords:
      '{{count}} data di file ini tidak valid. Yang pertama: {{table}} no. {{index}} ({{issue}}).',
    tooLarge: 'File ini terlalu besar untuk dibuka ({{size}} MB).',
    failed: 'Terjadi kesalahan: {{message}}',
  },
  settingsTitle: 'Cadangan dan sinkron',
  settingsHelp:
    'Simpan cadangan semua data, pulihkan cadangan, atau tukar file sinkron dengan perangkat lain.',
  settingsOpen: 'Buka Cadangan & Sinkron',
};
