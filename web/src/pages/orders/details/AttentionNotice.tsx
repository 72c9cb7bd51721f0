import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components';
import { LinkSkuModal } from '../../connections/LinkSkuModal';
import { describeRetry, useConnectionNames, useRetryOrder } from '../queries';
import { skusToLink } from '../skus-to-link';
import { attentionReason, needsAttention, type Order } from '../types';

const REFRESH_MS = 2_000;
const REFRESH_FOR_MS = 60_000;

/**
 * After a link released the order, its delivery runs in the background: refreshes the order's page
 * until it no longer needs attention (this notice goes away) or for a minute.
 */
function useRefreshAfterRelease(): () => void {
  const client = useQueryClient();
  const [since, setSince] = useState<number | null>(null);
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => {
      void client.invalidateQueries({ queryKey: ['orders', 'details'] });
      if (Date.now() - since > REFRESH_FOR_MS) setSince(null);
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [client, since]);
  return () => setSince(Date.now());
}

/** Why the order needs a person, with the Retry button and Link SKU (in a dialog) for SKUs to link. */
export function AttentionNotice({ order, failedWriteBacks = 0 }: { order: Order; failedWriteBacks?: number }) {
  const retry = useRetryOrder();
  const connectionName = useConnectionNames();
  const skus = skusToLink(order);
  const [linking, setLinking] = useState<string | null>(null);
  const refreshAfterRelease = useRefreshAfterRelease();
  return (
    <Alert color="orange" title="This order needs your attention">
      <Stack gap="xs">
        {needsAttention(order) && <Text size="sm">{attentionReason(order)}</Text>}
        {failedWriteBacks > 0 && (
          <Text size="sm">
            {failedWriteBacks} shipment or cancellation update{failedWriteBacks === 1 ? '' : 's'} to Amazon failed (see
            Shipments and Cancellation below).
          </Text>
        )}
        <Group gap="sm" wrap="wrap">
          <Button
            size="xs"
            color="orange"
            onClick={() => retry.mutate(order.id)}
            loading={retry.isPending}
            aria-label={`Retry order ${order.amazonOrderId}`}
          >
            Retry
          </Button>
          {skus.map((sku) => (
            <Button key={sku} size="xs" variant="light" onClick={() => setLinking(sku)} aria-label={`Link SKU ${sku}`}>
              Link SKU {sku}
            </Button>
          ))}
        </Group>
        <LinkSkuModal
          sku={linking}
          connectionId={order.connectionId}
          connectionName={connectionName(order.connectionId)}
          onClose={() => setLinking(null)}
          onLinked={() => {
            setLinking(null);
            // A held order is released by the link; a failed delivery is retried now that the SKU is linked.
            if (order.status !== 'held') retry.mutate(order.id);
            refreshAfterRelease();
          }}
        />
        <div role="status" aria-live="polite">
          {retry.isSuccess && <Text size="sm">{describeRetry(retry.data)}</Text>}
        </div>
        <ErrorAlert error={retry.error} title="Retry failed" />
      </Stack>
    </Alert>
  );
}
