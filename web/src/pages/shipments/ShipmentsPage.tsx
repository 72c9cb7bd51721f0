import { Anchor, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useConnectionNames, useConnections, useOrders } from '../orders/queries';
import { SHIPMENT_STATES, useShipments } from './queries';
import { ShipmentsTable } from './ShipmentsTable';

const PAGE = 100;
const MAX = 1000;

/** /shipments?connection=…&state=…: every store shipment and its confirmation on Amazon. */
export default function ShipmentsPage() {
  const [params, setParams] = useSearchParams();
  const connection = params.get('connection') ?? undefined;
  const state = params.get('state') ?? undefined;
  const [limit, setLimit] = useState(PAGE);
  const connections = useConnections();
  const connectionName = useConnectionNames();
  const shipments = useShipments({ connection, state, limit });
  // Shipments carry OrderBridge's order id; the recent orders name them by Amazon's order id.
  const orders = useOrders({ connection, limit: 500, offset: 0 });
  const amazonIds = useMemo(
    () => new Map((orders.data?.orders ?? []).map((o) => [o.id, o.amazonOrderId])),
    [orders.data],
  );
  const setFilter = (key: 'connection' | 'state', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setLimit(PAGE);
    setParams(next);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="Shipments"
        description="Shipments made in the store and their confirmation on Amazon: carrier, tracking number, when and any error."
      />
      <Group align="flex-end" gap="sm" role="search" aria-label="Filter shipments">
        <Select
          label="Connection"
          placeholder="All connections"
          data={(connections.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={connection ?? null}
          onChange={(v) => setFilter('connection', v)}
          clearable
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={SHIPMENT_STATES}
          value={state ?? null}
          onChange={(v) => setFilter('state', v)}
          clearable
          w={{ base: '100%', sm: 240 }}
        />
      </Group>
      <ErrorAlert
        error={shipments.error}
        title="Could not load the shipments"
        onRetry={() => void shipments.refetch()}
      />
      {shipments.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">Loading shipments…</Text>
        </Group>
      )}
      {shipments.data?.length === 0 && (
        <EmptyState
          title="No shipments"
          description="A shipment appears here when an order is shipped in the store; OrderBridge then confirms it on Amazon."
          action={
            <Anchor component={Link} to="/orders">
              Go to orders
            </Anchor>
          }
        />
      )}
      {shipments.data && shipments.data.length > 0 && (
        <>
          <ShipmentsTable
            shipments={shipments.data}
            connectionName={connectionName}
            amazonOrderId={(id) => amazonIds.get(id)}
          />
          {shipments.data.length >= limit && limit < MAX && (
            <Button variant="default" onClick={() => setLimit((l) => Math.min(MAX, l + PAGE))} w="fit-content">
              Show more
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
