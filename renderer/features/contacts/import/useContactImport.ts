/**
 * The contact import's state machine: pick a file, read it (in a worker), map its columns
 * (CSV), check every row and plan the import (preview), run it, show the result. The steps'
 * components only show a state and call these actions.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { writeCsv } from '../../../../shared/contacts/csv-write';
import { planCustomFields, type CustomFieldDef } from '../../../../shared/contacts/custom-fields';
import { MAX_IMPORT_BYTES } from '../../../../shared/contacts/file-kind';
import type { ColumnMapping } from '../../../../shared/contacts/import-mapping';
import {
  planCounts,
  planImport,
  type DuplicateChoice,
  type PlanAction,
  type PlanCounts,
} from '../../../../shared/contacts/import-plan';
import type { ImportProblem, PreparedRow } from '../../../../shared/contacts/import-rows';
import { localCalendarDate } from '../../../../shared/dates';
import { newId } from '../../../../shared/ids';
import type { TextEncodingName } from '../../../../shared/text-encoding';
import { useHost, useRepositories } from '../../../app/services';
import type { ImportSummary } from '../../../db';
import { ImportSession, type ParseResult } from './import-session';

export interface MapState {
  step: 'map';
  headers: string[];
  sample: string[][];
  mapping: ColumnMapping[];
  encoding: TextEncodingName;
}

export interface PreviewState {
  step: 'preview';
  rows: PreparedRow[];
  /** What the import will do with each ready row (the same plan importMany executes). */
  plan: PlanAction[];
  counts: PlanCounts;
  mapping: ColumnMapping[];
  encoding: TextEncodingName;
  /** The shop's fields kept columns go to, and which of them the import creates. */
  fields: CustomFieldDef[];
  created: CustomFieldDef[];
  /** vCard: the other apps' properties found, and those the user keeps. */
  found: string[];
  keep: string[];
}

export type ImportState =
  | { step: 'pick'; error?: string }
  | { step: 'busy'; label: 'reading' | 'checking'; done?: number; total?: number }
  | MapState
  | PreviewState
  | { step: 'importing'; done: number; total: number }
  | { step: 'done'; summary: ImportSummary }
  | { step: 'cancelled' };

const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const PARSE_ERRORS = {
  empty: 'contacts.import.errors.empty',
  'no-rows': 'contacts.import.errors.noRows',
  'broken-quotes': 'contacts.import.errors.brokenQuotes',
  'not-contacts': 'contacts.import.errors.notContacts',
} as const;

/** Fields whose label goes in front of a value the import moves to the note. */
const NOTE_LABEL_FIELDS = [
  'name',
  'phone',
  'email',
  'birthday',
  'gender',
  'consent',
  'address',
  'city',
  'nickname',
  'organization',
  'jobTitle',
  'websites',
  'otherAddresses',
  'tags',
  'source',
] as const;

const readyFields = (rows: readonly PreparedRow[]) => rows.flatMap((r) => (r.ok ? [r.fields] : []));

/** A row's problems as one line of text, in the current language. */
export function useReasonText() {
  const { t } = useTranslation();
  return (problems: readonly ImportProblem[]) =>
    problems
      .map(
        (p) =>
          `${t(`contacts.import.field.${p.field}`, { defaultValue: p.field })}: ${t(p.message)}${p.value ? ` (${p.value})` : ''}`,
      )
      .join('; ');
}

