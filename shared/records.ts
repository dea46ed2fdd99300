/**
 * Making and changing records with their sync metadata (DESIGN section 4). Pure: the caller
 * supplies the id, the wall-clock time and HLC stamps, so the same inputs give the same record.
 */
import type { HlcStamp } from './hlc';
import type { MutableMeta, RecordMeta } from './schemas/common';

export interface StampContext {
  id: string;
  createdAt: string;
  stamp: HlcStamp;
}

/** A new mutable record: every field present gets the creation stamp. */
export function createMutable<F extends object>(fields: F, ctx: StampContext): F & MutableMeta {
  const stamps: Record<string, HlcStamp> = {};
  for (const key of Object.keys(fields)) {
    if ((fields as Record<string, unknown>)[key] !== undefined) stamps[key] = ctx.stamp;
  }
  return {
    ...withoutUndefined(fields),
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
  const next: Record<string, unknown> = { ...record };
  const stamps = { ...record.stamps };
  const changed: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (isMetaField(key)) continue;
    if (sameValue(next[key], value)) continue;
    if (value === undefined) delete next[key];
    else next[key] = value;
    stamps[key] = stamp;
    changed.push(key);
  }
  if (changed.length === 0) return { record, changed };
  return { record: { ...next, stamps, updatedAt: stamp } as R, changed };
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
