/**
 * Saving report data through the host (a save dialog and an atomic write in the desktop app, a
 * download in a browser): tables as CSV text, charts as PNG bytes.
 */
import type { HostApi } from '../../../shared/host-api';
import { toCsv, type CsvCell } from '../../../shared/reports';

export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

export async function saveCsv(host: HostApi, name: string, table: CsvTable, filterName: string) {
  // The byte-order mark makes Excel read the file as UTF-8 (names with accents, "Rp").
  return host.saveFile({
    suggestedName: `${name}.csv`,
    content: `\uFEFF${toCsv(table.header, table.rows)}`,
    mimeType: 'text/csv',
    filters: [{ name: filterName, extensions: ['csv'] }],
  });
}

/** The PNG bytes of a canvas (what the chart shows, at its resolution). */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('the chart could not be drawn as PNG'));
      blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
    }, 'image/png');
  });
}

export async function savePng(
  host: HostApi,
  name: string,
  bytes: Uint8Array<ArrayBuffer>,
  filterName: string,
) {
  return host.saveFile({
    suggestedName: `${name}.png`,
    bytes,
    mimeType: 'image/png',
    filters: [{ name: filterName, extensions: ['png'] }],
  });
}
