/**
 * Saving report data: CSV through the host (a save dialog in the desktop app, a download in a
 * browser) and charts as PNG through a download link built from the chart's data URL, because
 * HostApi.saveFile only takes text today.
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

/** Download a data URL ("data:image/png;base64,...") as a file. */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}
