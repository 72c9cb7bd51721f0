import { Anchor, Button, Code, Group, Loader, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SyncRun } from '../../api/types';
import {
  DateTime,
  EmptyState,
  ErrorAlert,
  formatLocal,
  humanize,
  PageHeader,
  ScrollTable,
  StatusBadge,
} from '../../components';
import { Facts } from '../orders/details/Section';
import { useConnectionNames, useConnections } from '../orders/queries';
import { PullRunsTable } from './PullRunsTable';
import { apiCallTotal, useSyncRuns } from './queries';

const PAGE = 50;
const MAX = 500;

function duration(run: SyncRun): string | null {
  if (!run.finishedAt) return null;
  const ms = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  if (!Number.isFinite(ms) || ms < 0) return null;
  return ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}

function RunDetails({ run }: { run: SyncRun }) {
  const calls = Object.entries(run.apiCalls);
  return (
    <Stack gap="sm" py="xs">
      <Facts
        items={[
          ['Run id', <Code>{run.id}</Code>],
          ['Kind', run.kind],
          ['Trigger', humanize(run.trigger)],
          ['Started', <DateTime value={run.startedAt} seconds />],
          ['Finished', <DateTime value={run.finishedAt} seconds />],
          ['Duration', duration(run) ?? (run.status === 'running' ? 'Still running' : '—')],
          ['Window start', <DateTime value={run.windowStart} seconds />],
          ['Window end', <DateTime value={run.windowEnd} seconds />],
          ['Orders seen', run.ordersSeen],
          ['New orders', run.ordersCreated],
          ['Changed orders', run.ordersUpdated],
          ['Unchanged orders', run.ordersUnchanged],
          ['Skipped (order types)', run.ordersSkipped],
          ['Failed', run.ordersFailed],
          ['Throttled (429) responses', run.throttled],
          [
            'Progress',
            run.progress
              ? `${run.progress.pages} page${run.progress.pages === 1 ? '' : 's'}, ${run.progress.orders} orders`
              : '—',
          ],
          ['API calls', calls.length === 0 ? 'None' : calls.map(([op, n]) => `${op}: ${n}`).join(', ')],
          ['Error', run.errorCode ? `${run.errorMessage ?? ''} (${run.errorCode})` : 'None'],
        ]}
      />
      <PullRunsTable run={run} />
      {run.ordersFailed > 0 && (
        <Anchor
          component={Link}
          to={`/orders?connection=${encodeURIComponent(run.connectionId)}&status=failed`}
          size="sm"
        >
          See the failed orders of this connection
        </Anchor>
      )}
    </Stack>
  );
}

function RunRow({ run, connectionName }: { run: SyncRun; connectionName: string }) {
  const [open, setOpen] = useState(false);
  const detailsId = `run-${run.id}-details`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            aria-label={`${open ? 'Hide' : 'Show'} details of the run started ${formatLocal(run.startedAt, true)}`}
          >
            {open ? '▾ Hide' : '▸ Details'}
          </Button>
        </Table.Td>
        <Table.Td>{connectionName}</Table.Td>
        <Table.Td>
          <DateTime value={run.startedAt} />
        </Table.Td>
        <Table.Td>
          <DateTime value={run.finishedAt} />
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <StatusBadge status={run.status} />
            {run.status === 'running' && run.progress && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {run.progress.orders} so far
              </Text>
            )}
          </Group>
        </Table.Td>
        <Table.Td style={{ textAlign: 'right' }}>{run.ordersSeen}</Table.Td>
        <Table.Td style={{ textAlign: 'right' }}>{run.ordersCreated + run.ordersUpdated}</Table.Td>
        <Table.Td style={{ textAlign: 'right' }}>{run.ordersSkipped}</Table.Td>
        <Table.Td style={{ textAlign: 'right' }} c={run.ordersFailed > 0 ? 'red' : undefined}>
          {run.ordersFailed}
        </Table.Td>
        <Table.Td style={{ textAlign: 'right' }}>
          {apiCallTotal(run)}
          {run.throttled > 0 && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({run.throttled} throttled)
            </Text>
          )}
        </Table.Td>
        <Table.Td style={{ maxWidth: 280 }}>
          {run.errorCode ? (
            <Text size="xs" c="red" lineClamp={2} title={run.errorMessage ?? run.errorCode}>
              {run.errorMessage ?? run.errorCode}
            </Text>
          ) : (
            '—'
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={11}>
            <RunDetails run={run} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** /sync-runs?connection=…: every Synchronize Orders run with its counts, API calls and errors. */
export default function SyncRunsPage() {
  const [params, setParams] = useSearchParams();
  const connection = params.get('connection') ?? undefined;
  const [limit, setLimit] = useState(PAGE);
  const connections = useConnections();
  const connectionName = useConnectionNames();
  const runs = useSyncRuns(connection, limit);

  return (
    <Stack gap="md">
      <PageHeader
        title="Sync runs"
        description="Each Synchronize Orders run: what Amazon returned, what was imported, the API calls made and any error."
      />
      <Group align="flex-end" gap="sm" role="search" aria-label="Filter sync runs">
        <Select
          label="Connection"
          placeholder="All connections"
          data={(connections.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={connection ?? null}
          onChange={(v) => {
            setLimit(PAGE);
            setParams(v ? { connection: v } : {});
          }}
          clearable
          w={{ base: '100%', sm: 240 }}
        />
      </Group>
      <ErrorAlert error={runs.error} title="Could not load the sync runs" onRetry={() => void runs.refetch()} />
      {runs.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">Loading sync runs…</Text>
        </Group>
      )}
      {runs.data && runs.data.length === 0 && (
        <EmptyState
          title="No sync runs yet"
          description={
            connection
              ? 'This connection has not synchronized yet.'
              : 'Runs appear here once an active connection synchronizes orders (every few minutes, or on demand).'
          }
          action={
            <Anchor component={Link} to="/connections">
              Go to connections
            </Anchor>
          }
        />
      )}
      {runs.data && runs.data.length > 0 && (
        <>
          <ScrollTable label="Sync runs" minWidth={1000}>
            <Table.Caption>
              {runs.data.length} most recent sync run{runs.data.length === 1 ? '' : 's'}
              {runs.isFetching && !runs.isPending ? ' (updating…)' : ''}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <VisuallyHidden>Details</VisuallyHidden>
                </Table.Th>
                <Table.Th scope="col">Connection</Table.Th>
                <Table.Th scope="col">Started</Table.Th>
                <Table.Th scope="col">Finished</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  Seen
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }} title="New and changed orders">
                  Imported
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  Skipped
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  Failed
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  API calls
                </Table.Th>
                <Table.Th scope="col">Error</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.map((r) => (
                <RunRow key={r.id} run={r} connectionName={connectionName(r.connectionId)} />
              ))}
            </Table.Tbody>
          </ScrollTable>
          {runs.data.length >= limit && limit < MAX && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => setLimit((l) => Math.min(MAX, l + PAGE))}
                loading={runs.isFetching}
              >
                Show more runs
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
