import { formatLocal, formatUtc } from './format';

/**
 * A date-time in the browser's time zone, with the exact UTC time on hover (title) and as the
 * machine-readable value of the <time> element.
 */
export function DateTime({ value, seconds = false }: { value: string | null | undefined; seconds?: boolean }) {
  if (!value) return <span>—</span>;
  return (
    <time dateTime={value} title={formatUtc(value, true)} style={{ whiteSpace: 'nowrap' }}>
      {formatLocal(value, seconds)}
    </time>
  );
}
