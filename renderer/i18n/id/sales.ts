import type { Translations } from '../en';

export const sales: Translations['sales'] = {};
