/** "Back" links between screens (a report's drill-down back to the report). */
export const back = {
  '/reports': 'Back to Reports',
};
