/**
 * Which row of a CSV is its header. Spreadsheets often put a title, a date or an empty row
 * above it ("DAFTAR PELANGGAN", "Laporan Penjualan / Periode ..."), and LinkedIn's export starts
 * with a paragraph of notes; read from row 1, every person of such a file would be lost.
 */

/** How far down a header is looked for. */
export const HEADER_LOOKAHEAD = 20;

/**
 * The index of the row among the first HEADER_LOOKAHEAD whose cells name the most columns the
 * import knows (`known`); the first such row on a tie, and 0 when no row names two.
 */
export function findHeaderRow(
  rows: readonly (readonly string[])[],
  known: (header: string) => boolean,
): number {
  let best = 0;
  let bestScore = 1;
  const n = Math.min(rows.length, HEADER_LOOKAHEAD);
  for (let i = 0; i < n; i++) {
    let score = 0;
    for (const cell of rows[i]!) if (cell.trim() !== '' && known(cell)) score++;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** A row with nothing in it (an empty line, or only separators: ",,,"). */
export const isBlankRow = (cells: readonly string[]): boolean =>
  cells.every((c) => c.trim() === '');

/**
 * The rows of a parsed CSV without its blank rows, each with its row number as a spreadsheet
 * shows it (1-based, counting the blank rows and one row per record even when a quoted cell
 * spans lines), so "row 7" in a message is row 7 in Excel.
 */
export function nonBlankRows(records: readonly string[][]): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  records.forEach((r, i) => {
    if (isBlankRow(r)) return;
    rows.push(r);
    lines.push(i + 1);
  });
  return { rows, lines };
}
