import { Badge, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, Money, ScrollTable } from '../../../components';
import { LinkSkuModal } from '../../connections/LinkSkuModal';
import { useConnectionNames } from '../queries';
import type { OrderLine } from '../types';
import { TaxRate } from './TaxRate';
import { Section } from './Section';

/** Amazon's item lines: SKU, cropped SKU and the store product it resolves to, quantities and money. */
export function ItemsSection({
  lines,
  currency,
  connectionId,
}: {
  lines: OrderLine[];
  currency: string | null;
  connectionId: string;
}) {
  const items = lines.filter((l) => l.kind === 'item');
  const connectionName = useConnectionNames();
  const [linking, setLinking] = useState<string | null>(null);
  return (
    <Section id="items" title="Items">
      <LinkSkuModal
        sku={linking}
        connectionId={connectionId}
        connectionName={connectionName(connectionId)}
        onClose={() => setLinking(null)}
        onLinked={() => setLinking(null)}
      />
      {items.length === 0 ? (
        <EmptyState title="No items" description="Amazon has not sent the order's items yet (pending orders)." />
      ) : (
        <ScrollTable label="Items" minWidth={900}>
          <Table.Caption>
            {items.length} item line{items.length === 1 ? '' : 's'}; prices in {currency ?? 'the order currency'}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">SKU</Table.Th>
              <Table.Th scope="col">Cropped SKU / store product</Table.Th>
              <Table.Th scope="col">Title</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Quantity
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Unit price
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Tax
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Total
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((l) => (
              <Table.Tr key={l.amazonOrderItemId}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {l.sellerSku ?? '—'}
                    </Text>
                    {l.asin && (
                      <Text size="xs" c="dimmed">
                        ASIN {l.asin}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {l.croppedSku ?? '—'}
                    </Text>
                    {l.productRef ? (
                      <Text size="xs">Store product {l.productRef}</Text>
                    ) : (
                      <UnstyledButton
                        onClick={() => setLinking(l.sellerSku ?? l.croppedSku ?? '')}
                        aria-label={`Not linked: link SKU ${l.sellerSku ?? l.croppedSku ?? ''}`}
                      >
                        <Badge color="orange" variant="light" style={{ cursor: 'pointer' }}>
                          Not linked
                        </Badge>
                      </UnstyledButton>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ minWidth: 200 }}>{l.title}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Stack gap={0} align="flex-end">
                    <Text size="sm">{l.quantityOrdered}</Text>
                    {(l.quantityShipped > 0 || l.quantityCancelled > 0) && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {l.quantityShipped} shipped
                        {l.quantityCancelled > 0 ? `, ${l.quantityCancelled} cancelled` : ''}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Stack gap={0} align="flex-end">
                    <Money amount={l.unitGross} currency={currency} size="sm" />
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      net {l.unitNet}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Stack gap={0} align="flex-end">
                    <Money amount={l.lineTax} currency={currency} size="sm" />
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      <TaxRate line={l} />
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Money amount={l.lineGross} currency={currency} size="sm" fw={600} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Section>
  );
}
