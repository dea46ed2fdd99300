/** Export actions with a confirmation or an error message. */
import { notifications } from '@mantine/notifications';
import type { Chart } from 'chart.js';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../app/services';
import { canvasPng, saveCsv, savePng, type CsvTable } from './export';

export function useReportExport() {
  const { t } = useTranslation();
  const host = useHost();
  const fail = () => notifications.show({ color: 'red', message: t('reports.chart.exportFailed') });
  return {
    async csv(name: string, table: CsvTable) {
      try {
        const r = await saveCsv(host, name, table, t('reports.files.csv'));
        if (r.saved)
          notifications.show({
            message: t('reports.chart.exported', { name: r.location ?? `${name}.csv` }),
            autoClose: 3000,
          });
      } catch {
        fail();
      }
    },
    async png(name: string, chart: Chart | null | undefined) {
      if (!chart) return fail();
      try {
        const r = await savePng(host, name, await canvasPng(chart.canvas), t('reports.files.png'));
        if (r.saved)
          notifications.show({
            message: t('reports.chart.exported', { name: r.location ?? `${name}.png` }),
            autoClose: 3000,
          });
      } catch {
        fail();
      }
    },
  };
}
