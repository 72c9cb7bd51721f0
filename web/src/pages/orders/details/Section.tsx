import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card that is also a labelled region (`<section aria-labelledby>`), so each part is findable by name. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder radius="md" p={{ base: 'sm', sm: 'md' }} aria-labelledby={`${id}-title`}>
      <Title order={2} size="h4" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Label/value pairs as a definition list that wraps into one column on phones. */
export function Facts({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <dl
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 150px), 1fr))',
        gap: '0.75rem 1.5rem',
        margin: 0,
      }}
    >
      {items.map(([label, value]) => (
        <div key={label} style={{ minWidth: 0 }}>
          <dt style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)' }}>{label}</dt>
          <dd style={{ margin: 0, overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)' }}>
            {value ?? '—'}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Pretty-printed JSON in a scrollable pre. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      style={{
        margin: 0,
        padding: '0.75rem',
        maxHeight: 480,
        overflow: 'auto',
        fontSize: 12,
        background: 'var(--mantine-color-default-hover)',
        borderRadius: 'var(--mantine-radius-sm)',
        whiteSpace: 'pre',
      }}
    >
      {JSON.stringify(value, null, 2) ?? 'null'}
    </pre>
  );
}
