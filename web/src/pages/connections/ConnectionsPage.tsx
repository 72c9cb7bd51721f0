import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Connection, MarketplaceRegion } from '../../api/types';
import { DateTime, EmptyState, ErrorAlert, PageHeader, ScrollTable, StatusBadge } from '../../components';
import { pulledTogetherWith } from './PulledTogether';
import { marketplaceLabel, useConnections, useMarketplaces, useStores } from './queries';

/** The other marketplaces of the same seller account, whose orders are synchronized with this one's. */
function PulledTogetherCell({
  connection,
  connections,
  regions,
}: {
  connection: Connection;
  connections: Connection[];
  regions: MarketplaceRegion[] | undefined;
}) {
  const others = pulledTogetherWith(connection, connections, regions);
  if (others.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Text size="sm">
      {others.join(', ')}
      {connection.sellerPull?.catchingUp ? ' (catching up first)' : ''}
    </Text>
  );
}

export default function ConnectionsPage() {
  const connections = useConnections();
  const marketplaces = useMarketplaces();
  const stores = useStores();
  const storeName = (id: string | null) =>
    id ? (stores.data?.stores.find((s) => s.id === id)?.name ?? id) : <Text c="dimmed">none</Text>;
  const list = connections.data?.connections ?? [];
  const addButton = (
    <Button component={Link} to="/connections/new">
      Add connection
    </Button>
  );

  return (
    <Stack>
      <PageHeader
        title="Connections"
        description="Amazon seller accounts whose orders OrderBridge imports."
        actions={list.length > 0 ? addButton : undefined}
      />
      <ErrorAlert
        error={connections.error}
        title="Could not load connections"
        onRetry={() => void connections.refetch()}
      />
      {connections.isPending && <Text c="dimmed">Loading connections…</Text>}
      {connections.isSuccess && list.length === 0 && (
        <EmptyState
          title="No connections yet"
          description="Connect your Amazon seller account to start importing orders into your store."
          action={addButton}
        />
      )}
      {list.length > 0 && (
        <ScrollTable label="Connections" minWidth={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Marketplace</Table.Th>
              <Table.Th>Seller ID</Table.Th>
              <Table.Th>Order synchronization</Table.Th>
              <Table.Th>Store</Table.Th>
              <Table.Th>Imported up to</Table.Th>
              <Table.Th>Pulled together with</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/connections/${c.id}`} fw={600}>
                    {c.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{marketplaceLabel(marketplaces.data?.regions, c.marketplaceId)}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {c.sellerId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.active ? 'active' : 'disabled'} />
                </Table.Td>
                <Table.Td>{storeName(c.storeId)}</Table.Td>
                <Table.Td>
                  <DateTime value={c.importCursor} />
                </Table.Td>
                <Table.Td>
                  <PulledTogetherCell connection={c} connections={list} regions={marketplaces.data?.regions} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
