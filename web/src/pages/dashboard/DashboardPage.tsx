import { Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { MarketplaceRegion } from '../../api/types';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { ATTENTION_LIMIT, useConnections, useNeedsAttention, useOrders } from '../orders/queries';
import { ConnectionCard } from './ConnectionCard';
import { OrdersPerDayChart } from './OrdersPerDayChart';

function useMarketplaceNames() {
  const { data } = useQuery({
    queryKey: ['reference', 'marketplaces'],
    queryFn: () => api<{ regions: MarketplaceRegion[] }>('GET', '/api/reference/marketplaces'),
    staleTime: Infinity,
  });
  const names = new Map((data?.regions ?? []).flatMap((r) => r.marketplaces.map((m) => [m.id, m.name] as const)));
  return (id: string) => names.get(id) ?? id;
}

function StatCard({
  title,
  value,
  detail,
  link,
  tone,
}: {
  title: string;
  value: ReactNode;
  detail?: ReactNode;
  link: ReactNode;
  tone?: 'warning';
}) {
  const id = `stat-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="md"
      aria-labelledby={id}
      style={tone === 'warning' ? { borderColor: 'var(--mantine-color-orange-5)' } : undefined}
    >
      <Stack gap={4}>
        <Title order={2} size="h6" c="dimmed" id={id}>
          {title}
        </Title>
        <Text fz={28} fw={700} lh={1.2} c={tone === 'warning' ? 'orange.7' : undefined}>
          {value}
        </Text>
        {detail && (
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        )}
        {link}
      </Stack>
    </Paper>
  );
}

/** `/`: connections with their last sync, orders per day, needs-attention count; onboarding when empty. */
export default function DashboardPage() {
  const connections = useConnections();
  const attention = useNeedsAttention();
  const orders = useOrders({ limit: 1, offset: 0 });
  const marketplace = useMarketplaceNames();

  if (connections.isPending) {
    return (
      <Stack gap="md">
        <PageHeader title="Dashboard" />
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">Loading…</Text>
        </Group>
      </Stack>
    );
  }
  if (connections.error) {
    return (
      <Stack gap="md">
        <PageHeader title="Dashboard" />
        <ErrorAlert
          error={connections.error}
          title="Could not load your connections"
          onRetry={() => void connections.refetch()}
        />
      </Stack>
    );
  }

  const list = connections.data;
  if (list.length === 0) {
    return (
      <Stack gap="md">
        <PageHeader title="Dashboard" />
        <EmptyState
          title="Connect your Amazon seller account"
          description="You have no connections yet. Add a connection to import your Amazon orders and deliver them to your store."
          action={
            <Button component={Link} to="/connections/new" mt="sm">
              Add connection
            </Button>
          }
        />
      </Stack>
    );
  }

  const attentionCount = attention.data?.length;
  const active = list.filter((c) => c.active && c.config.active !== false).length;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Dashboard"
        description="Your Amazon connections at a glance."
        actions={
          <Button component={Link} to="/connections/new" variant="light">
            Add connection
          </Button>
        }
      />

      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <StatCard
          title="Needs attention"
          tone={attentionCount ? 'warning' : undefined}
          value={
            attention.isPending
              ? '…'
              : attention.error
                ? '?'
                : `${attentionCount ?? 0}${attentionCount !== undefined && attentionCount >= ATTENTION_LIMIT ? '+' : ''}`
          }
          detail={
            attention.error
              ? 'Could not load the queue'
              : attentionCount
                ? `order${attentionCount === 1 ? '' : 's'} held or failed`
                : 'Nothing needs your attention'
          }
          link={
            <Anchor component={Link} to="/attention" size="sm">
              Open needs attention
            </Anchor>
          }
        />
        <StatCard
          title="Orders"
          value={orders.isPending ? '…' : orders.error ? '?' : (orders.data?.total ?? 0)}
          detail="imported from Amazon"
          link={
            <Anchor component={Link} to="/orders" size="sm">
              View all orders
            </Anchor>
          }
        />
        <StatCard
          title="Connections"
          value={list.length}
          detail={`${active} active`}
          link={
            <Anchor component={Link} to="/connections" size="sm">
              Manage connections
            </Anchor>
          }
        />
      </SimpleGrid>

      <OrdersPerDayChart connections={list} />

      <Stack component="section" gap="sm" aria-labelledby="dashboard-connections-title">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4" id="dashboard-connections-title">
            Connections
          </Title>
          <Anchor component={Link} to="/sync-runs" size="sm">
            All sync runs
          </Anchor>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {list.map((c) => (
            <ConnectionCard key={c.id} connection={c} marketplace={marketplace(c.marketplaceId)} />
          ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
