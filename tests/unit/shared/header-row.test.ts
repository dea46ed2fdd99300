/**
 * A file whose header is not its first row (a spreadsheet's title, LinkedIn's notes, a POS
 * report's period lines) is read from its real header, in the contacts and the sales import.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importFileSize, rawContactAt, readImportFile } from '../../../shared/contacts/import-file';
import { guessMapping } from '../../../shared/contacts/import-mapping';
import { prepareRow } from '../../../shared/contacts/import-rows';
import { findHeaderRow, nonBlankRows } from '../../../shared/header-row';
import { guessSalesMapping, isKnownSalesHeader } from '../../../shared/loyalty/sales-import';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { loadSalesWorker } from '../sales/worker-harness';
import Papa from 'papaparse';

function contacts(name: string) {
  const bytes = new Uint8Array(readFileSync(`tests/fixtures/contacts/${name}`));
  const file = readImportFile(name, bytes, 'utf-8');
  if (!file.ok || file.kind !== 'csv') throw new Error('not read');
  const mapping = guessMapping(file.headers, file.rows);
  const rows = Array.from({ length: importFileSize(file) }, (_, i) =>
    prepareRow(rawContactAt(file, i, mapping), '2026-12-04'),
  );
  return { file, mapping, rows };
}

describe('findHeaderRow', () => {
  const known = (h: string) => ['name', 'phone', 'email'].includes(h.toLowerCase());
  it('is the first row of an ordinary file, and of a file with no known header at all', () => {
    expect(
      findHeaderRow(
        [
          ['Name', 'Phone'],
          ['Siti', '0812'],
        ],
        known,
      ),
    ).toBe(0);
    expect(
      findHeaderRow(
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        known,
      ),
    ).toBe(0);
  });
  it('skips a title and an empty row above the header', () => {
    expect(
      findHeaderRow([['My shop'], [''], ['Name', 'Phone', 'Email'], ['Siti', '0812', '']], known),
    ).toBe(2);
  });
});

describe('contacts', () => {
  it('LinkedIn Connections.csv: the notes above the header are skipped, both people kept', () => {
    const { file, rows } = contacts('linkedin-connections.csv');
    expect(file.headers[0]).toBe('First Name');
    const ok = rows.flatMap((r) => (r.ok ? [r.fields] : []));
    expect(ok.map((f) => [f.name, f.organization, f.jobTitle])).toEqual([
      ['Siti Rahayu', 'Toko Batik', 'Owner'],
      ['Budi Santoso', 'PT Maju', 'Sales Manager'],
    ]);
    expect(ok[0]!.websites).toEqual(['https://www.linkedin.com/in/siti']);
    // Row 5 in a spreadsheet: the notes (2 rows, one spanning lines) and an empty row above.
    expect(rows[0]!.line).toBe(5);
  });

  it('a spreadsheet with a title: everyone kept; the "No" column of row numbers is no phone', () => {
    const { mapping, rows } = contacts('spreadsheet-with-title.csv');
    expect(mapping[0]).toEqual({ field: 'ignore' });
    // Rows numbered as Excel shows them: the title, the date and the empty row counted.
    expect(rows.map((r) => r.ok && [r.line, r.fields.name, r.fields.phones[0]?.e164])).toEqual([
      [5, 'Bu Siti', '+6281234567890'],
      [6, 'Pak Budi', '+6285711112222'],
    ]);
  });
});

describe('sales', () => {
  const opened: Repositories[] = [];
  let run: Awaited<ReturnType<typeof loadSalesWorker>>;
  beforeAll(async () => {
    run = await loadSalesWorker();
  });
  afterEach(async () => {
    for (const r of opened.splice(0)) {
      r.db.close();
      await r.db.delete();
    }
  });

  it('a POS report with its title and period above the header imports every sale', async () => {
    const text = readFileSync('tests/fixtures/sales/report-with-title.csv', 'utf8');
    // As the import window finds it: blank rows dropped, each row keeping its number.
    const { rows, lines } = nonBlankRows(Papa.parse<string[]>(text).data);
    const at = findHeaderRow(rows, isKnownSalesHeader);
    expect(rows[at]![0]).toBe('No. Struk');
    const dbName = `titled-${Math.random().toString(36).slice(2)}`;
    const repos = await openRepositories(dbName);
    opened.push(repos);
    const done = await run({
      text,
      mapping: guessSalesMapping(rows[at]!),
      order: 'dmy',
      awardPoints: false,
      dbName,
      headerLine: lines[at]!,
    });
    expect(done).toMatchObject({ type: 'done', result: { added: 2, contactsCreated: 2 } });
    expect((await repos.db.sales.toArray()).map((s) => s.invoiceNo).sort()).toEqual([
      'S-01',
      'S-02',
    ]);
  });
});
