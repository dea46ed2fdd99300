/** Realistic Indonesian names and places for demo data and benchmarks. */
import { CONTACT_SOURCES } from '../schemas/contact';

export const GIVEN_NAMES = [
  'Siti',
  'Budi',
  'Dewi',
  'Agus',
  'Rina',
  'Made',
  'Wayan',
  'Putri',
  'Joko',
  'Sri',
  'Andi',
  'Nur',
  'Ahmad',
  'Muhammad',
  'Fitri',
  'Rizky',
  'Indah',
  'Eko',
  'Yanti',
  'Bambang',
  'Wahyu',
  'Ayu',
  'Dian',
  'Hendra',
  'Lestari',
  'Kadek',
  'Ketut',
  'Nyoman',
  'Ratna',
  'Slamet',
  'Yusuf',
  'Intan',
  'Fajar',
  'Nadia',
  'Galih',
  'Sekar',
  'Teguh',
  'Wulan',
  'Bayu',
  'Citra',
  'Dimas',
  'Eka',
  'Hana',
  'Irfan',
  'Kartika',
  'Lukman',
  'Maya',
  'Oki',
  'Purnama',
  'Reza',
  'Sari',
  'Tono',
  'Umar',
  'Vina',
  'Yoga',
  'Zahra',
  'Annisa',
  'Bagus',
  'Cahya',
  'Dodi',
  'Erna',
  'Fauzi',
  'Gita',
  'Hadi',
  'Ikhsan',
];

export const FAMILY_NAMES = [
  'Rahayu',
  'Santoso',
  'Lestari',
  'Salim',
  'Wati',
  'Wirawan',
  'Kusuma',
  'Hidayat',
  'Pratama',
  'Saputra',
  'Setiawan',
  'Nugroho',
  'Wijaya',
  'Siregar',
  'Nasution',
  'Harahap',
  'Simanjuntak',
  'Sinaga',
  'Hutapea',
  'Manurung',
  'Tanjung',
  'Lubis',
  'Gunawan',
  'Halim',
  'Susanto',
  'Purba',
  'Rachman',
  'Suryadi',
  'Permana',
  'Firmansyah',
  'Kurniawan',
  'Hakim',
  'Utami',
  'Puspita',
  'Ramadhan',
  'Syahputra',
  'Maharani',
  'Anggraini',
  'Sudarma',
  'Suartana',
  'Ginting',
  'Tarigan',
];

/** City and its landline area code (without the leading 0). */
export const CITIES: readonly (readonly [string, string])[] = [
  ['Jakarta', '21'],
  ['Surabaya', '31'],
  ['Bandung', '22'],
  ['Medan', '61'],
  ['Semarang', '24'],
  ['Makassar', '411'],
  ['Denpasar', '361'],
  ['Yogyakarta', '274'],
  ['Malang', '341'],
  ['Palembang', '711'],
  ['Bogor', '251'],
  ['Depok', '21'],
  ['Tangerang', '21'],
  ['Bekasi', '21'],
  ['Solo', '271'],
  ['Balikpapan', '542'],
  ['Pontianak', '561'],
  ['Manado', '431'],
  ['Padang', '751'],
  ['Pekanbaru', '761'],
];

export const STREETS = [
  'Jl. Sudirman',
  'Jl. Thamrin',
  'Jl. Gatot Subroto',
  'Jl. Diponegoro',
  'Jl. Ahmad Yani',
  'Jl. Pahlawan',
  'Jl. Merdeka',
  'Jl. Veteran',
  'Jl. Gajah Mada',
  'Jl. Hayam Wuruk',
  'Jl. Imam Bonjol',
  'Jl. Cendrawasih',
  'Jl. Melati',
  'Jl. Kenanga',
  'Jl. Mawar',
];

/** Indonesian mobile prefixes (Telkomsel, Indosat, XL, Tri, Smartfren). */
export const MOBILE_PREFIXES = [
  '811',
  '812',
  '813',
  '821',
  '822',
  '852',
  '853',
  '814',
  '815',
  '816',
  '855',
  '856',
  '857',
  '858',
  '817',
  '818',
  '819',
  '859',
  '877',
  '878',
  '895',
  '896',
  '897',
  '898',
  '899',
  '881',
  '882',
  '883',
  '887',
  '888',
];

