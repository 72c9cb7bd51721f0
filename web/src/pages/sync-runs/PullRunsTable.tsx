import { Stack, Table, Text } from '@mantine/core';
import type { SyncRun } from '../../api/types';
import { ScrollTable, StatusBadge } from '../../components';

type PullRun = NonNullable<NonNullable<SyncRun['pull']>['runs']>[number];

/**
 * The connections of one Amazon seller account synchronized together in one run (one Amazon
 * request per page for all their marketplaces), with each connection's counts.
 */
export function PullRunsTable({
  run,
  compact = false,
}: {
  run: Pick<SyncRun, 'pull' | 'ordersUnmatched'>;
  /** Fewer columns (unchanged and skipped left out), for a narrow panel. */
  compact?: boolean;
}) {
  const runs: PullRun[] = run.pull?.runs ?? [];
  if (runs.length < 2 && run.ordersUnmatched === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Synchronized together (same Amazon seller account)
      </Text>
      <ScrollTable label="Counts per connection" minWidth={compact ? 380 : 560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Connection</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Orders seen</Table.Th>
            <Table.Th>New</Table.Th>
            <Table.Th>Changed</Table.Th>
            {!compact && <Table.Th>Unchanged</Table.Th>}
            {!compact && <Table.Th>Skipped</Table.Th>}
            <Table.Th>Failed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.connectionName}</Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>{r.ordersSeen}</Table.Td>
              <Table.Td>{r.ordersCreated}</Table.Td>
              <Table.Td>{r.ordersUpdated}</Table.Td>
              {!compact && <Table.Td>{r.ordersUnchanged}</Table.Td>}
              {!compact && <Table.Td>{r.ordersSkipped}</Table.Td>}
              <Table.Td>{r.ordersFailed}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {run.ordersUnmatched > 0 && (
        <Text size="sm" c="dimmed">
          {run.ordersUnmatched} order(s) of marketplaces without an active connection were not imported.
        </Text>
      )}
    </Stack>
  );
}
