/**
 * The browser may evict "best-effort" site data under disk pressure; a CRM's book must not be
 * evicted, so we ask for persistent storage once at start-up. Where it is refused, Settings says
 * so and recommends regular backups.
 */
export interface StorageStatus {
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

export async function requestPersistentStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = navigator.storage;
  if (!storage) return { persisted: null, usageBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted().catch(() => null) : null,
    storage.estimate ? storage.estimate().catch(() => null) : null,
  ]);
  return {
    persisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
  };
}

/** A write failed because the disk or the browser's quota is full. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; inner?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  // Dexie wraps the DOMException: AbortError with `inner` QuotaExceededError.
  return e.inner !== undefined && isQuotaError(e.inner);
}
