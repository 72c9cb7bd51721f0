import { Alert, Anchor, Button, Grid, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert, PageHeader, StatusBadge } from '../../components';
import { ActivationPanel } from './ActivationPanel';
import { CredentialsSection } from './CredentialsSection';
import { OrdersConfigForm } from './OrdersConfigForm';
import { PulledTogether } from './PulledTogether';
import { keys, marketplaceLabel, useConnection, useConnections, useMarketplaces } from './queries';
import { SkuLinksSection } from './SkuLinksSection';
import { SyncPanel } from './SyncPanel';
import { useFinishWizardAfterAmazon } from './wizard/finish-after-amazon';

/** Shows the result of Amazon's website authorisation (?amazon=connected | ?amazon=error&message=…). */
function AmazonReturnNotice({ connectionId }: { connectionId: string }) {
  const [params, setParams] = useSearchParams();
  const outcome = params.get('amazon');
  const activationRefused = useFinishWizardAfterAmazon(connectionId, outcome);
  if (activationRefused)
    return <ErrorAlert error={activationRefused} title="Could not activate order synchronization" />;
  if (!outcome) return null;
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('amazon');
    next.delete('message');
    setParams(next, { replace: true });
  };
  return outcome === 'connected' ? (
    <Alert color="green" title="Connected with Amazon" withCloseButton onClose={close} closeButtonLabel="Dismiss">
      Amazon authorised OrderBridge for this seller account. Test the connection, then activate order synchronization.
    </Alert>
  ) : (
    <Alert color="red" title="Amazon authorisation failed" withCloseButton onClose={close} closeButtonLabel="Dismiss">
      {params.get('message') ?? 'Amazon did not authorise OrderBridge.'}
    </Alert>
  );
}

export default function ConnectionPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const connection = useConnection(id);
  const connections = useConnections();
  const marketplaces = useMarketplaces();
  const [confirmOpen, confirm] = useDisclosure(false);
  const remove = useMutation({
    mutationFn: () => api<void>('DELETE', `/api/connections/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.connections });
      await navigate('/connections');
    },
  });

  if (connection.isPending) return <Text c="dimmed">Loading connection…</Text>;
  if (connection.isError) {
    return (
      <Stack>
        <PageHeader title="Connection" />
        <ErrorAlert
          error={connection.error}
          title="Could not load the connection"
          onRetry={() => void connection.refetch()}
        />
        <Anchor component={Link} to="/connections">
          Back to connections
        </Anchor>
      </Stack>
    );
  }
  const c = connection.data;

  return (
    <Stack>
      <Anchor component={Link} to="/connections" size="sm">
        ← Connections
      </Anchor>
      <PageHeader
        title={c.name}
        badge={<StatusBadge status={c.active ? 'active' : 'disabled'} />}
        description={`${marketplaceLabel(marketplaces.data?.regions, c.marketplaceId)} · Seller ID ${c.sellerId} · region ${c.region}`}
        actions={
          <Button variant="subtle" color="red" onClick={confirm.open}>
            Delete connection
          </Button>
        }
      />
      <PulledTogether connection={c} connections={connections.data?.connections} regions={marketplaces.data?.regions} />
      <AmazonReturnNotice connectionId={id} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }} miw={0}>
          <ActivationPanel connection={c} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }} miw={0}>
          <SyncPanel connectionId={c.id} active={c.active} />
        </Grid.Col>
      </Grid>
      <OrdersConfigForm connection={c} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }} miw={0}>
          <CredentialsSection connection={c} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }} miw={0}>
          <SkuLinksSection connectionId={c.id} />
        </Grid.Col>
      </Grid>
      <Modal opened={confirmOpen} onClose={confirm.close} title={`Delete ${c.name}?`}>
        <Stack>
          <Text size="sm">
            The connection and its credentials are removed. Orders already imported into your store stay there.
          </Text>
          <ErrorAlert error={remove.error} title="Could not delete the connection" />
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              Cancel
            </Button>
            <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