export const TAGS = [
  'VIP',
  'Reseller',
  'Grosir',
  'Langganan',
  'Baru',
  'Online',
  'Kantor',
  'Arisan',
];
/** Where demo customers came from: the sources a contact form offers. */
export const SOURCES = CONTACT_SOURCES;
export const EMAIL_DOMAINS = ['gmail.com', 'yahoo.co.id', 'yahoo.com', 'outlook.com', 'ymail.com'];

export const ITEMS = [
  'Batik tulis',
  'Kemeja batik',
  'Kain songket',
  'Tas anyaman',
  'Kopi Gayo 250g',
  'Kopi Toraja 250g',
  'Teh melati',
  'Keripik tempe',
  'Sambal bawang',
  'Madu hutan',
  'Sarung tenun',
  'Kerudung voal',
  'Gamis',
  'Mukena',
  'Sepatu kulit',
  'Dompet kulit',
  'Lilin aromaterapi',
  'Sabun sereh',
];

/** The language the demo book's free texts are written in (the app's language when loaded). */
export type DemoLanguage = 'id' | 'en';

/**
 * What a complaint says: something went wrong, never praise, so the demo's "open complaints"
 * read like complaints. Each language has the same number of texts (a seed gives the same book).
 */
export const COMPLAINT_TEXTS: Record<DemoLanguage, readonly string[]> = {
  id: [
    'Pengiriman terlambat 2 hari.',
    'Barang yang datang beda warna dengan foto.',
    'Ukuran kekecilan, minta tukar.',
    'Jahitan lepas setelah sekali cuci.',
    'Paket sampai dalam keadaan basah.',
  ],
  en: [
    'Delivery arrived 2 days late.',
    'The colour is different from the photo.',
    'Size too small, wants an exchange.',
    'Seam came apart after one wash.',
    'Parcel arrived wet.',
  ],
};

/** Everyday notes, praise among them (praise is a note, never a complaint). */
export const NOTE_TEXTS: Record<DemoLanguage, readonly string[]> = {
  id: [
    'Tanya stok ukuran L minggu depan.',
    'Minta dikabari kalau ada motif baru.',
    'Suka warna gelap, tidak suka motif besar.',
    'Pesan untuk hadiah ulang tahun ibunya.',
    'Minta harga grosir untuk 20 pcs.',
    'Puas dengan kualitas, akan pesan lagi.',
    'Tanya ongkir ke Singapura.',
    'Lebih suka transfer BCA, bukan QRIS.',
    'Memuji kemasannya rapi.',
  ],
  en: [
    'Asked if size L is in stock next week.',
    'Wants to hear when new patterns arrive.',
    'Likes dark colours, not big patterns.',
    'Ordering a birthday present for her mother.',
    'Asked the wholesale price for 20 pcs.',
    'Happy with the quality, will order again.',
    'Asked about shipping to Singapore.',
    'Prefers a BCA transfer, not QRIS.',
    'Praised the neat packaging.',
  ],
};

/** How a resolved complaint was settled. */
export const RESOLUTION_TEXTS: Record<DemoLanguage, string> = {
  id: 'Sudah dikirim ulang, pelanggan puas.',
  en: 'Sent again; the customer is satisfied.',
};

/** What a demo follow-up asks to do. */
export const FOLLOW_UP_TITLES: Record<DemoLanguage, readonly string[]> = {
  id: ['Kabari stok baru', 'Tagih pembayaran', 'Kirim katalog', 'Tanyakan pesanannya'],
  en: ['Tell about new stock', 'Ask for the payment', 'Send the catalogue', 'Check on the order'],
};

/** Why points were redeemed. */
export const REDEEM_REASONS: Record<DemoLanguage, string> = {
  id: 'Tukar voucher belanja',
  en: 'Shopping voucher',
};
