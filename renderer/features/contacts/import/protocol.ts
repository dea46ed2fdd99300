/** Messages between the import screen and the worker that parses and validates files. */
import type { ImportReadError } from '../../../../shared/contacts/import-file';
import type { CustomFieldDef } from '../../../../shared/contacts/custom-fields';
import type { ColumnMapping } from '../../../../shared/contacts/import-mapping';
import type { PreparedRow } from '../../../../shared/contacts/import-rows';
import type { ImportFileKind } from '../../../../shared/contacts/file-kind';
import type { TextEncodingName } from '../../../../shared/text-encoding';

export type WorkerRequest =
  /**
   * Read a file: `bytes` the first time (transferred, kept by the worker), then again without
   * bytes when the user picks another `encoding` in the preview.
   */
  | {
      type: 'parse';
      name: string;
      bytes?: Uint8Array;
      encoding?: TextEncodingName;
      /** Names of the shop's own fields: a column by one of these names is kept as that field. */
      knownFields?: string[];
    }
  | {
      type: 'prepare';
      mapping: ColumnMapping[];
      today: string;
      phoneRegion: string;
      /** Words for values kept in the note, in the user's language. */
      noteLabels: Record<string, string>;
      /** The shop's fields kept columns go to (existing, and those the import will create). */
      customFields?: CustomFieldDef[];
    };

export type ParseError = ImportReadError;

export type WorkerResponse =
  | {
      type: 'parsed';
      kind: ImportFileKind;
      encoding: TextEncodingName;
      headers: string[];
      /** The first rows, for the mapping step. */
      sample: string[][];
      rowCount: number;
      guess: ColumnMapping[];
      /** vCard: the names of the other apps' properties found, offered as fields. */
      customNames: string[];
    }
  | { type: 'parse-error'; error: ParseError; line?: number; encoding?: TextEncodingName }
  | { type: 'progress'; done: number; total: number }
  | { type: 'prepared'; rows: PreparedRow[] };
