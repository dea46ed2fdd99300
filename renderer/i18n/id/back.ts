import type { Translations } from '../en';

export const back: Translations['back'] = {
  '/reports': 'Kembali ke Laporan',
};
