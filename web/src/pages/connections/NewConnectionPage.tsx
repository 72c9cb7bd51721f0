import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  PasswordInput,
  Radio,
  Select,
  Stack,
  Stepper,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Connection, ConnectionTestResult } from '../../api/types';
import { ErrorAlert, PageHeader } from '../../components';
import { ConnectionTestResultAlert } from './ConnectionTestResultAlert';
import { issuesByField, keys, marketplaceOptions, useAmazonEndpoints, useMarketplaces, useStores } from './queries';

interface Draft {
  endpoint: 'production' | 'sandbox';
  marketplaceId: string | null;
  sellerId: string;
  name: string;
  store: string | null;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

const EMPTY: Draft = {
  endpoint: 'production',
  marketplaceId: null,
  sellerId: '',
  name: '',
  store: null,
  clientId: '',
  clientSecret: '',
  refreshToken: '',
};
const STEP_OF_FIELD: Record<string, number> = {
  marketplaceId: 1,
  sellerId: 1,
  name: 1,
  store: 1,
  clientId: 2,
  clientSecret: 2,
  refreshToken: 2,
};

/** Add connection: channel → marketplace and seller → authorisation → test. */
export default function NewConnectionPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const marketplaces = useMarketplaces();
  const stores = useStores();
  const endpoints = useAmazonEndpoints().data?.endpoints ?? [];
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'amazon' | 'test' | null>(null);
  const [created, setCreated] = useState<Connection | null>(null);
  const [test, setTest] = useState<ConnectionTestResult | null>(null);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => {
      const { [key]: _drop, ...rest } = e;
      return rest;
    });
  };

  const validateDetails = (): boolean => {
    const next: Record<string, string> = {};
    if (!draft.marketplaceId) next['marketplaceId'] = 'Choose the marketplace';
    if (!/^[A-Z0-9]{8,20}$/.test(draft.sellerId.trim()))
      next['sellerId'] = 'The Seller ID (merchant token) looks like A2EUQ1WTGCTBG2: 8–20 capital letters and digits';
    if (!draft.name.trim()) next['name'] = 'Give the connection a name';
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  /** Creates the connection (or updates the one created earlier in this wizard). */
  const save = async (withCredentials: boolean): Promise<Connection | null> => {
    setError(null);
    const body: Record<string, unknown> = {
      name: draft.name.trim(),
      marketplaceId: draft.marketplaceId,
      sellerId: draft.sellerId.trim(),
    };
    const endpoint = endpoints.find((e) => e.id === draft.endpoint);
    if (endpoint?.spApiBaseUrl && endpoint.lwaUrl) {
      body['spApiBaseUrl'] = endpoint.spApiBaseUrl;
      body['lwaUrl'] = endpoint.lwaUrl;
    }
    if (draft.store) body['store'] = draft.store;
    else if (created) body['store'] = null;
    if (withCredentials) {
      if (draft.clientId.trim()) body['clientId'] = draft.clientId.trim();
      if (draft.clientSecret) body['clientSecret'] = draft.clientSecret;
      if (draft.refreshToken.trim()) body['refreshToken'] = draft.refreshToken.trim();
    }
    try {
      const connection = created
        ? await api<Connection>('PATCH', `/api/connections/${created.id}`, body)
        : await api<Connection>('POST', '/api/connections', body);
      setCreated(connection);
      await queryClient.invalidateQueries({ queryKey: keys.connections });
      return connection;
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) {
        const fieldErrors = issuesByField(e.issues);
        setErrors(fieldErrors);
        const steps = Object.keys(fieldErrors)
          .map((f) => STEP_OF_FIELD[f])
          .filter((s): s is number => s !== undefined);
        if (steps.length > 0) setStep(Math.min(...steps));
      }
      return null;
    }
  };

  /** The sandbox's app credentials are public: filled in when it is chosen. */
  const chooseEndpoint = (id: string) => {
    const endpoint = endpoints.find((e) => e.id === id);
    setDraft((d) => ({
      ...d,
      endpoint: id === 'sandbox' ? 'sandbox' : 'production',
      clientId: endpoint?.clientId ?? (d.endpoint === 'sandbox' ? '' : d.clientId),
      clientSecret: endpoint?.clientSecret ?? (d.endpoint === 'sandbox' ? '' : d.clientSecret),
    }));
  };

  const saveCredentials = async () => {
    if (!draft.refreshToken.trim()) {
      setErrors({ refreshToken: 'Enter the refresh token, or use Connect with Amazon' });
      return;
    }
    setBusy('save');
    const connection = await save(true);
    setBusy(null);
    if (connection) setStep(3);
  };

  const connectWithAmazon = async () => {
    setBusy('amazon');
    const connection = await save(true);
    if (!connection) return setBusy(null);
    try {
      const { consentUrl } = await api<{ consentUrl: string }>(
        'POST',
        `/api/connections/${connection.id}/amazon-authorization`,
      );
      window.location.assign(consentUrl);
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };

  const runTest = async () => {
    if (!created) return;
    setBusy('test');
    setError(null);
    try {
      setTest(await api<ConnectionTestResult>('POST', `/api/connections/${created.id}/test`));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const storeOptions = (stores.data?.stores ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.platform})` }));

  return (
    <Stack maw={860}>
      <PageHeader title="Add connection" description="Connect an Amazon seller account in four steps." />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md">
        <Stepper
          active={step}
          onStepClick={(s) => s < step && setStep(s)}
          allowNextStepsSelect={false}
          size="sm"
          orientation="horizontal"
          wrap
        >
          <Stepper.Step label="Channel" description="Amazon">
            <Stack mt="md">
              <Radio.Group label="Channel" value="amazon" onChange={() => undefined}>
                <Stack mt="xs">
                  <Radio value="amazon" label="Amazon (Selling Partner API)" />
                </Stack>
              </Radio.Group>
              <Text size="sm" c="dimmed">
                OrderBridge imports Amazon orders into your store and sends shipments, cancellations and stock back.
              </Text>
              <Group justify="flex-end">
                <Button onClick={() => setStep(1)}>Next</Button>
              </Group>
            </Stack>
          </Stepper.Step>

          <Stepper.Step label="Marketplace" description="Seller and store">
            <Stack mt="md">
              <ErrorAlert error={marketplaces.error} title="Could not load the marketplaces" />
              {endpoints.length > 1 && (
                <Radio.Group
                  label="Amazon endpoint"
                  description="Where this connection talks to Amazon."
                  value={draft.endpoint}
                  onChange={chooseEndpoint}
                >
                  <Stack mt="xs" gap="xs">
                    {endpoints.map((e) => (
                      <Radio key={e.id} value={e.id} label={e.name} description={e.description} />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              <Select
                label="Marketplace"
                placeholder="Choose a marketplace"
                required
                searchable
                data={marketplaceOptions(marketplaces.data?.regions)}
                value={draft.marketplaceId}
                onChange={(v) => set('marketplaceId', v)}
                error={errors['marketplaceId']}
                nothingFoundMessage="No such marketplace"
              />
              <TextInput
                label="Seller ID"
                description="Your merchant token, e.g. A2EUQ1WTGCTBG2 (Seller Central → Settings → Account info → Merchant token)."
                required
                value={draft.sellerId}
                onChange={(e) => set('sellerId', e.currentTarget.value.toUpperCase())}
                error={errors['sellerId']}
                autoComplete="off"
              />
              <TextInput
                label="Connection name"
                description="Shown in OrderBridge, e.g. “Amazon DE”."
                required
                value={draft.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                error={errors['name']}
              />
              <Select
                label="Store"
                description="The store that receives this connection's orders (optional; you can choose it later)."
                placeholder={storeOptions.length ? 'No store yet' : 'No stores added yet'}
                clearable
                data={storeOptions}
                value={draft.store}
                onChange={(v) => set('store', v)}
                error={errors['store']}
              />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)}>
                  Back
                </Button>
                <Button onClick={() => validateDetails() && setStep(2)}>Next</Button>
              </Group>
            </Stack>
          </Stepper.Step>

          <Stepper.Step label="Authorisation" description="SP-API credentials">
            <Stack mt="md">
              <Alert color="blue" title="MWS was shut down in 2024">
                Amazon&apos;s MWS (Seller ID + “MWS Authorization Token”) no longer works. OrderBridge uses the Selling
                Partner API: connect with Amazon, or enter the refresh token of your SP-API app.
              </Alert>
              <Paper withBorder p="md" radius="md">
                <Stack gap="xs">
                  <Text fw={600}>Recommended: authorise OrderBridge on Amazon</Text>
                  <Text size="sm" c="dimmed">
                    You log in to Seller Central, approve access, and come back here.
                  </Text>
                  <Group>
                    <Button
                      onClick={() => void connectWithAmazon()}
                      loading={busy === 'amazon'}
                      disabled={busy !== null}
                    >
                      Connect with Amazon
                    </Button>
                  </Group>
                </Stack>
              </Paper>
              <Text fw={600}>Or enter SP-API credentials</Text>
              <TextInput
                label="LWA client ID"
                description="Optional: leave empty to use this installation's app (amzn1.application-oa2-client.…)."
                value={draft.clientId}
                onChange={(e) => set('clientId', e.currentTarget.value)}
                error={errors['clientId']}
                autoComplete="off"
              />
              <PasswordInput
                label="LWA client secret"
                description="Optional: leave empty to use this installation's app. Stored encrypted; never shown again."
                value={draft.clientSecret}
                onChange={(e) => set('clientSecret', e.currentTarget.value)}
                error={errors['clientSecret']}
                autoComplete="new-password"
              />
              <PasswordInput
                label="Refresh token"
                description="Starts with “Atzr|”. Stored encrypted; never shown again."
                value={draft.refreshToken}
                onChange={(e) => set('refreshToken', e.currentTarget.value)}
                error={errors['refreshToken']}
                autoComplete="new-password"
              />
              <ErrorAlert error={error} title="Could not save the connection" />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(1)}>
                  Back
                </Button>
                <Button onClick={() => void saveCredentials()} loading={busy === 'save'} disabled={busy !== null}>
                  Save and continue
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>

          <Stepper.Step label="Test" description="Check the credentials">
            <Stack mt="md">
              <Text size="sm">
                The connection <strong>{created?.name}</strong> is saved (order synchronization is still disabled). Test
                it with one cheap call to Amazon.
              </Text>
              <Group>
                <Button onClick={() => void runTest()} loading={busy === 'test'} variant="light">
                  Test connection
                </Button>
              </Group>
              {test && <ConnectionTestResultAlert result={test} />}
              <ErrorAlert error={error} title="The test could not run" />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(2)}>
                  Back
                </Button>
                <Button onClick={() => created && void navigate(`/connections/${created.id}`)} disabled={!created}>
                  Finish
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
        </Stepper>
      </Paper>
      <Anchor component={Link} to="/connections" size="sm">
        Cancel and go back to connections
      </Anchor>
    </Stack>
  );
}
