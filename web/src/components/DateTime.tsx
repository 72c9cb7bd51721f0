import { formatUtc } from './format';

/** A UTC date-time in a <time> element (machine-readable value in dateTime). */
export function DateTime({ value, seconds = false }: { value: string | null | undefined; seconds?: boolean }) {
  if (!value) return <span>—</span>;
  return (
    <time dateTime={value} style={{ whiteSpace: 'nowrap' }}>
      {formatUtc(value, seconds)}
    </time>
  );
}
