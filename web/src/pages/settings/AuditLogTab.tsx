import { Code, Spoiler, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { DateTime, ErrorAlert, ScrollTable } from '../../components';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Text c="dimmed">—</Text>;
  return (
    <Spoiler maxHeight={48} showLabel="Show all" hideLabel="Hide">
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 11 }}>
        {JSON.stringify(value, null, 1)}
      </Code>
    </Spoiler>
  );
}

export function AuditLogTab() {
  const log = useQuery({
    queryKey: ['audit-log'],
    queryFn: () => api<{ entries: AuditEntry[] }>('GET', '/api/audit-log?limit=50'),
  });
  const list = log.data?.entries ?? [];
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        The latest 50 changes in this account (times in your time zone; hover for UTC).
      </Text>
      <ErrorAlert error={log.error} title="Could not load the audit log" onRetry={() => void log.refetch()} />
      {log.isSuccess && list.length === 0 && <Text size="sm">Nothing recorded yet.</Text>}
      {list.length > 0 && (
        <ScrollTable label="Audit log" minWidth={900}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <DateTime value={e.occurredAt} seconds />
                </Table.Td>
                <Table.Td>{e.actor}</Table.Td>
                <Table.Td>{e.action}</Table.Td>
                <Table.Td>
                  {e.entity}{' '}
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {e.entityId}
                  </Text>
                </Table.Td>
                <Table.Td maw={260}>
                  <Json value={e.before} />
                </Table.Td>
                <Table.Td maw={260}>
                  <Json value={e.after} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
