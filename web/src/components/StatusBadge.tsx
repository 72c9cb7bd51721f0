import { Badge } from '@mantine/core';
import { humanize } from './format';

const COLORS: Record<string, string> = {
  active: 'green',
  succeeded: 'green',
  ok: 'green',
  confirmed: 'green',
  applied: 'green',
  created: 'green',
  running: 'blue',
  queued: 'blue',
  pending: 'yellow',
  partial: 'yellow',
  held: 'orange',
  disabled: 'gray',
  skipped: 'gray',
  failed: 'red',
  dead: 'red',
  invalid: 'red',
  error: 'red',
};

/** A coloured badge for a status code ("succeeded", "failed", "active", …). */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return (
    // max-content: in table cells and flex rows the badge would otherwise shrink to "SUCCE…".
    <Badge color={COLORS[status.toLowerCase()] ?? 'gray'} variant="light" miw="max-content">
      {label ?? humanize(status)}
    </Badge>
  );
}
