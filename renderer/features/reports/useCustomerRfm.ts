/**
 * Each contact's R, F, M scores and segment as of now, from the report engine: the scores rank a
 * customer against the whole book, so they come from the same dataset and the same scoring as
 * the Reports screen (the engine keeps its read for the session; an unchanged book reads
 * nothing again).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { RFM_SEGMENTS, type RfmSegment } from '../../../shared/reports';
import { useRepositories } from '../../app/services';
import { sharedReportEngine } from './report-engine';

export interface CustomerRfm {
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/** null: the contact has no purchase, so no scores. */
export type RfmLookup = (contactId: string) => CustomerRfm | null;

/** A function that reads (or reuses) the dataset and answers every contact's scores. */
export function useRfmLookup(): () => Promise<RfmLookup> {
  const { reports, db } = useRepositories();
  return useCallback(async () => {
    const engine = sharedReportEngine();
    const fingerprint = await reports.fingerprint();
    const ids = await engine.read({ dbName: db.name, reports, fingerprint });
    const s = await engine.scores(Date.now());
    const row = new Map<string, number>();
    for (let i = 0; i < s.customers.length; i++) {
      const id = ids[s.customers[i]!];
      if (id !== undefined) row.set(id, i);
    }
    return (contactId) => {
      const i = row.get(contactId);
      if (i === undefined) return null;
      return { r: s.r[i]!, f: s.f[i]!, m: s.m[i]!, segment: RFM_SEGMENTS[s.segment[i]!]! };
    };
  }, [reports, db]);
}

/** One contact's scores; undefined while computing or when they cannot be computed. */
export function useCustomerRfm(contactId: string): CustomerRfm | null | undefined {
  const { reports } = useRepositories();
  const fingerprint = useLiveQuery(() => reports.fingerprint(), [reports]);
  const lookup = useRfmLookup();
  const [value, setValue] = useState<{ id: string; rfm: CustomerRfm | null } | undefined>();
  useEffect(() => {
    if (fingerprint === undefined) return;
    let stale = false;
    lookup()
      .then((find) => {
        if (!stale) setValue({ id: contactId, rfm: find(contactId) });
      })
      // Scores are extra information on the page: without them the page still works.
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, [lookup, contactId, fingerprint]);
  return value?.id === contactId ? value.rfm : undefined;
}
