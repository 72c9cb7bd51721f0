import { Alert, Badge, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SkuCropRules } from '../../api/types';
import { ErrorAlert, ScrollTable } from '../../components';
import { groupsByCroppedSku, SharedProductsWarning } from '../stock/SharedProductsWarning';

interface Sample {
  sku: string;
  cropped: string;
  changed: boolean;
  error?: string;
}

/** Live preview of the SKU crop rules on the connection's recent SKUs (debounced POST …/sku-crop/preview). */
export function SkuCropPreview({
  connectionId,
  rules,
  extraSkus,
}: {
  connectionId: string;
  rules: SkuCropRules;
  extraSkus: string[];
}) {
  const [debounced] = useDebouncedValue({ rules, extraSkus }, 400);
  const preview = useQuery({
    queryKey: ['connections', connectionId, 'sku-crop-preview', debounced],
    queryFn: ({ signal }) =>
      api<{ samples: Sample[] }>(
        'POST',
        `/api/connections/${connectionId}/sku-crop/preview`,
        { skuCrop: debounced.rules, ...(debounced.extraSkus.length ? { skus: debounced.extraSkus } : {}) },
        { signal },
      ),
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
  const samples = preview.data?.samples ?? [];
  const ruleError = samples.find((s) => s.error)?.error;
  return (
    <div aria-live="polite" aria-busy={preview.isFetching}>
      <Text size="sm" fw={600} mb={4}>
        Preview on recent SKUs
      </Text>
      <ErrorAlert error={preview.error} title="Preview unavailable" />
      {ruleError && samples.every((s) => s.error) && (
        <Alert color="red" mb="xs" title="The rules are not valid">
          {ruleError}
        </Alert>
      )}
      {preview.isSuccess && samples.length === 0 && (
        <Text size="sm" c="dimmed">
          No recent SKUs yet: add SKUs to preview above.
        </Text>
      )}
      {samples.length > 0 && (
        <ScrollTable label="SKU crop preview" minWidth={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Amazon SKU</Table.Th>
              <Table.Th>Looked up as</Table.Th>
              <Table.Th>Changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {samples.map((s) => (
              <Table.Tr key={s.sku}>
                <Table.Td ff="monospace">{s.sku}</Table.Td>
                <Table.Td ff="monospace">
                  {s.cropped}
                  {s.error && !ruleError && (
                    <Text size="xs" c="red">
                      {s.error}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {s.changed ? (
                    <Badge color="indigo" variant="light">
                      cropped
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      unchanged
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      <SharedProductsWarning groups={groupsByCroppedSku(samples.filter((s) => !s.error))} context="crop" />
    </div>
  );
}
