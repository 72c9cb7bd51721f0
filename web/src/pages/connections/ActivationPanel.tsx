import { Alert, Anchor, Button, Group, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Connection, ConnectionTestResult } from '../../api/types';
import { ErrorAlert, useNotify } from '../../components';
import { ConnectionTestResultAlert } from './ConnectionTestResultAlert';
import { keys, useStores } from './queries';

/** Activate Order Synchronization (with the plan refusal shown prominently), the store, and Test connection. */
export function ActivationPanel({ connection }: { connection: Connection }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const stores = useStores();
  const patch = (body: Record<string, unknown>) => api<Connection>('PATCH', `/api/connections/${connection.id}`, body);
  const onSaved = (c: Connection) => {
    queryClient.setQueryData(keys.connection(connection.id), c);
    void queryClient.invalidateQueries({ queryKey: keys.connections, exact: true });
  };
  const activation = useMutation({
    mutationFn: (active: boolean) => patch({ active }),
    onSuccess: (c) => {
      onSaved(c);
      notify({ message: c.active ? 'Order synchronization activated' : 'Order synchronization disabled' });
    },
  });
  const store = useMutation({
    mutationFn: (storeId: string | null) => patch({ store: storeId }),
    onSuccess: (c) => {
      onSaved(c);
      notify({ message: 'Store saved' });
    },
  });
  const test = useMutation({
    mutationFn: () => api<ConnectionTestResult>('POST', `/api/connections/${connection.id}/test`),
  });
  const planRefusal =
    activation.error instanceof ApiError &&
    (activation.error.status === 403 || activation.error.status === 402 || /plan/i.test(activation.error.message));
  const storeOptions = (stores.data?.stores ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.platform})` }));

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Order synchronization
        </Title>
        <Switch
          size="md"
          label="Activate Order Synchronization"
          description={
            connection.active
              ? 'Active: orders are imported on schedule and on demand; shipments and stock are written back.'
              : 'Disabled: no scheduled or manual sync and no write-back; data is kept.'
          }
          checked={connection.active}
          disabled={activation.isPending}
          onChange={(e) => activation.mutate(e.currentTarget.checked)}
          onLabel="Active"
          offLabel="Off"
        />
        {planRefusal ? (
          <Alert color="orange" title="Your plan does not allow this" role="alert">
            <Text size="sm">{activation.error?.message}</Text>
            <Anchor component={Link} to="/plan" size="sm" fw={600}>
              View plans and upgrade
            </Anchor>
          </Alert>
        ) : (
          <ErrorAlert error={activation.error} title="Could not change order synchronization" />
        )}
        <Select
          label="Store"
          description="The store that receives this connection's orders."
          placeholder="No store"
          clearable
          data={storeOptions}
          value={connection.storeId}
          onChange={(v) => store.mutate(v)}
          disabled={store.isPending}
          maw={420}
        />
        <ErrorAlert error={store.error} title="Could not change the store" />
        <Group>
          <Button variant="light" onClick={() => test.mutate()} loading={test.isPending}>
            Test connection
          </Button>
        </Group>
        {test.data && <ConnectionTestResultAlert result={test.data} />}
        <ErrorAlert error={test.error} title="The test could not run" />
      </Stack>
    </Paper>
  );
}
