/**
 * Chart.js pieces the reports use, registered once (tree-shaken: only these are bundled), and a
 * plugin that paints a white background so an exported PNG is not transparent.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js';

const whiteBackground: Plugin = {
  id: 'kenalWhiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
  whiteBackground,
);

/** Colors that read on white and in grey print. */
export const COLORS = {
  revenue: '#228be6',
  buyers: '#e8590c',
  promoters: '#2f9e44',
  passives: '#adb5bd',
  detractors: '#e03131',
  segment: '#1c7ed6',
};
