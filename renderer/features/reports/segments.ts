/** How each RFM segment looks: a Mantine color, warm for the ones to act on. */
import type { RfmSegment } from '../../../shared/reports';

export const SEGMENT_COLORS: Record<RfmSegment, string> = {
  champions: 'teal',
  loyal: 'green',
  potentialLoyalist: 'lime',
  new: 'cyan',
  promising: 'blue',
  needAttention: 'yellow',
  atRisk: 'orange',
  cantLoseThem: 'red',
  hibernating: 'grape',
  lost: 'gray',
};

/** Hex of the same colors (Chart.js draws on a canvas, not with CSS variables). */
export const SEGMENT_HEX: Record<RfmSegment, string> = {
  champions: '#12b886',
  loyal: '#40c057',
  potentialLoyalist: '#82c91e',
  new: '#15aabf',
  promising: '#228be6',
  needAttention: '#fab005',
  atRisk: '#fd7e14',
  cantLoseThem: '#fa5252',
  hibernating: '#be4bdb',
  lost: '#868e96',
};