export function useContactImport(onClose: () => void) {
  const { t } = useTranslation();
  const host = useHost();
  const reasonText = useReasonText();
  const { contacts, customFields } = useRepositories();
  const [state, setState] = useState<ImportState>({ step: 'pick' });
  const [choice, setChoice] = useState<DuplicateChoice>('skip');
  const session = useRef<ImportSession | null>(null);
  const abort = useRef<AbortController | null>(null);

  const reset = () => {
    session.current?.dispose();
    session.current = null;
    setState({ step: 'pick' });
    setChoice('skip');
  };
  useEffect(() => () => session.current?.dispose(), []);

  const close = () => {
    if (state.step === 'importing') return;
    reset();
    onClose();
  };

  /**
   * Check every row and plan the import. `found`/`keep`: a vCard's other-app properties and
   * those kept as fields (a CSV's kept columns are in its mapping).
   */
  const prepare = async (
    mapping: ColumnMapping[],
    encoding: TextEncodingName,
    found: string[] = [],
    keep: string[] = found,
  ) => {
    const s = session.current;
    if (!s) return;
    setState({ step: 'busy', label: 'checking', done: 0 });
    const names = [
      ...mapping.flatMap((m) => (m.field === 'custom' && m.customName ? [m.customName] : [])),
      ...keep,
    ];
    const fieldPlan = planCustomFields(names, await customFields.list(), () => newId(Date.now()));
    const noteLabels = Object.fromEntries(
      NOTE_LABEL_FIELDS.map((f) => [f, t(`contacts.import.field.${f}`)]),
    );
    const rows = await s.prepare(
      {
        mapping,
        today: localCalendarDate(new Date()),
        phoneRegion: await contacts.phoneRegion(),
        noteLabels,
        customFields: [...fieldPlan.byName.values()],
      },
      (done, total) => setState({ step: 'busy', label: 'checking', done, total }),
    );
    // The same plan the import makes (shared/contacts/import-plan.ts), so its counts are true.
    const index = await contacts.matchIndex();
    const plan = planImport(readyFields(rows), (k) => index.get(k));
    setState({
      step: 'preview',
      rows,
      plan,
      counts: planCounts(plan),
      mapping,
      encoding,
      fields: [...fieldPlan.byName.values()],
      created: fieldPlan.created,
      found,
      keep,
    });
  };

  /** After a file is read (or read again in another encoding): map its columns, or preview. */
  const afterParse = async (parsed: ParseResult) => {
    if (parsed.type === 'parse-error') {
      setState({ step: 'pick', error: t(PARSE_ERRORS[parsed.error], { line: parsed.line }) });
      return;
    }
    if (parsed.kind === 'vcard') await prepare([], parsed.encoding, parsed.customNames);
    else
      setState({
        step: 'map',
        headers: parsed.headers,
        sample: parsed.sample,
        mapping: parsed.guess,
        encoding: parsed.encoding,
      });
  };

  const changeEncoding = async (encoding: TextEncodingName) => {
    const s = session.current;
    if (!s) return;
    setState({ step: 'busy', label: 'reading' });
    await afterParse(await s.reparse(encoding));
  };

  const pick = async () => {
    const result = await host.openFile({
      filters: [{ name: 'CSV / vCard', extensions: ['csv', 'vcf', 'txt'] }],
      maxBytes: MAX_IMPORT_BYTES,
      asBytes: true,
    });
    if (result.status === 'cancelled') return;
    if (result.status === 'too-large') {
      setState({
        step: 'pick',
        error: t('contacts.import.errors.tooLarge', {
          size: formatMb(result.size),
          max: formatMb(MAX_IMPORT_BYTES),
        }),
      });
      return;
    }
    setState({ step: 'busy', label: 'reading' });
    session.current?.dispose();
    const s = new ImportSession();
    session.current = s;
    const bytes = result.file.bytes ?? new TextEncoder().encode(result.file.content);
    const known = (await customFields.list()).map((f) => f.name);
    await afterParse(await s.parse(result.file.name, bytes, known));
  };

  const run = async ({ rows, created }: PreviewState) => {
    const ready = readyFields(rows);
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'importing', done: 0, total: ready.length });
    try {
      const summary = await contacts.importMany(ready, {
        onDuplicate: choice,
        newCustomFields: created,
        signal: controller.signal,
        onProgress: (done, total) => setState({ step: 'importing', done, total }),
      });
      setState({ step: 'done', summary });
    } catch (e) {
      if (controller.signal.aborted) setState({ step: 'cancelled' });
      else
        setState({
          step: 'pick',
          error: t('contacts.import.errors.failed', {
            message: e instanceof Error ? e.message : String(e),
          }),
        });
    }
  };

  const downloadRejected = async (rows: readonly PreparedRow[]) => {
    const rejected = rows.flatMap((r) => (r.ok ? [] : [r]));
    const csv = writeCsv([
      [t('contacts.import.line'), t('contacts.import.reason'), '…'],
      ...rejected.map((r) => [String(r.line), reasonText(r.problems), ...r.original]),
    ]);
    await host.saveFile({
      suggestedName: `${t('contacts.import.rejectedFileName')}.csv`,
      content: csv,
      mimeType: 'text/csv;charset=utf-8',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  };

  return {
    state,
    choice,
    setChoice,
    pick,
    changeEncoding,
    /** The mapping step's choices, edited in place. */
    setMapping: (mapping: ColumnMapping[]) =>
      setState((s) => (s.step === 'map' ? { ...s, mapping } : s)),
    prepare,
    run,
    cancel: () => abort.current?.abort(),
    downloadRejected,
    reset,
    close,
  };
}

export type ContactImport = ReturnType<typeof useContactImport>;
