import { Anchor, Button, Group, Loader, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  DateTime,
  EmptyState,
  ErrorAlert,
  formatMoney,
  humanize,
  PageHeader,
  ScrollTable,
  StatusBadge,
} from '../../components';
import { useConnectionNames, useConnections, useOrders } from './queries';
import { AMAZON_STATUSES, ORDER_STATUSES } from './types';

export const ORDERS_PAGE_SIZE = 25;

const statusOptions = ORDER_STATUSES.map((s) => ({ value: s, label: humanize(s) }));
const amazonStatusOptions = AMAZON_STATUSES.map((s) => ({ value: s, label: humanize(s.toLowerCase()) }));

/** /orders: filters, search and page live in the query string (?connection&status&amazonStatus&search&page). */
export default function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const connection = params.get('connection') ?? undefined;
  const status = params.get('status') ?? undefined;
  const amazonStatus = params.get('amazonStatus') ?? undefined;
  const search = params.get('search') ?? undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const connections = useConnections();
  const connectionName = useConnectionNames();
  // One connection: its name in every row says nothing (and costs a laptop's width).
  const showConnection = (connections.data?.length ?? 0) > 1;
  const orders = useOrders({
    connection,
    status,
    amazonStatus,
    search,
    limit: ORDERS_PAGE_SIZE,
    offset: (page - 1) * ORDERS_PAGE_SIZE,
  });

  const setParam = (key: string, value: string | null | undefined) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: key === 'search' },
    );
  };

  // The search box updates the URL shortly after typing stops (and at once on Enter).
  const [searchText, setSearchText] = useState(search ?? '');
  useEffect(() => setSearchText(search ?? ''), [search]);
  const applySearch = useDebouncedCallback((value: string) => setParam('search', value.trim()), 400);

  const filtered = Boolean(connection || status || amazonStatus || search);
  const total = orders.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / ORDERS_PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * ORDERS_PAGE_SIZE + 1;
  const last = Math.min(total, page * ORDERS_PAGE_SIZE);

  return (
    <Stack gap="md">
      <PageHeader title="Orders" description="Amazon orders imported by OrderBridge, newest first." />

      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter orders">
        <TextInput
          label="Search"
          description="Amazon or seller order id"
          placeholder="e.g. 302-1234567-1234567"
          type="search"
          value={searchText}
          onChange={(e) => {
            setSearchText(e.currentTarget.value);
            applySearch(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              applySearch.cancel();
              setParam('search', searchText.trim());
            }
          }}
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label="Connection"
          placeholder="All connections"
          data={(connections.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={connection ?? null}
          onChange={(v) => setParam('connection', v)}
          clearable
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label="OrderBridge status"
          placeholder="Any status"
          data={statusOptions}
          value={status ?? null}
          onChange={(v) => setParam('status', v)}
          clearable
          w={{ base: '100%', sm: 190 }}
        />
        <Select
          label="Amazon status"
          placeholder="Any Amazon status"
          data={amazonStatusOptions}
          value={amazonStatus ?? null}
          onChange={(v) => setParam('amazonStatus', v)}
          clearable
          w={{ base: '100%', sm: 210 }}
        />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              applySearch.cancel();
              setSearchText('');
              setParams(new URLSearchParams());
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>

      <ErrorAlert error={orders.error} title="Could not load the orders" onRetry={() => void orders.refetch()} />

      {orders.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">Loading orders…</Text>
        </Group>
      )}

      {orders.data && orders.data.orders.length === 0 && (
        <EmptyState
          title={filtered ? 'No orders match these filters' : 'No orders yet'}
          description={
            filtered
              ? 'Change or clear the filters to see more orders.'
              : 'Orders appear here as soon as an active connection imports them from Amazon.'
          }
          action={
            filtered ? undefined : (
              <Anchor component={Link} to="/connections">
                Go to connections
              </Anchor>
            )
          }
        />
      )}

      {orders.data && orders.data.orders.length > 0 && (
        <>
          <ScrollTable label="Orders" minWidth={940} fz="sm" horizontalSpacing="xs">
            <Table.Caption>
              Orders {first}–{last} of {total}
              {orders.isFetching && !orders.isPending ? ' (updating…)' : ''}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Amazon order id</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                {showConnection && <Table.Th scope="col">Connection</Table.Th>}
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Amazon status</Table.Th>
                <Table.Th scope="col">Buyer</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  Total
                </Table.Th>
                <Table.Th scope="col">Store</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.data.orders.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/orders/${encodeURIComponent(o.id)}`}
                      ff="monospace"
                      size="sm"
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {o.amazonOrderId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={o.createdTime} />
                  </Table.Td>
                  {showConnection && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{connectionName(o.connectionId)}</Table.Td>
                  )}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <StatusBadge status={o.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={o.amazonStatus ?? undefined}>
                      {o.amazonStatus ? humanize(o.amazonStatus.toLowerCase()) : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.buyer?.name ?? '—'}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(o.totals.amazonTotal ?? o.totals.gross, o.currency)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.storeState ? humanize(o.storeState) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          {pages > 1 && (
            <Group justify="center">
              <Pagination
                total={pages}
                value={Math.min(page, pages)}
                onChange={(p) => setParam('page', p === 1 ? null : String(p))}
                getControlProps={(control) => ({ 'aria-label': `${humanize(control)} page` })}
                getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
                aria-label="Orders pages"
                siblings={1}
                boundaries={1}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
