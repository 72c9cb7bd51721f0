import { Anchor, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { DateTime, EmptyState, ErrorAlert, PageHeader, ScrollTable, StatusBadge, useNotify } from '../../components';
import {
  ATTENTION_LIMIT,
  describeRetry,
  useConnectionNames,
  useNeedsAttention,
  useRetryOrder,
} from '../orders/queries';
import { LinkSkuModal } from '../connections/LinkSkuModal';
import { skusToLink } from '../orders/skus-to-link';
import { attentionReason, type Order } from '../orders/types';

function AttentionRow({ order, connectionName }: { order: Order; connectionName: string }) {
  const retry = useRetryOrder();
  const notify = useNotify();
  const skus = skusToLink(order);
  const [linking, setLinking] = useState<string | null>(null);
  const onRetry = () =>
    retry.mutate(order.id, {
      onSuccess: (r) => notify({ title: `Order ${order.amazonOrderId}`, message: describeRetry(r) }),
      onError: (e) =>
        notify({
          title: `Retry of ${order.amazonOrderId} failed`,
          message: e instanceof ApiError || e instanceof Error ? e.message : String(e),
          color: 'red',
        }),
    });
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/orders/${encodeURIComponent(order.id)}`}
          ff="monospace"
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
        >
          {order.amazonOrderId}
        </Anchor>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{connectionName}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <StatusBadge status={order.errorCode && order.status !== 'held' ? 'failed' : order.status} />
      </Table.Td>
      <Table.Td style={{ minWidth: 260 }}>
        <Stack gap={4}>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {attentionReason(order)}
          </Text>
          {skus.length > 0 && (
            <Group gap="xs">
              {skus.map((sku) => (
                <Button
                  key={sku}
                  size="compact-sm"
                  variant="light"
                  onClick={() => setLinking(sku)}
                  aria-label={`Link SKU ${sku}`}
                >
                  Link SKU {sku}
                </Button>
              ))}
            </Group>
          )}
          <LinkSkuModal
            sku={linking}
            connectionId={order.connectionId}
            connectionName={connectionName}
            onClose={() => setLinking(null)}
            onLinked={() => {
              setLinking(null);
              // A failed delivery is not released by the link: retry it now that the SKU is linked.
              if (order.status !== 'held') onRetry();
            }}
          />
        </Stack>
      </Table.Td>
      <Table.Td>
        <DateTime value={order.updatedAt} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Button
            size="xs"
            variant="light"
            onClick={onRetry}
            loading={retry.isPending}
            aria-label={`Retry order ${order.amazonOrderId}`}
          >
            Retry
          </Button>
          <div role="status" aria-live="polite">
            {retry.isSuccess && (
              <Text size="xs" c="green.8">
                {describeRetry(retry.data)}
              </Text>
            )}
            {retry.isError && (
              <Text size="xs" c="red">
                {retry.error instanceof Error ? retry.error.message : 'Retry failed'}
              </Text>
            )}
          </div>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** /attention: orders held (unknown SKU, plan quota, Amazon unfulfillable) or with a failed store/Amazon step. */
export default function AttentionPage() {
  const attention = useNeedsAttention();
  const connectionName = useConnectionNames();
  const count = attention.data?.length ?? 0;
  return (
    <Stack gap="md">
      <PageHeader
        title="Needs attention"
        description="Orders held back from the store or with a failed step. Fix the cause (for example link the SKU), then retry."
      />
      <ErrorAlert
        error={attention.error}
        title="Could not load the needs-attention queue"
        onRetry={() => void attention.refetch()}
      />
      {attention.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">Loading…</Text>
        </Group>
      )}
      {attention.data && count === 0 && (
        <EmptyState
          title="Nothing needs your attention"
          description="No order is held or failed. Orders waiting for a SKU link or the plan, and failed deliveries or write-backs, show up here."
          action={
            <Anchor component={Link} to="/orders">
              See all orders
            </Anchor>
          }
        />
      )}
      {attention.data && count > 0 && (
        <ScrollTable label="Orders that need attention" minWidth={1000} stickyAction>
          <Table.Caption>
            {count >= ATTENTION_LIMIT ? `The ${count} most recent` : count} order{count === 1 ? '' : 's'} need
            {count === 1 ? 's' : ''} attention
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Amazon order id</Table.Th>
              <Table.Th scope="col">Connection</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
              <Table.Th scope="col">Since</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attention.data.map((o) => (
              <AttentionRow key={o.id} order={o} connectionName={connectionName(o.connectionId)} />
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
