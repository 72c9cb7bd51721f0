import { Button, NumberInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Plan } from '../../api/types';
import { ErrorAlert, ScrollTable, useNotify } from '../../components';

const NEW: Plan = { id: '', name: '', orderConnections: true, maxConnections: null, ordersPerMonth: null };

/** Plans are data: an administrator changes their limits or adds one (empty limit = unlimited). */
export function PlansEditor({ plans }: { plans: Plan[] }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Plans
      </Title>
      <Text size="sm" c="dimmed">
        What each plan allows. An empty limit means unlimited. Raising a limit releases orders held back by it.
      </Text>
      <ScrollTable label="Plans" minWidth={820}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Plan id</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Order connections</Table.Th>
            <Table.Th>Max connections</Table.Th>
            <Table.Th>Orders per month</Table.Th>
            <Table.Th>Save</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((p) => (
            <PlanRow key={p.id} plan={p} />
          ))}
          <PlanRow plan={NEW} />
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}

function PlanRow({ plan }: { plan: Plan }) {
  const isNew = plan.id === '';
  const [draft, setDraft] = useState<Plan>(plan);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      api<{ plan: Plan; released: number }>('PUT', `/api/admin/plans/${encodeURIComponent(draft.id)}`, {
        name: draft.name,
        orderConnections: draft.orderConnections,
        maxConnections: draft.maxConnections,
        ordersPerMonth: draft.ordersPerMonth,
      }),
    onSuccess: (r) => {
      notify({ message: `Plan "${r.plan.name}" saved${r.released ? `; ${r.released} held order(s) released` : ''}` });
      if (isNew) setDraft(NEW);
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
    },
  });
  const label = isNew ? 'new plan' : plan.name;
  const limit = (v: string | number) => (v === '' ? null : Number(v));
  return (
    <>
      <Table.Tr>
        <Table.Td>
          {isNew ? (
            <TextInput
              size="xs"
              aria-label="Id of the new plan"
              placeholder="e.g. agency"
              value={draft.id}
              onChange={(e) => setDraft({ ...draft, id: e.currentTarget.value })}
            />
          ) : (
            <Text size="sm" ff="monospace">
              {plan.id}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <TextInput
            size="xs"
            aria-label={`Name of ${label}`}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
        </Table.Td>
        <Table.Td>
          <Switch
            aria-label={`Order connections in ${label}`}
            checked={draft.orderConnections}
            onChange={(e) => setDraft({ ...draft, orderConnections: e.currentTarget.checked })}
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            size="xs"
            min={0}
            allowDecimal={false}
            aria-label={`Max connections of ${label}`}
            placeholder="unlimited"
            value={draft.maxConnections ?? ''}
            onChange={(v) => setDraft({ ...draft, maxConnections: limit(v) })}
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            size="xs"
            min={0}
            allowDecimal={false}
            thousandSeparator=","
            aria-label={`Orders per month of ${label}`}
            placeholder="unlimited"
            value={draft.ordersPerMonth ?? ''}
            onChange={(v) => setDraft({ ...draft, ordersPerMonth: limit(v) })}
          />
        </Table.Td>
        <Table.Td>
          <Button
            size="xs"
            variant="light"
            aria-label={isNew ? 'Add plan' : `Save plan ${plan.name}`}
            loading={save.isPending}
            disabled={isNew && (!draft.id || !draft.name)}
            onClick={() => save.mutate()}
          >
            {isNew ? 'Add' : 'Save'}
          </Button>
        </Table.Td>
      </Table.Tr>
      {save.error && (
        <Table.Tr>
          <Table.Td colSpan={6}>
            <ErrorAlert error={save.error} title={`Plan ${draft.id || 'new'} was not saved`} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
