/**
 * Shared pieces of the fuzz suite: hostile text and JSON mutations, a prototype-pollution
 * guard, and real i18n resources to check that every reason a reader gives has a message.
 */
import fc from 'fast-check';
import i18next, { type i18n as I18n } from 'i18next';
import { resources } from '../../../renderer/i18n';

// CI runs the fuzz suite on fixed seeds so a red run is reproducible and a green one stays
// green; FUZZ_SEED=random explores new inputs locally (then pin what it finds as a test).
if (process.env.FUZZ_SEED !== 'random') {
  fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20261123) });
}

/** Text a careless or hostile file may carry inside a value. */
export const NASTY_FRAGMENTS = [
  '\u0000',
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\u202E', // right-to-left override
  '\u200F', // right-to-left mark
  '\uFEFF',
  '\uFFFD',
  '😀',
  '"',
  '\\',
  '\r\n',
  '\n',
  ',',
  ';',
  '=',
  '__proto__',
  'constructor',
  'prototype',
  '{"__proto__":{"polluted":"yes"}}',
  '=HYPERLINK("x")',
  'BEGIN:VCARD',
  'END:VCARD',
];

export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** A string made of nasty fragments and arbitrary unicode. */
export const nastyString = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...NASTY_FRAGMENTS), fc.string({ unit: 'grapheme' })), {
      maxLength,
    })
    .map((parts) => parts.join(''));

/** Any text: ASCII, full unicode (with lone surrogates), or nasty fragments. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  nastyString(),
  fc.json(),
);

/** A value to write over part of a JSON document. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  nastyString(),
  fc.constantFrom<unknown>(
    null,
    '',
    -1,
    0,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    1.5,
    true,
    [],
    {},
    '9999-99-99',
    '000000000000000-00000',
  ),
);

// ---- Prototype pollution ------------------------------------------------------------------

const PROTOTYPES: [string, object][] = [
  ['Object', Object.prototype],
  ['Array', Array.prototype],
  ['String', String.prototype],
  ['Function', Function.prototype],
];
const baseline = new Map(PROTOTYPES.map(([n, p]) => [n, Reflect.ownKeys(p).map(String).sort()]));

/** Throws when any built-in prototype gained or lost a key, or `{}` inherits `polluted`. */
export function assertNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined) throw new Error('Object.prototype.polluted was set');
  for (const [name, proto] of PROTOTYPES) {
    const now = Reflect.ownKeys(proto).map(String).sort();
    if (now.join('\u0001') !== baseline.get(name)!.join('\u0001'))
      throw new Error(`${name}.prototype keys changed`);
  }
}

// ---- JSON mutations ----------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `root` (the root itself is []). */
export function paths(root: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v !== null && typeof v === 'object')
      for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...p, k]);
  };
  walk(root, []);
  return out;
}

function getAt(root: unknown, p: (string | number)[]): unknown {
  let v = root;
  for (const k of p) v = (v as Record<string | number, unknown>)[k];
  return v;
}

