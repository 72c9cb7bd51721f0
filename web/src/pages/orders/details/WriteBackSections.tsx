import { Alert, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { DateTime, EmptyState, ErrorAlert, ScrollTable } from '../../../components';
import { useOrderCancellations, useOrderShipments } from '../queries';
import type { ItemQuantity, Order, OrderLine } from '../types';
import { AmazonState } from './AmazonState';
import { Section } from './Section';

function Loading({ what }: { what: string }) {
  return (
    <Group gap="xs" role="status">
      <Loader size="xs" />
      <Text size="sm">Loading {what}…</Text>
    </Group>
  );
}

function ItemsList({ items, lines }: { items: ItemQuantity[]; lines: OrderLine[] }) {
  if (items.length === 0) return <Text size="sm">All items</Text>;
  return (
    <Stack gap={0}>
      {items.map((i) => {
        const line = lines.find((l) => l.amazonOrderItemId === i.orderItemId);
        return (
          <Text size="xs" key={i.orderItemId} style={{ whiteSpace: 'nowrap' }}>
            {i.quantity} × {line?.sellerSku ?? i.orderItemId}
          </Text>
        );
      })}
    </Stack>
  );
}

/** The store's shipments of this order and their confirmation on Amazon (confirmShipment). */
export function ShipmentsSection({ order, lines }: { order: Order; lines: OrderLine[] }) {
  const shipments = useOrderShipments(order);
  return (
    <Section id="shipments" title="Shipments">
      <ErrorAlert
        error={shipments.error}
        title="Could not load the shipments"
        onRetry={() => void shipments.refetch()}
      />
      {shipments.isPending && !shipments.error && <Loading what="shipments" />}
      {shipments.data && shipments.data.length === 0 && (
        <EmptyState
          title="No shipments yet"
          description="When the store ships the order, its carrier and tracking number are sent to Amazon and shown here."
        />
      )}
      {shipments.data && shipments.data.length > 0 && (
        <ScrollTable label="Shipments" minWidth={900}>
          <Table.Caption>Shipments from the store and their state on Amazon</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Carrier</Table.Th>
              <Table.Th scope="col">Tracking number</Table.Th>
              <Table.Th scope="col">Package id</Table.Th>
              <Table.Th scope="col">Ship date</Table.Th>
              <Table.Th scope="col">Items</Table.Th>
              <Table.Th scope="col">Confirmation</Table.Th>
              <Table.Th scope="col">Store shipment</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shipments.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm">{s.carrierName ? `${s.carrierName} (${s.carrierCode})` : s.carrierCode}</Text>
                  {s.shippingMethod && (
                    <Text size="xs" c="dimmed">
                      {s.shippingMethod}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {s.trackingNumber ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {s.packageReferenceId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DateTime value={s.shipDate} />
                </Table.Td>
                <Table.Td>
                  <ItemsList items={s.items} lines={lines} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <AmazonState state={s.state} />
                    {s.confirmedAt && (
                      <Text size="xs" c="dimmed">
                        confirmed <DateTime value={s.confirmedAt} />
                      </Text>
                    )}
                    {s.attempts > 0 && (
                      <Text size="xs" c="dimmed">
                        {s.attempts} attempt{s.attempts === 1 ? '' : 's'}
                      </Text>
                    )}
                    {s.lastError && (
                      <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
                        {s.lastError}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {s.storeRef}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Section>
  );
}

/** Buyer cancel requests from Amazon and the store's cancellations sent to Amazon (acknowledgement feed). */
export function CancellationSection({ order, lines }: { order: Order; lines: OrderLine[] }) {
  const cancellations = useOrderCancellations(order);
  const requested = lines.filter((l) => l.data['buyerCancelRequested'] === true);
  const buyerAsked = order.flags?.buyerCancelRequested === true || requested.length > 0;
  return (
    <Section id="cancellation" title="Cancellation">
      <Stack gap="sm">
        {buyerAsked && (
          <Alert color="yellow" title="The buyer asked Amazon to cancel this order">
            {requested.length > 0
              ? requested.map((l) => (
                  <Text size="sm" key={l.amazonOrderItemId}>
                    {l.sellerSku ?? l.title}:{' '}
                    {typeof l.data['buyerCancelReason'] === 'string' ? l.data['buyerCancelReason'] : 'no reason given'}
                  </Text>
                ))
              : 'No reason given.'}
          </Alert>
        )}
        {order.amazonStatus === 'CANCELLED' && <Text size="sm">Amazon reports this order as cancelled.</Text>}
        <ErrorAlert
          error={cancellations.error}
          title="Could not load the cancellations"
          onRetry={() => void cancellations.refetch()}
        />
        {cancellations.isPending && !cancellations.error && <Loading what="cancellations" />}
        {cancellations.data && cancellations.data.length === 0 && !buyerAsked && (
          <Text size="sm" c="dimmed">
            Not cancelled: no cancel request from the buyer and no cancellation from the store.
          </Text>
        )}
        {cancellations.data && cancellations.data.length > 0 && (
          <ScrollTable label="Cancellations" minWidth={720}>
            <Table.Caption>Cancellations from the store and their acknowledgement on Amazon</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
                <Table.Th scope="col">Items</Table.Th>
                <Table.Th scope="col">State</Table.Th>
                <Table.Th scope="col">Amazon feed id</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cancellations.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <DateTime value={c.createdAt} />
                  </Table.Td>
                  <Table.Td>{c.reason}</Table.Td>
                  <Table.Td>
                    <ItemsList items={c.items} lines={lines} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <AmazonState state={c.state} />
                      {c.lastError && (
                        <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
                          {c.lastError}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {c.amazonFeedId ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
    </Section>
  );
}
