import type { checkout as en } from '../en/checkout';

/** Teks kasir (barang, tukar poin dalam penjualan, struk), referensi dan Ringkasan hari ini. */
export const checkout: typeof en = {
  lines: {
    title: 'Barang',
    item: 'Barang {{n}}',
    itemPlaceholder: 'Barang',
    quantity: 'Kuantitas {{n}}',
    unitPrice: 'Harga satuan {{n}}',
    unitPricePlaceholder: 'Harga satuan',
    remove: 'Hapus barang {{n}}',
    add: 'Tambah barang',
    fromLines: 'Jumlah dari semua barang',
  },
  points: {
    available: 'Poin tersedia: {{points}} (senilai {{amount}})',
    redeem: 'Tukar poin',
    discount: 'Potongan {{amount}}',
    max: 'Paling banyak {{points}} dalam penjualan ini',
    useMax: 'Pakai semua',
    noDiscountRule:
      'Aturan loyalitas Anda tidak memberi nilai uang pada poin, jadi poin tidak ditukar di kasir.',
    onlyToday: 'Poin hanya bisa ditukar dalam penjualan hari ini.',
    nothingToRedeem: 'Belum ada poin untuk ditukar.',
    noEarnWhenRedeeming: 'Aturan Anda: penjualan yang menukar poin tidak mendapat poin.',
  },
  summary: {
    toPay: 'Yang dibayar',
  },
  result: {
    paid: 'Penjualan tersimpan: dibayar {{amount}}',
    redeemed: '{{points}} poin ditukar (potongan {{amount}})',
    earned: 'Poin didapat: {{points}}',
    earnBlocked: 'Tidak ada poin: aturan Anda tidak memberi poin pada penjualan yang menukar poin.',
    referral: 'Pemberi referensinya mendapat {{points}} poin referensi.',
    newBalance: 'Saldo baru',
  },
  receipt: {
    title: 'Struk',
    subtotal: 'Subtotal',
    total: 'Total',
    payment: 'Dibayar dengan',
    thanks: 'Terima kasih sudah berbelanja!',
    invoice: 'Nota {{no}}',
    redeemed: 'Poin ditukar ({{points}})',
    earned: 'Poin didapat: {{points}}',
    bonus: 'Bonus selamat datang: {{points}} poin',
    balance: 'Poin Anda: {{points}}',
    sendWhatsApp: 'Kirim struk lewat WhatsApp',
    print: 'Cetak struk',
    width: 'Lebar kertas struk',
  },
  settings: {
    referralBonus: 'Bonus referensi (poin)',
    referralHelp:
      'Referensi: untuk pelanggan yang mengajak pelanggan baru, saat pelanggan baru itu pertama kali membeli.',
    earnWithRedemption: 'Penjualan yang menukar poin tetap mendapat poin',
    earnWithRedemptionHelp:
      'Sebagian program melarang mendapat dan menukar poin dalam satu penjualan; matikan untuk melakukan hal yang sama.',
  },
  errors: {
    quantity: 'Isi kuantitas lebih dari nol.',
    price: 'Isi harga satuan barang.',
    lineRounds: 'Kuantitas × harga bukan angka bulat: periksa kuantitasnya.',
    tooLarge: 'Penjualan terlalu besar.',
    redeemNotAllowed: 'Aturan loyalitas Anda tidak mengizinkan tukar poin sebagai potongan.',
    redeemTooMuch: 'Paling banyak {{max}} poin bisa ditukar dalam penjualan ini.',
    redeemWhole: 'Tukar poin dalam bilangan bulat.',
    nothingToPay: 'Isi barang atau jumlahnya dulu.',
    redeemPastSale: 'Poin hanya bisa ditukar dalam penjualan hari ini.',
    linesTotal: 'Jumlah barang tidak sama dengan totalnya.',
    referSelf: 'Pelanggan tidak bisa mereferensikan dirinya sendiri.',
  },
  referral: {
    referredBy: 'Direferensikan oleh',
    referredByHelp: 'Mereka mendapat bonus referensi saat pelanggan ini pertama kali membeli.',
    referredByLine: 'Direferensikan oleh {{name}}',
    referredCount: 'Pelanggan yang mereka referensikan: {{count}}',
    ledgerReason: 'Referensi',
  },
  glance: {
    title: 'Ringkasan hari ini',
    sales: 'Penjualan',
    revenue: 'Pendapatan',
    newMembers: 'Member baru',
    pointsIssued: 'Poin diberikan',
    overdue: 'Tindak lanjut terlambat: {{count}}',
  },
  reports: {
    referrals: 'Referensi',
    advocates: 'Pemberi referensi: {{count}}',
    referralsInfo:
      'Pelanggan baru yang datang lewat referensi: dihitung pada periode pembelian pertama mereka, sekali per orang.',
  },
};
