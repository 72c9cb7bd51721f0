import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { AdminAccount, Plan } from '../../api/types';
import { useCurrentSession, useSession } from '../../auth/session';
import { ErrorAlert, PageHeader, ScrollTable, useNotify } from '../../components';
import { CreateAccountForm } from './CreateAccountForm';
import { NetworkSettings } from './NetworkSettings';
import { PlansEditor } from './PlansEditor';

export default function AdminPage() {
  const session = useCurrentSession();
  const { switchAccount } = useSession();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [creating, create] = useDisclosure(false);
  const accounts = useQuery({
    queryKey: ['admin', 'accounts'],
    queryFn: () => api<{ accounts: AdminAccount[] }>('GET', '/api/admin/accounts'),
    enabled: session.user.role === 'admin',
  });
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => api<{ plans: Plan[] }>('GET', '/api/plans') });
  const switchTo = useMutation({
    mutationFn: (id: string) => switchAccount(id),
    onSuccess: (s) => {
      notify({ message: `Now working in ${s.account.name}` });
      void navigate('/');
    },
  });
  const changePlan = useMutation({
    mutationFn: ({ accountId, planId }: { accountId: string; planId: string }) =>
      api('PUT', `/api/admin/accounts/${encodeURIComponent(accountId)}/plan`, { planId }),
    onSuccess: () => {
      notify({ message: 'Plan changed' });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'accounts'] });
    },
  });

  if (session.user.role !== 'admin') {
    return (
      <Stack>
        <PageHeader title="Admin" />
        <Alert color="yellow" title="Administrators only">
          This page is for administrators of this OrderBridge installation.
        </Alert>
      </Stack>
    );
  }

  const planOptions = (plans.data?.plans ?? []).map((p) => ({ value: p.id, label: p.name }));
  const list = accounts.data?.accounts ?? [];

  return (
    <Stack>
      <PageHeader
        title="Admin"
        description="Accounts of this installation."
        actions={!creating && <Button onClick={create.open}>Create account</Button>}
      />
      {creating && <CreateAccountForm plans={plans.data?.plans ?? []} onDone={create.close} />}
      <ErrorAlert error={accounts.error} title="Could not load accounts" onRetry={() => void accounts.refetch()} />
      <ErrorAlert error={switchTo.error} title="Could not switch account" />
      <ErrorAlert error={changePlan.error} title="The plan was not changed" />
      {accounts.isSuccess && list.length === 0 && <Text>No accounts.</Text>}
      {list.length > 0 && (
        <ScrollTable label="Accounts" minWidth={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Account</Table.Th>
              <Table.Th>Plan</Table.Th>
              <Table.Th>Connections</Table.Th>
              <Table.Th>Users</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td fw={600}>
                  {a.name}
                  {a.id === session.account.id && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (current)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td miw={180}>
                  <Select
                    aria-label={`Plan of ${a.name}`}
                    size="xs"
                    data={planOptions.length ? planOptions : [{ value: a.planId, label: a.planId }]}
                    value={a.planId}
                    allowDeselect={false}
                    disabled={changePlan.isPending}
                    onChange={(planId) =>
                      planId && planId !== a.planId && changePlan.mutate({ accountId: a.id, planId })
                    }
                  />
                </Table.Td>
                <Table.Td>{a.connections}</Table.Td>
                <Table.Td>{a.users}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      disabled={a.id === session.account.id}
                      loading={switchTo.isPending && switchTo.variables === a.id}
                      aria-label={`Switch to account ${a.name}`}
                      onClick={() => switchTo.mutate(a.id)}
                    >
                      Switch to account
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {plans.data && <PlansEditor key={plans.dataUpdatedAt} plans={plans.data.plans} />}
      <NetworkSettings />
    </Stack>
  );
}
