/**
 * Loads the report dataset (page by page, with progress and cancel) in the report engine (a Web
 * Worker) and recomputes when the options change. Reloads when a table the reports read
 * changes, so the screen stays current without freezing. The points liability arrives after the
 * other reports (the ledger is read second) and is merged into the result when it does.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DrillQuery, ReportOptions, ReportResult } from '../../../shared/reports';
import { useRepositories } from '../../app/services';
import { sharedReportEngine, type ReportEngine } from './report-engine';
import type { LiabilityPair } from './worker-protocol';

export type ReportStatus =
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'computing'; fraction: number }
  | { phase: 'ready' }
  | { phase: 'cancelled' }
  | { phase: 'error'; message: string };

export interface ReportData {
  status: ReportStatus;
  result: ReportResult | null;
  cancel: () => void;
  reload: () => void;
  /** Contact ids behind a click on a chart. */
  drill: (query: DrillQuery) => Promise<string[]>;
  /** Contact id of a customer number in the result. */
  contactId: (customer: number) => string | undefined;
}

export function useReportData(options: ReportOptions): ReportData {
  const { reports, db } = useRepositories();
  const liveFingerprint = useLiveQuery(() => reports.fingerprint(), [reports]);
  // A burst of writes (an import) reloads once, not once per row.
  const [fingerprint] = useDebouncedValue(liveFingerprint, 300);
  const engine = useRef<ReportEngine | null>(null);
  const ids = useRef<string[]>([]);
  const abort = useRef<AbortController | null>(null);
  const [version, setVersion] = useState(0);
  const [reloadToken, setReloadToken] = useState(0);
  const [status, setStatus] = useState<ReportStatus>({ phase: 'reading', done: 0, total: 0 });
  const [result, setResult] = useState<ReportResult | null>(null);

  useEffect(() => {
    // The engine outlives the screen: its worker keeps the last read for the next visit.
    engine.current = sharedReportEngine();
    return () => {
      engine.current = null;
    };
  }, []);

  useEffect(() => {
    if (fingerprint === undefined) return;
    const ctrl = new AbortController();
    abort.current = ctrl;
    let stale = false;
    let lastShown = -Infinity;
    if (!engine.current) return;
    const e = engine.current;
    e.read(
      { dbName: db.name, reports, fingerprint },
      {
        signal: ctrl.signal,
        onProgress: ({ done, total }) => {
          // Four re-renders a second are plenty for a progress bar.
          const now = performance.now();
          if (stale || (now - lastShown < 250 && done < total)) return;
          lastShown = now;
          setStatus({ phase: 'reading', done, total });
        },
      },
    )
      .then((customerIds) => {
        if (stale) return;
        ids.current = customerIds;
        setVersion((v) => v + 1);
      })
      .catch((err: unknown) => {
        if (stale) return;
        if (err instanceof Error && err.name === 'AbortError') setStatus({ phase: 'cancelled' });
        else
          setStatus({ phase: 'error', message: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      stale = true;
      ctrl.abort();
    };
  }, [reports, db, fingerprint, reloadToken]);

  const optionsKey = JSON.stringify(options);
  /** The moment of the last computation: a drill-down answers for the same moment. */
  const computedAt = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (version === 0 || !engine.current) return;
    let stale = false;
    const e = engine.current;
    // A period still running is measured to the end of today and compared like with like.
    const now = Date.now();
    computedAt.current = now;
    const o = { ...(JSON.parse(optionsKey) as ReportOptions), now };
    e.compute(o, (fraction) => {
      if (!stale) setStatus({ phase: 'computing', fraction });
    })
      .then((r) => {
        if (stale) return;
        setResult(r);
        setStatus({ phase: 'ready' });
        if (r.current.liability !== null) return;
        const show = (l: LiabilityPair): Promise<void> | undefined => {
          if (stale) return;
          setResult({
            ...r,
            current: { ...r.current, liability: l.current },
            previous: r.previous && { ...r.previous, liability: l.previous },
          });
          // The current figure came from the kept balances; the previous one needs the ledger.
          if (l.pending) return e.liability(o, true).then(show);
        };
        e.liability(o)
          .then(show)
          // Without the ledger the other reports still stand; the liability stays pending.
          .catch(() => {});
      })
      .catch((err: unknown) => {
        if (!stale)
          setStatus({ phase: 'error', message: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      stale = true;
    };
  }, [version, optionsKey]);

  const drill = useCallback(
    async (query: DrillQuery) => {
      if (!engine.current) return [];
      const o = { ...(JSON.parse(optionsKey) as ReportOptions), now: computedAt.current };
      const customers = await engine.current.drill(o, query);
      return customers.map((c) => ids.current[c]!).filter((id) => id !== undefined);
    },
    [optionsKey],
  );

  return {
    status,
    result,
    cancel: () => abort.current?.abort(),
    reload: () => setReloadToken((n) => n + 1),
    drill,
    contactId: (c) => ids.current[c],
  };
}
