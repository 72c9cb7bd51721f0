import { Anchor, Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { EmptyState, ErrorAlert, humanize, PageHeader, StatusBadge } from '../../components';
import { AddressesSection } from './details/AddressesSection';
import { AttentionNotice } from './details/AttentionNotice';
import { GeneralSection } from './details/GeneralSection';
import { ItemsSection } from './details/ItemsSection';
import { PurgedNotice } from './details/PurgedNotice';
import { RawDataSection } from './details/RawDataSection';
import { TimelineSection } from './details/TimelineSection';
import { TotalsSection } from './details/TotalsSection';
import { CancellationSection, ShipmentsSection } from './details/WriteBackSections';
import { useConnectionNames, useOrderCancellations, useOrderDetails, useOrderShipments } from './queries';
import { needsAttention } from './types';

const SECTIONS = [
  ['general', 'General'],
  ['items', 'Items'],
  ['addresses', 'Addresses'],
  ['totals', 'Totals and taxes'],
  ['shipments', 'Shipments'],
  ['cancellation', 'Cancellation'],
  ['timeline', 'Timeline'],
  ['raw', 'Raw data'],
] as const;

/** /orders/:id (OrderBridge id or Amazon order id). */
export default function OrderDetailsPage() {
  const { id = '' } = useParams();
  const details = useOrderDetails(id);
  const connectionName = useConnectionNames();
  const shipments = useOrderShipments(details.data?.order);
  const cancellations = useOrderCancellations(details.data?.order);
  const failedWriteBacks =
    (shipments.data?.filter((x) => x.state === 'failed').length ?? 0) +
    (cancellations.data?.filter((x) => x.state === 'failed').length ?? 0);
  const back = (
    <Anchor component={Link} to="/orders" size="sm">
      ← Back to orders
    </Anchor>
  );

  if (details.isPending) {
    return (
      <Stack gap="md">
        {back}
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">Loading the order…</Text>
        </Group>
      </Stack>
    );
  }
  if (details.error) {
    const notFound = details.error instanceof ApiError && details.error.status === 404;
    return (
      <Stack gap="md">
        {back}
        {notFound ? (
          <EmptyState title="Order not found" description={`There is no order "${id}" in this account.`} />
        ) : (
          <ErrorAlert error={details.error} title="Could not load the order" onRetry={() => void details.refetch()} />
        )}
      </Stack>
    );
  }

  const { order, lines, timeline } = details.data;
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={`Order ${order.amazonOrderId}`}
        description={`${connectionName(order.connectionId)} · ${order.marketplaceId}`}
        badge={
          <Group gap={6} aria-label="Order statuses" role="group">
            <StatusBadge status={order.status} label={`OrderBridge: ${humanize(order.status)}`} />
            {order.amazonStatus && (
              <Badge color="orange" variant="outline">
                Amazon: {order.amazonStatus}
              </Badge>
            )}
            {order.storeState && (
              <StatusBadge status={order.storeState} label={`Store: ${humanize(order.storeState)}`} />
            )}
          </Group>
        }
      />
      {(needsAttention(order) || failedWriteBacks > 0) && (
        <AttentionNotice order={order} failedWriteBacks={failedWriteBacks} />
      )}
      {order.personalDataPurgedAt && <PurgedNotice purgedAt={order.personalDataPurgedAt} />}
      <Group component="nav" aria-label="Order sections" gap="xs" wrap="wrap">
        {SECTIONS.map(([anchor, label]) => (
          <Anchor key={anchor} href={`#${anchor}-title`} size="sm">
            {label}
          </Anchor>
        ))}
      </Group>
      <GeneralSection order={order} connectionName={connectionName(order.connectionId)} />
      <ItemsSection lines={lines} currency={order.currency} connectionId={order.connectionId} />
      <AddressesSection shipping={order.shippingAddress} buyer={order.buyer} />
      <TotalsSection order={order} lines={lines} />
      <ShipmentsSection order={order} lines={lines} />
      <CancellationSection order={order} lines={lines} />
      <TimelineSection events={timeline} />
      <RawDataSection raw={order.raw} />
    </Stack>
  );
}