/** Set an own property, even "__proto__" (plain assignment would replace the prototype). */
function defineOwn(target: object, key: string | number, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function setAt(root: unknown, p: (string | number)[], value: unknown): unknown {
  if (p.length === 0) return value;
  const parent = getAt(root, p.slice(0, -1)) as object;
  defineOwn(parent, p[p.length - 1]!, value);
  return root;
}

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'hostileKey'; at: number; key: string; value: unknown }
  | { kind: 'duplicateRecord'; at: number; keepId: boolean }
  | { kind: 'hugeString'; at: number }
  | { kind: 'unicode'; at: number; fragment: string }
  | { kind: 'delete'; at: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({
    kind: fc.constant('hostileKey' as const),
    at: fc.nat(),
    key: fc.constantFrom(...HOSTILE_KEYS),
    value: fc.constantFrom<unknown>({ polluted: 'yes' }, 'yes', null, [], { toString: 1 }),
  }),
  fc.record({ kind: fc.constant('duplicateRecord' as const), at: fc.nat(), keepId: fc.boolean() }),
  fc.record({ kind: fc.constant('hugeString' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('unicode' as const),
    at: fc.nat(),
    fragment: fc.constantFrom(...NASTY_FRAGMENTS),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
);

const ONE_MB = 1024 * 1024;

/** Apply one mutation to a deep copy of `doc` (a parsed JSON document). */
export function mutateJson(doc: Json, m: Mutation): unknown {
  const root = structuredClone(doc) as unknown;
  const all = paths(root);
  const pick = <T>(list: T[]): T | undefined =>
    list.length === 0 ? undefined : list[m.at % list.length];
  switch (m.kind) {
    case 'replace':
      return setAt(root, pick(all)!, m.value);
    case 'hostileKey': {
      const objects = all.filter((p) => {
        const v = getAt(root, p);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      const p = pick(objects);
      if (p) defineOwn(getAt(root, p) as object, m.key, m.value);
      return root;
    }
    case 'duplicateRecord': {
      // A record = an object inside an array; copy it (same id) or steal another one's id.
      const records = all.filter(
        (p) =>
          typeof p[p.length - 1] === 'number' &&
          typeof (getAt(root, p) as { id?: unknown } | null)?.id === 'string',
      );
      const p = pick(records);
      if (!p) return root;
      const arr = getAt(root, p.slice(0, -1)) as Record<string, unknown>[];
      const rec = getAt(root, p) as Record<string, unknown>;
      const neighbour = arr[(Number(p[p.length - 1]) + 1) % arr.length];
      // An earlier mutation may have replaced the neighbour with null or a plain value.
      if (m.keepId || arr.length < 2 || typeof neighbour !== 'object' || neighbour === null) {
        arr.push(structuredClone(rec));
      } else neighbour.id = rec.id;
      return root;
    }
    case 'hugeString': {
      const strings = all.filter((p) => typeof getAt(root, p) === 'string');
      const p = pick(strings);
      return p ? setAt(root, p, (getAt(root, p) as string) + 'x'.repeat(ONE_MB)) : root;
    }
    case 'unicode': {
      const strings = all.filter((p) => typeof getAt(root, p) === 'string');
      const p = pick(strings);
      if (!p) return root;
      const s = getAt(root, p) as string;
      const cut = m.at % (s.length + 1);
      return setAt(root, p, s.slice(0, cut) + m.fragment + s.slice(cut));
    }
    case 'delete': {
      const p = pick(all.filter((q) => q.length > 0));
      if (!p) return root;
      const parent = getAt(root, p.slice(0, -1));
      if (Array.isArray(parent)) parent.splice(Number(p[p.length - 1]), 1);
      else delete (parent as Record<string, unknown>)[p[p.length - 1]!];
      return root;
    }
  }
}

export type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'dropRange'; at: number; length: number };

export const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    char: fc.oneof(
      fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
      fc.constantFrom(...'{}[]",:;\n\r'),
    ),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: nastyString(5) }),
  fc.record({ kind: fc.constant('dropRange' as const), at: fc.nat(), length: fc.nat(40) }),
);

/** Apply a character-level mutation to a text. */
export function mutateText(text: string, m: TextMutation): string {
  const i = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, i);
    case 'flip':
      return text.slice(0, i) + m.char + text.slice(i + 1);
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'dropRange':
      return text.slice(0, i) + text.slice(i + m.length);
  }
}

// ---- i18n ---------------------------------------------------------------------------------

let i18n: I18n | undefined;

/** The app's real English and Indonesian resources (no React). */
export async function testI18n(): Promise<I18n> {
  if (i18n) return i18n;
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: 'en', fallbackLng: 'en', returnNull: false });
  i18n = instance;
  return instance;
}

/** True when the key has a message in both languages. */
export function hasMessage(t: I18n, key: string): boolean {
  return t.exists(key, { lng: 'en' }) && t.exists(key, { lng: 'id' });
}

/** A run count that can be raised locally: FUZZ_SCALE=10 npx vitest run tests/unit/fuzz. */
export function runs(n: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
