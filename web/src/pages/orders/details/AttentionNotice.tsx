import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components';
import { describeRetry, useRetryOrder } from '../queries';
import { attentionReason, needsAttention, unknownSkus, type Order } from '../types';

/** Why the order needs a person, with the Retry button and a link to SKU links for unknown SKUs. */
export function AttentionNotice({ order, failedWriteBacks = 0 }: { order: Order; failedWriteBacks?: number }) {
  const retry = useRetryOrder();
  const skus = unknownSkus(order.holdReason);
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
          {skus.length > 0 && (
            <Anchor component={Link} to={`/connections/${encodeURIComponent(order.connectionId)}#sku-links`} size="sm">
              Link SKU{skus.length === 1 ? '' : 's'} {skus.join(', ')}
            </Anchor>
          )}
        </Group>
        <div role="status" aria-live="polite">
          {retry.isSuccess && <Text size="sm">{describeRetry(retry.data)}</Text>}
        </div>
        <ErrorAlert error={retry.error} title="Retry failed" />
      </Stack>
    </Alert>
  );
}
