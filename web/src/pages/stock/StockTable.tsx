import { Badge, Stack, Table, Text } from '@mantine/core';
import { DateTime, ScrollTable, StatusBadge } from '../../components';
import type { SkuStock } from './queries';

const STATUS_LABELS: Record<SkuStock['status'], { label: string; status: string }> = {
  not_sent: { label: 'Not sent yet', status: 'pending' },
  sent: { label: 'Sent, Amazon processing', status: 'running' },
  accepted: { label: 'Accepted', status: 'confirmed' },
  rejected: { label: 'Rejected', status: 'failed' },
  fba: { label: 'FBA: not sent', status: 'skipped' },
};

function StatusCell({ sku }: { sku: SkuStock }) {
  const s = STATUS_LABELS[sku.status];
  return (
    <Stack gap={2}>
      <StatusBadge status={s.status} label={s.label} />
      {sku.amazonMessage && (
        <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
          Amazon: {sku.amazonMessage}
        </Text>
      )}
      {sku.amazonFeedId && (
        <Text size="xs" c="dimmed">
          Feed {sku.amazonFeedId}
        </Text>
      )}
    </Stack>
  );
}

/** Per Amazon SKU: what was sent, when, how Amazon took it, and what the next push would send and why. */
export function StockTable({ skus }: { skus: SkuStock[] }) {
  return (
    <ScrollTable label="Stock per Amazon SKU" minWidth={980}>
      <Table.Caption>
        {skus.length} Amazon SKU{skus.length === 1 ? '' : 's'} of this connection
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Amazon SKU</Table.Th>
          <Table.Th scope="col">Store product</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            Sent quantity
          </Table.Th>
          <Table.Th scope="col">Sent</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            Quantity now
          </Table.Th>
          <Table.Th scope="col">Why this quantity</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {skus.map((sku) => (
          <Table.Tr key={sku.amazonSku}>
            <Table.Th scope="row" fw={500} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {sku.amazonSku}
            </Table.Th>
            <Table.Td ff="monospace">{sku.productRef}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{sku.pushedQuantity ?? '—'}</Table.Td>
            <Table.Td>
              <DateTime value={sku.pushedAt} />
            </Table.Td>
            <Table.Td>
              <StatusCell sku={sku} />
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>
              <Stack gap={2} align="flex-end">
                <Text size="sm">{sku.quantity ?? '—'}</Text>
                {sku.changed && (
                  <Badge size="xs" color="indigo" variant="light" miw="max-content">
                    next push
                  </Badge>
                )}
              </Stack>
            </Table.Td>
            <Table.Td style={{ minWidth: 260 }}>
              <Text size="sm">{sku.reason}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
