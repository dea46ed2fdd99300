/** Messages between the import screen and the worker that parses and validates files. */
import type { ColumnMapping } from '../../../../shared/contacts/import-mapping';
import type { PreparedRow } from '../../../../shared/contacts/import-rows';
import type { ImportFileKind } from '../../../../shared/contacts/file-kind';

export type WorkerRequest =
  | { type: 'parse'; kind: ImportFileKind; text: string }
  | { type: 'prepare'; mapping: ColumnMapping[]; today: string };

export type ParseError = 'empty' | 'no-rows' | 'broken-quotes' | 'not-contacts';

export type WorkerResponse =
  | {
      type: 'parsed';
      kind: ImportFileKind;
      headers: string[];
      /** The first rows, for the mapping step. */
      sample: string[][];
      rowCount: number;
      guess: ColumnMapping[];
    }
  | { type: 'parse-error'; error: ParseError; line?: number }
  | { type: 'progress'; done: number; total: number }
  | { type: 'prepared'; rows: PreparedRow[] };
