/**
 * The native <input type="datetime-local"> speaks "YYYY-MM-DDTHH:mm" in local time: keyboard
 * friendly everywhere, and the browser's own picker. These convert to and from ISO instants.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The ISO instant a local input value means, or '' when it is not a valid date and time. */
export function fromLocalInput(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
