/**
 * Message templates: a body with `{placeholder}`s filled in for one customer, and the WhatsApp
 * link that carries the result. The one home of "what a message says" for every screen (the
 * contact's WhatsApp dialog, the send queue, the checkout's thank-you): callers build the values
 * with `messageValues` (shared/timeline/message-values.ts) and render with `fillTemplate`.
 *
 * The rule that keeps a message natural: **a line whose placeholder has no value is left out**
 * (no "Poin Anda 0", no "()" behind), so a template puts each optional fact on its own line.
 */
import { waNumber } from '../phone';

export const PLACEHOLDERS = [
  /** The contact's full name. */
  'name',
  /** The first name set on the contact, else the first word of the name. */
  'firstName',
  /** The form of address ("Kak", "Bu", "Pak"); empty when none is set. */
  'salutation',
  /** How to greet: "Bu Siti" with a form of address, "Siti" without. */
  'callName',
  /** The points balance (empty when zero or below: nothing to tell the customer). */
  'points',
  'tier',
  /** Points that expire soon, and the date they expire. */
  'expiringPoints',
  'expiryDate',
  /** The date of the last purchase. */
  'lastPurchase',
  /** A follow-up's due time. */
  'due',
  /** A sale's total and the points it earned (the thank-you after a sale). */
  'amount',
  'pointsEarned',
  /** The shop profile (Settings). */
  'shopName',
  'shopAddress',
  'shopPhone',
  'signOff',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string>>;

const KNOWN = new Set<string>(PLACEHOLDERS);
const isPlaceholder = (s: string): s is Placeholder => KNOWN.has(s);

export interface FilledTemplate {
  text: string;
  /** Placeholders the template uses that had no value (their lines were left out). */
  missing: Placeholder[];
}

/** `{word}`: a placeholder, known or not. */
const BRACED_RE = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Fill `body` with `values`. Each line is kept with its placeholders replaced, unless one of
 * its known placeholders has no value (undefined or ''): then the whole line is left out and the
 * placeholder reported in `missing`. Blank lines left doubled by that are collapsed, and blank
 * lines at the start and end dropped. Unknown braces ("{price}") are left as they are (the
 * editor flags them, `unknownPlaceholders`); values are inserted literally ("$&" stays "$&").
 */
export function fillTemplate(body: string, values: TemplateValues): FilledTemplate {
  const missing = new Set<Placeholder>();
  const kept: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    let complete = true;
    for (const m of line.matchAll(BRACED_RE)) {
      const key = m[1]!;
      if (isPlaceholder(key) && !values[key]) {
        missing.add(key);
        complete = false;
      }
    }
    if (!complete) continue;
    const text = line.replace(BRACED_RE, (whole, key: string) =>
      isPlaceholder(key) ? values[key]! : whole,
    );
    // One blank line between paragraphs at most, none at the start.
    if (text.trim() === '' && (kept.length === 0 || kept[kept.length - 1]!.trim() === '')) continue;
    kept.push(text);
  }
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
  return { text: kept.join('\n'), missing: PLACEHOLDERS.filter((p) => missing.has(p)) };
}

/** The known placeholders a template body uses, in PLACEHOLDERS order. */
export function usedPlaceholders(body: string): Placeholder[] {
  const used = new Set<string>([...body.matchAll(BRACED_RE)].map((m) => m[1]!));
  return PLACEHOLDERS.filter((p) => used.has(p));
}

/** Braced words that are not placeholders ("{nama}", "{price}"), each once, as typed. */
export function unknownPlaceholders(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(BRACED_RE)) {
    if (!isPlaceholder(m[1]!) && !out.includes(m[1]!)) out.push(m[1]!);
  }
  return out;
}

/** The wa.me link that opens WhatsApp on `e164` with `text` typed in. */
export function whatsAppLink(e164: string, text: string): string {
  const base = `https://wa.me/${waNumber(e164)}`;
  return text === '' ? base : `${base}?text=${encodeURIComponent(text)}`;
}
