import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Account } from '../api/types';

/** On every page while the monthly quota holds orders back: they are kept, not dropped, and where to act. */
export function QuotaNotice() {
  const account = useQuery({
    queryKey: ['account'],
    queryFn: () => api<Account>('GET', '/api/account'),
    refetchInterval: 60_000,
  });
  const held = account.data?.usage.ordersHeldByQuota ?? 0;
  if (held === 0) return null;
  return (
    <Alert color="orange" title="Orders held back by your plan" mb="md" role="status">
      {held} order{held === 1 ? ' is' : 's are'} over the monthly quota of the plan “{account.data?.plan.name}”. They
      are imported and kept, and go to your store when the month turns or the plan changes.{' '}
      <Anchor component={Link} to="/plan">
        View plan
      </Anchor>
    </Alert>
  );
}
