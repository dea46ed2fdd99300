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
