import type { Translations } from '../en';

/** Mata uang dan zona waktu toko, serta pesan kolom uang dan tanggal. */
export const shop: Translations['shop'] = {
  title: 'Toko',
  description:
    'Cara membaca nominal dan waktu. Pengaturan ini tersinkron ke semua perangkat, jadi semuanya membaca file yang sama dengan cara yang sama.',
  currency: 'Mata uang',
  currencyHelp:
    'Nominal disimpan dalam satuan terkecilnya ({{decimals}} desimal). Mengubahnya tidak mengonversi nominal yang sudah tercatat.',
  timeZone: 'Zona waktu',
  timeZoneHelp:
    'Hari dan bulan toko dihitung dalam zona ini, apa pun zona perangkat: waktu impor, tanggal penjualan, tanggal aturan loyalitas, kedaluwarsa poin, periode tier, ulang tahun, yang jatuh tempo hari ini, dan bulan laporan. Mengubahnya menghitung ulang angka pelanggan yang disimpan.',
  timeZoneUnset: 'Belum diatur: zona perangkat ini ({{zone}}) yang dipakai',
  saved: 'Pengaturan toko disimpan',
  profile: {
    title: 'Profil toko',
    description:
      'Cara pesan Anda ditandatangani. Template memakainya sebagai {shopName}, {shopAddress}, {shopPhone} dan {signOff}.',
    name: 'Nama toko',
    address: 'Alamat',
    phone: 'Telepon',
    signOff: 'Salam penutup',
    signOffHelp: 'Baris terakhir pesan, mis. “Salam hangat, Toko Sinar”. Kosong: nama toko.',
  },
  errors: {
    tooLong: 'Teks ini terlalu panjang.',
    currency: 'Mata uang itu tidak dikenal.',
    timeZone: 'Zona waktu itu tidak dikenal.',
  },
  money: {
    invalid: '“{{text}}” bukan nominal. Ketik seperti {{example}}.',
    ambiguous:
      '“{{text}}” bisa dibaca dua cara (ribuan atau desimal). Ketik tanpa pemisah atau dengan keduanya, seperti {{example}}.',
    wouldRound:
      '“{{text}}” punya desimal lebih banyak dari {{currency}}: harus dibulatkan. Periksa nominalnya atau mata uang toko di Pengaturan.',
    tooLarge: '“{{text}}” terlalu besar.',
    negative: 'Nominal tidak boleh negatif.',
    readAs: 'Dibaca sebagai {{amount}}',
  },
  dates: {
    outOfRange: 'Tanggal ini di luar rentang yang diizinkan di sini.',
    impossible: 'Tanggal ini tidak ada. Periksa hari dan bulannya.',
    format: 'Ketik tanggal sebagai {{pattern}}.',
  },
};
