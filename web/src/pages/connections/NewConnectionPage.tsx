import { Anchor, Button, Group, Paper, Stack, Stepper } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Connection, ConnectionTestResult } from '../../api/types';
import { ErrorAlert, PageHeader } from '../../components';
import { issuesByField, keys, useAmazonEndpoints } from './queries';
import { ActivateStep } from './wizard/ActivateStep';
import { ChannelStep } from './wizard/ChannelStep';
import { AuthorisationStep } from './wizard/AuthorisationStep';
import { MarketplaceStep } from './wizard/MarketplaceStep';
import { checkSellerAvailability, type SellerCheck } from './wizard/seller-availability';
import { useRemoveUnfinishedConnection } from './wizard/use-remove-unfinished';
import { connectionBody, EMPTY_DRAFT, rememberPending, STEP_OF_FIELD, type WizardDraft } from './wizard/wizard-draft';

/**
 * Add connection: channel → marketplace and seller → authorisation → activate. The connection is
 * created only by the last step's button, so leaving the wizard earlier leaves nothing behind.
 */
export default function NewConnectionPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const endpoints = useAmazonEndpoints().data?.endpoints ?? [];
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<WizardDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sellerCheck, setSellerCheck] = useState<SellerCheck | null>(null);
  const [created, setCreated] = useState<Connection | null>(null);
  const [test, setTest] = useState<ConnectionTestResult | null>(null);

  useRemoveUnfinishedConnection(() => setBusy(false));

  const set = <K extends keyof WizardDraft>(key: K, value: WizardDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setError(null);
    if (key === 'sellerId' || key === 'marketplaceId') setSellerCheck(null);
    setErrors((e) => {
      const { [key]: _drop, ...rest } = e;
      return rest;
    });
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

  /** Seller ID step: fields, then whether this seller account + marketplace is already connected. */
  const confirmDetails = async () => {
    const next: Record<string, string> = {};
    if (!draft.marketplaceId) next['marketplaceId'] = 'Choose the marketplace';
    if (!/^[A-Z0-9]{8,20}$/.test(draft.sellerId.trim()))
      next['sellerId'] = 'The Seller ID (merchant token) looks like A2EUQ1WTGCTBG2: 8–20 capital letters and digits';
    if (!draft.name.trim()) next['name'] = 'Give the connection a name';
    setErrors(next);
    if (Object.keys(next).length > 0 || !draft.marketplaceId) return;
    setBusy(true);
    try {
      const check = await checkSellerAvailability(draft.sellerId.trim(), draft.marketplaceId);
      setSellerCheck(check);
      if (check.available) setStep(2);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const confirmAuthorisation = () => {
    if (draft.method === 'token' && !draft.refreshToken.trim()) {
      setErrors({ refreshToken: 'Enter the refresh token, or choose Connect with Amazon' });
      return;
    }
    setStep(3);
  };

  const refused = (e: unknown) => {
    setError(e);
    if (!(e instanceof ApiError)) return;
    const fieldErrors = issuesByField(e.issues);
    setErrors(fieldErrors);
    const steps = Object.keys(fieldErrors)
      .map((f) => STEP_OF_FIELD[f])
      .filter((s): s is number => s !== undefined);
    if (steps.length > 0) setStep(Math.min(...steps));
  };

  /** The only write of the wizard: create the connection (then test it, or go to Amazon's consent page). */
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const connection = await api<Connection>('POST', '/api/connections', connectionBody(draft, endpoints));
      await queryClient.invalidateQueries({ queryKey: keys.connections });
      if (draft.method === 'amazon') {
        const begun = await api<{ consentUrl: string }>(
          'POST',
          `/api/connections/${connection.id}/amazon-authorization`,
        ).catch(async (e: unknown) => {
          // No consent link (e.g. no SP-API application id): the connection would stay half-made.
          await api<void>('DELETE', `/api/connections/${connection.id}`).catch(() => undefined);
          await queryClient.invalidateQueries({ queryKey: keys.connections });
          throw e;
        });
        rememberPending({ id: connection.id, activate: draft.activate });
        window.location.assign(begun.consentUrl);
        return;
      }
      setCreated(connection);
      const tested = await api<ConnectionTestResult>('POST', `/api/connections/${connection.id}/test`);
      setTest(tested);
      if (tested.ok && draft.activate) {
        const path = `/api/connections/${connection.id}`;
        setCreated(
          await api<Connection>('PATCH', path, { active: true }).catch((e: unknown) => (setError(e), connection)),
        );
        await queryClient.invalidateQueries({ queryKey: keys.connections });
      }
      setBusy(false);
    } catch (e) {
      refused(e);
      setBusy(false);
    }
  };

  const back = (to: number) => (
    <Button variant="default" onClick={() => setStep(to)} disabled={busy}>
      Back
    </Button>
  );

  return (
    <Stack maw={860}>
      <PageHeader title="Add connection" description="Connect an Amazon seller account in four steps." />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md">
        <Stepper
          active={step}
          onStepClick={(s) => s < step && !created && setStep(s)}
          allowNextStepsSelect={false}
          size="sm"
          orientation="horizontal"
          wrap
        >
          <Stepper.Step label="Channel" description="Amazon">
            <ChannelStep onNext={() => setStep(1)} />
          </Stepper.Step>

          <Stepper.Step label="Marketplace" description="Seller and store">
            <MarketplaceStep
              draft={draft}
              set={set}
              chooseEndpoint={chooseEndpoint}
              errors={errors}
              sellerCheck={sellerCheck}
            />
            <ErrorAlert error={step === 1 ? error : null} title="Could not check the Seller ID" />
            <Group justify="space-between" mt="md">
              {back(0)}
              <Button onClick={() => void confirmDetails()} loading={busy}>
                Next
              </Button>
            </Group>
          </Stepper.Step>

          <Stepper.Step label="Authorisation" description="SP-API credentials">
            <AuthorisationStep draft={draft} set={set} errors={errors} />
            <Group justify="space-between" mt="md">
              {back(1)}
              <Button onClick={confirmAuthorisation}>Next</Button>
            </Group>
          </Stepper.Step>

          <Stepper.Step label="Activate" description="Create the connection">
            <ActivateStep
              draft={draft}
              set={set}
              error={error}
              busy={busy}
              created={created}
              test={test}
              onCreate={() => void create()}
            />
            <Group justify="space-between" mt="md">
              {created ? <span /> : back(2)}
              {created && (
                <Button onClick={() => void navigate(`/connections/${created.id}`)}>Open the connection</Button>
              )}
            </Group>
          </Stepper.Step>
        </Stepper>
      </Paper>
      {!created && (
        <Anchor component={Link} to="/connections" size="sm">
          Cancel and go back to connections (nothing is saved)
        </Anchor>
      )}
    </Stack>
  );
}
