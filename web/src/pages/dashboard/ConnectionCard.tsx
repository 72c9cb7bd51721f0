import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Connection } from '../../api/types';
import { DateTime, StatusBadge } from '../../components';
import { useSyncRuns } from '../sync-runs/queries';

/** One connection: active or not, marketplace, store, and its latest sync run, with links. */
export function ConnectionCard({ connection, marketplace }: { connection: Connection; marketplace: string }) {
  const runs = useSyncRuns(connection.id, 1);
  const last = runs.data?.[0];
  const active = connection.active && connection.config.active !== false;
  const id = encodeURIComponent(connection.id);
  return (
    <Paper component="article" withBorder radius="md" p="md" aria-labelledby={`connection-${connection.id}-title`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5" id={`connection-${connection.id}-title`} style={{ overflowWrap: 'anywhere' }}>
            {connection.name}
          </Title>
          <Badge color={active ? 'green' : 'gray'} variant="light">
            {active ? 'Active' : 'Disabled'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {marketplace} · seller {connection.sellerId}
        </Text>
        <Text size="sm">{connection.storeId ? 'Delivers to a store' : 'No store linked yet'}</Text>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            Last sync
          </Text>
          {runs.isPending ? (
            <Text size="sm">Loading…</Text>
          ) : runs.error ? (
            <Text size="sm" c="red">
              Could not load the last sync
            </Text>
          ) : last ? (
            <Group gap="xs" wrap="wrap">
              <StatusBadge status={last.status} />
              <Text size="sm">
                <DateTime value={last.finishedAt ?? last.startedAt} />
              </Text>
              <Text size="xs" c="dimmed">
                {last.ordersSeen} seen, {last.ordersCreated + last.ordersUpdated} imported
                {last.ordersFailed > 0 ? `, ${last.ordersFailed} failed` : ''}
              </Text>
            </Group>
          ) : (
            <Text size="sm">Never synchronized</Text>
          )}
          {last?.errorMessage && (
            <Text size="xs" c="red" lineClamp={2}>
              {last.errorMessage}
            </Text>
          )}
        </Stack>
        <Group gap="md" mt={4} wrap="wrap">
          <Anchor
            component={Link}
            to={`/orders?connection=${id}`}
            size="sm"
            aria-label={`Orders of ${connection.name}`}
          >
            Orders
          </Anchor>
          <Anchor
            component={Link}
            to={`/sync-runs?connection=${id}`}
            size="sm"
            aria-label={`Sync runs of ${connection.name}`}
          >
            Sync runs
          </Anchor>
          <Anchor component={Link} to={`/connections/${id}`} size="sm" aria-label={`Settings of ${connection.name}`}>
            Settings
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
