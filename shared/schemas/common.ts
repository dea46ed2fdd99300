/** Building blocks shared by every record schema (ARCHITECTURE.md "Records and metadata"). */
import { z } from 'zod';
import { isHlcStamp, type HlcStamp } from '../hlc';
import { ULID_PATTERN } from '../ids';
import { isCalendarDate } from '../dates';

export const ulidSchema = z.string().regex(ULID_PATTERN, 'not a ULID');
export const hlcSchema = z.custom<HlcStamp>(isHlcStamp, 'not an HLC stamp');
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** A calendar date "YYYY-MM-DD" that exists (no 2026-02-30). */
export const calendarDateSchema = z.string().refine(isCalendarDate, 'not a calendar date');
/** Whole rupiah. */
export const rupiahSchema = z.number().int().refine(Number.isSafeInteger, 'amount too large');
export const pointsSchema = z.number().int().refine(Number.isSafeInteger, 'points too large');

/** Very long text is kept whole, but a bound stops a hostile file from filling the disk. */
export const MAX_TEXT = 100_000;
export const longTextSchema = z.string().max(MAX_TEXT);

/** Sync metadata every record carries. */
export const recordMetaShape = {
  id: ulidSchema,
  createdAt: isoDateTimeSchema,
  /** HLC stamp of the last change; the greatest of `stamps` for mutable records. */
  updatedAt: hlcSchema,
  /** HLC stamp of deletion: a tombstone. Rows are never hard-deleted by sync. */
  deletedAt: hlcSchema.optional(),
};

/** Per-field stamps for last-writer-wins records. */
export const stampsSchema = z.record(z.string().max(64), hlcSchema);

export const mutableMetaShape = { ...recordMetaShape, stamps: stampsSchema };

export type RecordMeta = {
  id: string;
  createdAt: string;
  updatedAt: HlcStamp;
  deletedAt?: HlcStamp;
};
export type MutableMeta = RecordMeta & { stamps: Record<string, HlcStamp> };

/** Fields of a record that are sync metadata, not user data. */
export const META_FIELDS = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'stamps'] as const;
