/**
 * Making and changing records with their sync metadata (ARCHITECTURE.md "Records and metadata"). Pure: the caller
 * supplies the id, the wall-clock time and HLC stamps, so the same inputs give the same record.
 */
import type { HlcStamp } from './hlc';
import type { MutableMeta, RecordMeta } from './schemas/common';

export interface StampContext {
  id: string;
  createdAt: string;
  stamp: HlcStamp;
}

/**
 * Fields whose value is a map of independent registers (a contact's custom fields): each key
 * is its own field for stamping, merging and erasing, stamped as `<field>.<key>`, so two
 * devices that change two keys of one map both keep their change.
 */
export const MAP_FIELDS: readonly string[] = ['custom'];

const isMapValue = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The record with each map field spread into `<field>.<key>` fields (the same object when it
 * has none): what the per-field rules (stamping, merge, erasure) work on.
 */
export function flattenMaps<R extends object>(record: R): R {
  const r = record as Record<string, unknown>;
  if (!MAP_FIELDS.some((f) => Object.hasOwn(r, f))) return record;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(r)) {
    if (MAP_FIELDS.includes(key)) {
      if (isMapValue(value))
        for (const [k, v] of Object.entries(value)) if (v !== undefined) out[`${key}.${k}`] = v;
    } else out[key] = value;
  }
  return out as R;
}

/** Undo flattenMaps: `<field>.<key>` fields go back into their map (absent when empty). */
export function unflattenMaps<R extends object>(record: R): R {
  const r = record as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(r)) {
    const dot = key.indexOf('.');
    if (dot < 0 || !MAP_FIELDS.includes(key.slice(0, dot))) continue;
    out ??= { ...r };
    const field = key.slice(0, dot);
    const value = out[key];
    delete out[key];
    if (value === undefined) continue;
    const map = (out[field] ??= {}) as Record<string, unknown>;
    map[key.slice(dot + 1)] = value;
  }
  return (out ?? record) as R;
}

/** A new mutable record: every field present gets the creation stamp. */
export function createMutable<F extends object>(fields: F, ctx: StampContext): F & MutableMeta {
  const stamps: Record<string, HlcStamp> = {};
  const flat = flattenMaps(fields) as Record<string, unknown>;
  for (const key of Object.keys(flat)) {
    if (flat[key] !== undefined) stamps[key] = ctx.stamp;
  }
  const kept = withoutUndefined(fields) as Record<string, unknown>;
  for (const f of MAP_FIELDS) if (isMapValue(kept[f]) && isEmptyMap(kept[f])) delete kept[f];
  return {
    ...(kept as F),
    id: ctx.id,
    createdAt: ctx.createdAt,
    updatedAt: ctx.stamp,
    stamps,
  };
}

/** A new immutable event. */
export function createEvent<F extends object>(fields: F, ctx: StampContext): F & RecordMeta {
  return {
    ...withoutUndefined(fields),
    id: ctx.id,
    createdAt: ctx.createdAt,
    updatedAt: ctx.stamp,
  };
}

export interface ChangeResult<R> {
  record: R;
  /** Fields whose value really changed; empty means nothing to write. */
  changed: string[];
}

/**
 * Apply a patch to a mutable record. Only fields whose value differs get the new stamp, so a
 * save that changes one field never overwrites another device's edit of another field.
 * `undefined` in the patch clears a field (the clear is stamped like any change).
 */
export function applyPatch<R extends MutableMeta>(
  record: R,
  patch: Partial<Omit<R, keyof MutableMeta>>,
  stamp: HlcStamp,
): ChangeResult<R> {
  const next: Record<string, unknown> = { ...flattenMaps(record) };
  const stamps = { ...record.stamps };
  const changed: string[] = [];
  for (const [key, value] of Object.entries(flatPatch(record, patch))) {
    if (isMetaField(key)) continue;
    if (sameValue(next[key], value)) continue;
    if (value === undefined) delete next[key];
    else next[key] = value;
    stamps[key] = stamp;
    changed.push(key);
  }
  if (changed.length === 0) return { record, changed };
  return { record: unflattenMaps({ ...next, stamps, updatedAt: stamp }) as R, changed };
}

const isEmptyMap = (v: Record<string, unknown>): boolean =>
  Object.values(v).every((x) => x === undefined);

/**
 * A patch with its map fields spread like flattenMaps: a map in the patch is the whole new
 * map, so a key the record has and the patch lacks is cleared; `undefined` clears them all.
 */
function flatPatch(record: object, patch: object): Record<string, unknown> {
  const p = patch as Record<string, unknown>;
  if (!MAP_FIELDS.some((f) => Object.hasOwn(p, f))) return p;
  const r = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(p)) {
    if (!MAP_FIELDS.includes(key)) {
      out[key] = value;
      continue;
    }
    const before = isMapValue(r[key]) ? r[key] : {};
    const after = isMapValue(value) ? value : {};
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)]))
      out[`${key}.${k}`] = after[k];
  }
  return out;
}

/** Tombstone a record: it stays, marked deleted, so the deletion can sync. */
export function tombstone<R extends MutableMeta>(record: R, stamp: HlcStamp): R {
  return {
    ...record,
    deletedAt: stamp,
    updatedAt: stamp,
    stamps: { ...record.stamps, deletedAt: stamp },
  };
}

/** Undo a delete: a newer change to the `deletedAt` field, so it wins over the tombstone. */
export function restore<R extends MutableMeta>(record: R, stamp: HlcStamp): R {
  const next = { ...record, updatedAt: stamp, stamps: { ...record.stamps, deletedAt: stamp } };
  delete next.deletedAt;
  return next;
}

const META = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'stamps']);
function isMetaField(key: string): boolean {
  return META.has(key);
}

function withoutUndefined<F extends object>(fields: F): F {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out as F;
}

/** Structural equality for JSON-like field values (strings, numbers, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ak.length === bk.length &&
    ak.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
