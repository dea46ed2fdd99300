import type { Translations } from '../en';

export const reports: Translations['reports'] = {};
