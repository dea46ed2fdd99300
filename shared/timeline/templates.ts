/**
 * Message templates: "{name}", "{points}", "{tier}", "{due}" filled in for one customer, and the
 * WhatsApp link that carries the result.
 */
import { waNumber } from '../phone';

export const PLACEHOLDERS = ['name', 'points', 'tier', 'due'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string>>;

export interface FilledTemplate {
  text: string;
  /** Placeholders the template uses that had no value (left out of the text). */
  missing: Placeholder[];
}

const PLACEHOLDER_RE = /\{(name|points|tier|due)\}/g;

/**
 * Replace every known placeholder with its value. A placeholder without a value becomes empty
 * and is reported in `missing`, so the UI can warn before anything is sent; unknown braces
 * ("{price}") are left alone. Values are inserted literally (a "$&" in a name stays "$&").
 */
export function fillTemplate(body: string, values: TemplateValues): FilledTemplate {
  const missing = new Set<Placeholder>();
  const text = body.replace(PLACEHOLDER_RE, (_m, key: Placeholder) => {
    const v = values[key];
    if (v === undefined || v === '') {
      missing.add(key);
      return '';
    }
    return v;
  });
  return { text, missing: PLACEHOLDERS.filter((p) => missing.has(p)) };
}

/** The placeholders a template body uses, in PLACEHOLDERS order. */
export function usedPlaceholders(body: string): Placeholder[] {
  const used = new Set<string>([...body.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!));
  return PLACEHOLDERS.filter((p) => used.has(p));
}

/** The wa.me link that opens WhatsApp on `e164` with `text` typed in. */
export function whatsAppLink(e164: string, text: string): string {
  const base = `https://wa.me/${waNumber(e164)}`;
  return text === '' ? base : `${base}?text=${encodeURIComponent(text)}`;
}
