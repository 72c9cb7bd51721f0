import { Anchor, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorAlert, PageHeader, useNotify } from '../../components';
import { useConnections } from '../orders/queries';
import { usePushStock, useStockStatus, type StockStatus } from './queries';
import { SharedProductsWarning } from './SharedProductsWarning';
import { StockTable } from './StockTable';

function Settings({ status }: { status: StockStatus }) {
  const cap = status.maxQuantity !== null ? `, at most ${status.maxQuantity}` : '';
  return (
    <Text size="sm" c="dimmed">
      {`Quantity sent = store stock − units of Amazon orders not in the store yet − stock buffer (${status.stockBuffer})${cap}; never below 0. Only changed quantities are sent. FBA stock belongs to Amazon and is never sent.`}
    </Text>
  );
}

function PushNow({ connectionId }: { connectionId: string }) {
  const push = usePushStock(connectionId);
  const notify = useNotify();
  return (
    <Button
      loading={push.isPending}
      onClick={() =>
        push.mutate(undefined, {
          onSuccess: (r) =>
            notify({
              message:
                r.changed === 0
                  ? 'Nothing to send: Amazon already has the current quantities'
                  : r.feedId
                    ? `${r.changed} quantities sent to Amazon in feed ${r.feedId}`
                    : `${r.patched} of ${r.changed} quantities sent to Amazon`,
            }),
          onError: (e) => notify({ color: 'red', title: 'Push failed', message: e.message }),
        })
      }
    >
      Push now
    </Button>
  );
}

/** /stock?connection=…: what OrderBridge sent to Amazon per SKU, when, why and how Amazon took it. */
export default function StockPage() {
  const [params, setParams] = useSearchParams();
  const connections = useConnections();
  const connectionId = params.get('connection') ?? connections.data?.[0]?.id;
  const status = useStockStatus(connectionId);

  return (
    <Stack gap="md">
      <PageHeader
        title="Stock"
        description="What OrderBridge sent to Amazon for each SKU, when, why that number, and whether Amazon accepted it."
        actions={connectionId && <PushNow connectionId={connectionId} />}
      />
      <Group align="flex-end" gap="sm">
        <Select
          label="Connection"
          data={(connections.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={connectionId ?? null}
          onChange={(v) => v && setParams({ connection: v })}
          allowDeselect={false}
          w={{ base: '100%', sm: 240 }}
        />
      </Group>
      {connections.data?.length === 0 && (
        <EmptyState
          title="No connections yet"
          description="Stock is sent to Amazon once a connection delivers orders to a store."
          action={
            <Anchor component={Link} to="/connections/new">
              Add a connection
            </Anchor>
          }
        />
      )}
      <ErrorAlert error={status.error} title="Could not load the stock" onRetry={() => void status.refetch()} />
      {status.isLoading && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">Loading stock…</Text>
        </Group>
      )}
      {status.data && (
        <>
          <Settings status={status.data} />
          <SharedProductsWarning groups={status.data.sharedProducts} context="stock" />
          {status.data.skus.length === 0 ? (
            <EmptyState
              title="No SKUs yet"
              description="A SKU appears here once an order line with it is matched to a store product."
            />
          ) : (
            <StockTable skus={status.data.skus} />
          )}
        </>
      )}
    </Stack>
  );
}
