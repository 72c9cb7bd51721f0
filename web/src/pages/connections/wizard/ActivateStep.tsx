import { Alert, Anchor, Button, Group, List, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError } from '../../../api/client';
import type { Account, Connection, ConnectionTestResult } from '../../../api/types';
import { ErrorAlert } from '../../../components';
import { ConnectionTestResultAlert } from '../ConnectionTestResultAlert';
import { marketplaceLabel, useMarketplaces, useStores } from '../queries';
import type { WizardDraft } from './wizard-draft';

/** The plan refusal, where the merchant asked for activation (PRODUCT.md §4 step 4). */
function PlanRefusal({ message }: { message: string }) {
  return (
    <Alert color="orange" title="Your plan does not allow this" role="alert">
      <Text size="sm">{message}</Text>
      <Anchor component={Link} to="/plan" size="sm" fw={600}>
        View plans and upgrade
      </Anchor>
    </Alert>
  );
}

/** Last step: a summary, "Activate order synchronization", and the one button that creates the connection. */
export function ActivateStep({
  draft,
  set,
  error,
  busy,
  created,
  test,
  onCreate,
}: {
  draft: WizardDraft;
  set: <K extends keyof WizardDraft>(key: K, value: WizardDraft[K]) => void;
  error: unknown;
  busy: boolean;
  created: Connection | null;
  test: ConnectionTestResult | null;
  onCreate: () => void;
}) {
  const account = useQuery({ queryKey: ['account'], queryFn: () => api<Account>('GET', '/api/account') });
  const regions = useMarketplaces().data?.regions;
  const storeName = useStores().data?.stores.find((s) => s.id === draft.store)?.name ?? 'none yet';
  const plan = account.data?.plan;
  const planRefusal =
    error instanceof ApiError && error.code.startsWith('plan_')
      ? error.message
      : draft.activate && plan && !plan.orderConnections
        ? `Your plan "${plan.name}" does not include order connections: upgrade to activate order synchronization, or create the connection without it.`
        : null;

  if (created) {
    const notActivated = draft.activate && !created.active && test !== null && !busy;
    return (
      <Stack mt="md">
        <Alert color="green" title="Connection created">
          <strong>{created.name}</strong> is saved;{' '}
          {created.active ? 'order synchronization is active.' : 'order synchronization is off.'}
        </Alert>
        {test ? <ConnectionTestResultAlert result={test} /> : <Text size="sm">Testing the connection…</Text>}
        {notActivated &&
          (planRefusal ? (
            <PlanRefusal message={planRefusal} />
          ) : error ? (
            <ErrorAlert error={error} title="Order synchronization was not activated" />
          ) : (
            <Text size="sm">
              Order synchronization was not activated because the test failed: correct the credentials on the
              connection&apos;s page, test again and activate it there.
            </Text>
          ))}
      </Stack>
    );
  }
  return (
    <Stack mt="md">
      <List size="sm" spacing={2}>
        <List.Item>Marketplace: {draft.marketplaceId ? marketplaceLabel(regions, draft.marketplaceId) : '—'}</List.Item>
        <List.Item>Seller ID: {draft.sellerId}</List.Item>
        <List.Item>Name: {draft.name}</List.Item>
        <List.Item>Store: {storeName}</List.Item>
        <List.Item>
          Authorisation: {draft.method === 'amazon' ? 'Connect with Amazon' : 'SP-API refresh token'}
        </List.Item>
      </List>
      <Switch
        size="md"
        label="Activate order synchronization"
        description={
          draft.method === 'amazon'
            ? 'Switched on as soon as Amazon has authorised OrderBridge.'
            : 'Switched on once the connection test passes: orders are then imported on schedule and shipments and stock written back.'
        }
        checked={draft.activate}
        onChange={(e) => set('activate', e.currentTarget.checked)}
      />
      {planRefusal ? (
        <PlanRefusal message={planRefusal} />
      ) : (
        <ErrorAlert error={error} title="Could not create the connection" />
      )}
      <Group justify="flex-end">
        <Button onClick={onCreate} loading={busy} disabled={busy || planRefusal !== null}>
          {draft.method === 'amazon' ? 'Create and connect with Amazon' : 'Create connection'}
        </Button>
      </Group>
    </Stack>
  );
}
