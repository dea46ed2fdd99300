import type { Translations } from '../en';

export const timeline: Translations['timeline'] = {};
