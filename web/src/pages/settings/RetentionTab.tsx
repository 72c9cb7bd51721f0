import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/openapi';
import { useCurrentSession } from '../../auth/session';
import { ErrorAlert, useNotify } from '../../components';

type Retention = components['schemas']['BuyerDataRetention'];
const KEY = ['retention'];

/** How long buyer personal data is kept (PRODUCT.md §12); administrators also set the limit. */
export function RetentionTab() {
  const session = useCurrentSession();
  const retention = useQuery({ queryKey: KEY, queryFn: () => api<Retention>('GET', '/api/account/retention') });
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        Amazon’s data-protection policy lets sellers keep buyer personal data (names, addresses, phone, e-mail, tax ids,
        gift messages) only as long as needed. OrderBridge removes it this many days after an order was shipped or
        cancelled, once a day. The order itself stays: its lines, totals, statuses and timeline.
      </Text>
      <ErrorAlert error={retention.error} title="Could not load the retention" />
      {retention.data && <DaysForm current={retention.data} />}
      {retention.data && session.user.role === 'admin' && <LimitForm current={retention.data} />}
    </Stack>
  );
}

function DaysForm({ current }: { current: Retention }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [days, setDays] = useState<number | string>(current.days);
  // A lowered limit lowers the account's days: show what is in force.
  useEffect(() => setDays(current.days), [current.days]);
  const save = useMutation({
    mutationFn: () => api<Retention>('PUT', '/api/account/retention', { days: Number(days) }),
    onSuccess: (r) => {
      queryClient.setQueryData(KEY, r);
      notify({ message: `Buyer data is now kept ${r.days} days after an order ends` });
    },
  });
  return (
    <form
      aria-label="Buyer data retention"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label="Keep buyer personal data for (days)"
            description={`After shipping or cancellation; at most ${current.maxDays} (default ${current.defaultDays})`}
            min={1}
            max={current.maxDays}
            allowDecimal={false}
            value={days}
            onChange={setDays}
          />
          <Button type="submit" loading={save.isPending} disabled={days === '' || Number(days) === current.days}>
            Save
          </Button>
        </Group>
        <ErrorAlert error={save.error} title="The retention was not changed" />
      </Stack>
    </form>
  );
}

function LimitForm({ current }: { current: Retention }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [maxDays, setMaxDays] = useState<number | string>(current.maxDays);
  const save = useMutation({
    mutationFn: () => api<{ maxDays: number }>('PUT', '/api/admin/retention', { maxDays: Number(maxDays) }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: KEY });
      notify({ message: `No account keeps buyer data longer than ${r.maxDays} days` });
    },
  });
  return (
    <form
      aria-label="Retention limit for every account"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          Administrators: limit for every account
        </Title>
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label="Longest retention any account may set (days)"
            description="Accounts set above it are lowered to it at once"
            min={1}
            max={3650}
            allowDecimal={false}
            value={maxDays}
            onChange={setMaxDays}
          />
          <Button
            type="submit"
            loading={save.isPending}
            disabled={maxDays === '' || Number(maxDays) === current.maxDays}
          >
            Save limit
          </Button>
        </Group>
        <ErrorAlert error={save.error} title="The limit was not changed" />
      </Stack>
    </form>
  );
}
