import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DateTime, ScrollTable, StatusBadge } from '../../components';
import { SHIPMENT_STATES, type Shipment } from './queries';

const stateLabel = (state: string): string => SHIPMENT_STATES.find((s) => s.value === state)?.label ?? state;

function Carrier({ s }: { s: Shipment }) {
  const name = s.carrierCode === 'Other' && s.carrierName ? s.carrierName : s.carrierCode;
  return (
    <Stack gap={0}>
      <Text size="sm">{name}</Text>
      {s.shippingMethod && (
        <Text size="xs" c="dimmed">
          {s.shippingMethod}
        </Text>
      )}
    </Stack>
  );
}

/** One row per store shipment: order, carrier, tracking, its state on Amazon, when and any error. */
export function ShipmentsTable({
  shipments,
  connectionName,
  amazonOrderId,
}: {
  shipments: Shipment[];
  connectionName: (id: string) => string;
  amazonOrderId: (orderId: string) => string | undefined;
}) {
  return (
    <ScrollTable label="Shipments" minWidth={1000}>
      <Table.Caption>
        {shipments.length} most recent shipment{shipments.length === 1 ? '' : 's'}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Order</Table.Th>
          <Table.Th scope="col">Connection</Table.Th>
          <Table.Th scope="col">Carrier</Table.Th>
          <Table.Th scope="col">Tracking number</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Shipped</Table.Th>
          <Table.Th scope="col">Sent to OrderBridge</Table.Th>
          <Table.Th scope="col">Confirmed by Amazon</Table.Th>
          <Table.Th scope="col">Error</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shipments.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Anchor component={Link} to={`/orders/${encodeURIComponent(s.orderId)}#shipments`} size="sm">
                {amazonOrderId(s.orderId) ?? 'Open order'}
              </Anchor>
              <Text size="xs" c="dimmed">
                Store shipment {s.storeRef}
              </Text>
            </Table.Td>
            <Table.Td>{connectionName(s.connectionId)}</Table.Td>
            <Table.Td>
              <Carrier s={s} />
            </Table.Td>
            <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere', minWidth: 200 }}>
              {s.trackingNumber ?? '—'}
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <StatusBadge status={s.state} label={stateLabel(s.state)} />
                {s.attempts > 1 && (
                  <Text size="xs" c="dimmed">
                    {s.attempts} attempts
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <DateTime value={s.shipDate} />
            </Table.Td>
            <Table.Td>
              <DateTime value={s.createdAt} />
            </Table.Td>
            <Table.Td>
              <DateTime value={s.confirmedAt} />
            </Table.Td>
            <Table.Td style={{ maxWidth: 280 }}>
              {s.lastError ? (
                <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
                  {s.lastError}
                </Text>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
