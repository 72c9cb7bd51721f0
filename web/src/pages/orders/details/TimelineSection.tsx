import { Badge, Button, Collapse, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DateTime, EmptyState } from '../../../components';
import type { EventDirection, OrderEvent } from '../types';
import { eventName } from './event-names';
import { DIRECTION_COLORS, DIRECTION_LABELS } from './format';
import { JsonBlock, Section } from './Section';

function TimelineEntry({ event }: { event: OrderEvent }) {
  const [open, setOpen] = useState(false);
  const hasDetails = event.payload !== null && event.payload !== undefined;
  const detailsId = `event-${event.id}-details`;
  return (
    <Paper component="li" withBorder radius="sm" p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={500}>
            <DateTime value={event.occurredAt} seconds />
          </Text>
          <Badge color={DIRECTION_COLORS[event.direction]} variant="light" style={{ textTransform: 'none' }}>
            {DIRECTION_LABELS[event.direction] ?? event.direction}
          </Badge>
          <Text size="sm" fw={600} title={`Event: ${event.kind}`} data-event-kind={event.kind}>
            {eventName(event.kind)}
          </Text>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {event.summary}
        </Text>
        {hasDetails && (
          <>
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              aria-controls={detailsId}
              style={{ alignSelf: 'flex-start' }}
            >
              {open ? 'Hide details' : 'Show details'}
            </Button>
            <Collapse expanded={open} id={detailsId} keepMounted={false}>
              <JsonBlock value={event.payload} label={`Details of ${eventName(event.kind)} at ${event.occurredAt}`} />
            </Collapse>
          </>
        )}
      </Stack>
    </Paper>
  );
}

const directionOptions = (Object.keys(DIRECTION_LABELS) as EventDirection[]).map((d) => ({
  value: d,
  label: DIRECTION_LABELS[d],
}));

/** Every event of the order, oldest first: each call in both directions plus OrderBridge's own decisions. */
export function TimelineSection({ events }: { events: OrderEvent[] }) {
  const [direction, setDirection] = useState<string | null>(null);
  const sorted = [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const shown = direction ? sorted.filter((e) => e.direction === direction) : sorted;
  return (
    <Section id="timeline" title="Timeline">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Text size="sm" c="dimmed">
            {events.length} event{events.length === 1 ? '' : 's'}, oldest first. Times in your time zone (hover for
            UTC).
          </Text>
          <Select
            label="Direction"
            placeholder="All directions"
            data={directionOptions}
            value={direction}
            onChange={setDirection}
            clearable
            size="xs"
            w={{ base: '100%', xs: 220 }}
          />
        </Group>
        {shown.length === 0 ? (
          <EmptyState title="No events" description={direction ? 'No events in this direction.' : undefined} />
        ) : (
          <Stack component="ol" gap="xs" p={0} m={0} aria-label="Timeline events">
            {shown.map((e) => (
              <TimelineEntry key={e.id} event={e} />
            ))}
          </Stack>
        )}
      </Stack>
    </Section>
  );
}
