import { Alert, Badge, Button, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Account, Plan } from '../../api/types';
import { useIsAdmin, useSession } from '../../auth/session';
import { ErrorAlert, PageHeader, ScrollTable, useNotify } from '../../components';

const limit = (n: number | null, unit: string) =>
  n === null ? `unlimited ${unit}` : `${n.toLocaleString('en')} ${unit}`;

function Usage({ label, used, max }: { label: string; used: number; max: number | null }) {
  const percent = max === null ? 0 : max === 0 ? 100 : Math.min(100, Math.round((used / max) * 100));
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {used.toLocaleString('en')}
        <Text span c="dimmed" size="sm" fw={400}>
          {' '}
          / {max === null ? 'unlimited' : max.toLocaleString('en')}
        </Text>
      </Text>
      {max !== null && (
        <Progress
          mt="xs"
          value={percent}
          color={percent >= 100 ? 'red' : percent >= 80 ? 'orange' : 'indigo'}
          aria-label={`${label}: ${percent}% used`}
        />
      )}
    </Paper>
  );
}

export default function PlanPage() {
  const isAdmin = useIsAdmin();
  const { refresh } = useSession();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const account = useQuery({ queryKey: ['account'], queryFn: () => api<Account>('GET', '/api/account') });
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => api<{ plans: Plan[] }>('GET', '/api/plans') });
  const change = useMutation({
    mutationFn: (planId: string) => api<Account>('PUT', '/api/account/plan', { planId }),
    onSuccess: (a) => {
      queryClient.setQueryData(['account'], a);
      void refresh();
      notify({ message: `Plan changed to ${a.plan.name}` });
    },
  });
  const current = account.data;

  return (
    <Stack>
      <PageHeader title="Plan" description="What your account may do, and this month's usage." />
      <ErrorAlert error={account.error} title="Could not load your account" onRetry={() => void account.refetch()} />
      {current && (
        <>
          <Paper withBorder p="md" radius="md">
            <Text size="sm" c="dimmed">
              Current plan
            </Text>
            <Title order={2} size="h3">
              {current.plan.name}
            </Title>
            <Text size="sm">
              {current.plan.orderConnections
                ? `Order connections, ${limit(current.plan.maxConnections, 'connections')}, ${limit(current.plan.ordersPerMonth, 'orders per month')}.`
                : 'No order connections: order synchronization cannot be activated on this plan.'}
            </Text>
          </Paper>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Usage label="Connections" used={current.usage.connections} max={current.plan.maxConnections} />
            <Usage label="Orders this month" used={current.usage.ordersThisMonth} max={current.plan.ordersPerMonth} />
          </SimpleGrid>
          {current.plan.ordersPerMonth !== null && current.usage.ordersThisMonth >= current.plan.ordersPerMonth && (
            <Alert color="orange" title="Monthly order quota reached">
              New orders are still imported and kept, but held back from your store until the month turns or the plan
              changes. Nothing is dropped.
            </Alert>
          )}
        </>
      )}
      <Title order={2} size="h4" mt="md">
        Plans
      </Title>
      {!isAdmin && (
        <Alert color="blue" title="Changing the plan">
          Only an administrator can change the plan: ask your administrator.
        </Alert>
      )}
      <ErrorAlert error={plans.error} title="Could not load plans" />
      <ErrorAlert error={change.error} title="The plan was not changed" />
      {plans.data && (
        <ScrollTable label="Plans" minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Plan</Table.Th>
              <Table.Th>Order connections</Table.Th>
              <Table.Th>Connections</Table.Th>
              <Table.Th>Orders per month</Table.Th>
              <Table.Th>
                <span aria-hidden>{isAdmin ? 'Action' : ''}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.data.plans.map((p) => {
              const isCurrent = p.id === current?.plan.id;
              return (
                <Table.Tr key={p.id}>
                  <Table.Td fw={600}>
                    {p.name} {isCurrent && <Badge variant="light">current</Badge>}
                  </Table.Td>
                  <Table.Td>{p.orderConnections ? 'yes' : 'no'}</Table.Td>
                  <Table.Td>{p.maxConnections === null ? 'unlimited' : p.maxConnections}</Table.Td>
                  <Table.Td>{p.ordersPerMonth === null ? 'unlimited' : p.ordersPerMonth.toLocaleString('en')}</Table.Td>
                  <Table.Td>
                    {isAdmin && !isCurrent && (
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`Switch to this plan: ${p.name}`}
                        loading={change.isPending && change.variables === p.id}
                        onClick={() => change.mutate(p.id)}
                      >
                        Switch to this plan
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
