import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Store } from '../../api/types';
import { DateTime, EmptyState, ErrorAlert, PageHeader, ScrollTable } from '../../components';
import { useStores } from '../connections/queries';
import { AddStoreForm } from './AddStoreForm';
import { PLATFORM_OPTIONS } from './store-platforms';

const PLATFORM_LABEL: Record<string, string> = Object.fromEntries(PLATFORM_OPTIONS.map((p) => [p.value, p.label]));

function TestButton({
  store,
  onResult,
}: {
  store: Store;
  onResult: (r: { store: string; ok: boolean; message: string }) => void;
}) {
  const test = useMutation({
    // A store refusing its credentials answers 401: the test's result, not a lost session.
    mutationFn: () =>
      api<{ storeName: string; platform: string }>('POST', `/api/stores/${store.id}/test`, undefined, {
        silent401: true,
      }),
    onSuccess: (r) =>
      onResult({ store: store.name, ok: true, message: `Connected to “${r.storeName}” (${r.platform}).` }),
    onError: (e) => onResult({ store: store.name, ok: false, message: e.message }),
  });
  return (
    <Button
      size="xs"
      variant="light"
      loading={test.isPending}
      onClick={() => test.mutate()}
      aria-label={`Test ${store.name}`}
    >
      Test
    </Button>
  );
}

export default function StoresPage() {
  const stores = useStores();
  const [adding, add] = useDisclosure(false);
  const [result, setResult] = useState<{ store: string; ok: boolean; message: string } | null>(null);
  const list = stores.data?.stores ?? [];

  return (
    <Stack>
      <PageHeader
        title="Stores"
        description="Where the Amazon orders go: WooCommerce, Shopify, Magento 2, Vendure, or any store or ERP through the hub API."
        actions={
          !adding && (
            <Button onClick={add.open} disabled={adding}>
              Add store
            </Button>
          )
        }
      />
      {adding && <AddStoreForm onDone={add.close} />}
      <ErrorAlert error={stores.error} title="Could not load stores" onRetry={() => void stores.refetch()} />
      {result && (
        <Alert
          color={result.ok ? 'green' : 'red'}
          title={result.ok ? `${result.store}: connection works` : `${result.store}: test failed`}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setResult(null)}
          role={result.ok ? 'status' : 'alert'}
        >
          {result.message}
        </Alert>
      )}
      {stores.isPending && <Text c="dimmed">Loading stores…</Text>}
      {stores.isSuccess && list.length === 0 && !adding && (
        <EmptyState
          title="No stores yet"
          description="Add the store that should receive your Amazon orders."
          action={<Button onClick={add.open}>Add store</Button>}
        />
      )}
      {list.length > 0 && (
        <ScrollTable label="Stores" minWidth={720} stickyAction>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Platform</Table.Th>
              <Table.Th>URL</Table.Th>
              <Table.Th>Credentials</Table.Th>
              <Table.Th>Added</Table.Th>
              <Table.Th>Test</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td fw={600}>{s.name}</Table.Td>
                <Table.Td>{PLATFORM_LABEL[s.platform] ?? s.platform}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{s.baseUrl}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {Object.entries(s.secretHints).map(([k, v]) => (
                      <Text key={k} size="xs" c="dimmed">
                        {k} ••••{v}
                      </Text>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <DateTime value={s.createdAt} />
                </Table.Td>
                <Table.Td>
                  <TestButton store={s} onResult={setResult} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
