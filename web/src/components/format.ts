/**
 * Display helpers. Money arrives as decimal strings ("1234.50") and is only ever displayed as given
 * (digits grouped), never parsed to a float for arithmetic. Times are shown in the browser's time
 * zone with the UTC time on hover (the API speaks UTC only).
 */

/** "1234567.5" → "1,234,567.5"; a non-decimal string is returned unchanged. */
export function groupDigits(amount: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign = '', int = '', fraction = ''] = match;
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

/** "19.99", "EUR" → "19.99 EUR"; null → "—". */
export function formatMoney(amount: string | null | undefined, currency?: string | null): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  return currency ? `${groupDigits(amount)} ${currency}` : groupDigits(amount);
}

/** ISO date-time → "2026-11-29 07:08:20 UTC"; null → "—". */
export function formatUtc(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const s = date.toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, withSeconds ? 19 : 16)} UTC`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The browser's short name of its time zone at that moment, e.g. "CET", "GMT+1", "EST". */
function zoneName(date: Date): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** ISO date-time → "2026-11-29 08:08 CET" in the browser's time zone; null → "—". */
export function formatLocal(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${withSeconds ? `:${pad(d.getSeconds())}` : ''}`;
  return `${date} ${time} ${zoneName(d)}`.trim();
}

/** ISO date-time → "2026-11-29" (UTC). */
export function formatUtcDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

/** "import_unlinked" → "Import unlinked". */
export function humanize(code: string): string {
  const s = code.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
