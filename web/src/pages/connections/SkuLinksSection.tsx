import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SkuLink } from '../../api/types';
import { DateTime, ErrorAlert, ScrollTable } from '../../components';
import { LinkSkuForm } from './LinkSkuForm';
import { keys } from './queries';

/** Manual links Amazon SKU → store product (they win over the attribute lookup; linking releases held orders). */
export function SkuLinksSection({ connectionId }: { connectionId: string }) {
  const queryClient = useQueryClient();
  const links = useQuery({
    queryKey: keys.skuLinks(connectionId),
    queryFn: () => api<{ links: SkuLink[] }>('GET', `/api/connections/${connectionId}/sku-links`),
  });
  const base = `/api/connections/${connectionId}/sku-links/`;
  const remove = useMutation({
    mutationFn: (amazonSku: string) => api<void>('DELETE', base + encodeURIComponent(amazonSku)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.skuLinks(connectionId) }),
  });
  const list = links.data?.links ?? [];

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          SKU links
        </Title>
        <Text size="sm" c="dimmed">
          Link an Amazon Seller SKU to a store product when the Product Identification Attribute does not find it. The
          product is checked in the store: a link to something that is not a store product is refused.
        </Text>
        <ErrorAlert error={links.error} title="Could not load SKU links" />
        {links.isSuccess && list.length === 0 && <Text size="sm">No SKU links yet.</Text>}
        {list.length > 0 && (
          <ScrollTable label="SKU links" minWidth={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Amazon SKU</Table.Th>
                <Table.Th>Store product</Table.Th>
                <Table.Th>Linked</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((l) => (
                <Table.Tr key={l.amazonSku}>
                  <Table.Td ff="monospace">{l.amazonSku}</Table.Td>
                  <Table.Td ff="monospace">{l.productRef}</Table.Td>
                  <Table.Td>
                    <DateTime value={l.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove link for ${l.amazonSku}`}
                      onClick={() => remove.mutate(l.amazonSku)}
                    >
                      Remove
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
        <ErrorAlert error={remove.error} title="Could not remove the link" />
        <Title order={3} size="h5">
          Link a SKU
        </Title>
        <LinkSkuForm connectionId={connectionId} />
      </Stack>
    </Paper>
  );
}
