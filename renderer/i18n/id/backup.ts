import type { Translations } from '../en';

export const backup: Translations['backup'] = {};
