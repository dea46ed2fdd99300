import type { Translations } from '../en';

export const duplicates: Translations['duplicates'] = {
  warnTitle: 'Sudah ada di buku Anda?',
  warnBody: 'Kontak dengan nomor HP atau e-mail ini sudah ada:',
  reasons: { phone: 'nomor HP sama', email: 'e-mail sama' },
  open: 'Buka {{name}}',
  merge: 'Gabungkan ke {{name}}',
  mergeHelp: 'Yang Anda ketik ditambahkan ke {{name}} (nomor HP, e-mail, tag, catatan).',
  saveAnyway: 'Simpan sebagai kontak baru',
  back: 'Kembali ke formulir',
  merged: 'Disimpan ke {{name}}',
  group: '{{count}} kontak',
  confirmTitle: 'Gabungkan kontak ini?',
  confirmBody:
    'Kontak lain di kelompok ini ({{count}}) digabungkan ke {{name}}: nomor HP, e-mail, tag, dan catatannya ditambahkan, dan riwayat, penjualan, serta poinnya dihitung untuk {{name}}. Anda bisa membatalkannya sesudahnya.',
  confirm: 'Gabungkan',
  undone: 'Penggabungan dibatalkan',
};
