import { Alert, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import type { WizardDraft } from './wizard-draft';

/** Step 3: how OrderBridge gets the seller's authorisation; nothing is sent to Amazon yet. */
export function AuthorisationStep({
  draft,
  set,
  errors,
}: {
  draft: WizardDraft;
  set: <K extends keyof WizardDraft>(key: K, value: WizardDraft[K]) => void;
  errors: Record<string, string>;
}) {
  return (
    <Stack mt="md">
      <Alert color="blue" title="MWS was shut down in 2024">
        Amazon&apos;s MWS (Seller ID + “MWS Authorization Token”) no longer works. OrderBridge uses the Selling Partner
        API: connect with Amazon, or enter the refresh token of your SP-API app.
      </Alert>
      <Radio.Group
        label="Authorisation"
        value={draft.method}
        onChange={(v) => set('method', v === 'token' ? 'token' : 'amazon')}
      >
        <Stack mt="xs" gap="xs">
          <Radio
            value="amazon"
            label="Connect with Amazon (recommended)"
            description="At the end of the wizard you log in to Seller Central, approve access, and come back here."
          />
          <Radio value="token" label="Enter SP-API credentials" description="The refresh token of your SP-API app." />
        </Stack>
      </Radio.Group>
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
      {draft.method === 'token' && (
        <PasswordInput
          label="Refresh token"
          description="Starts with “Atzr|”. Stored encrypted; never shown again."
          required
          value={draft.refreshToken}
          onChange={(e) => set('refreshToken', e.currentTarget.value)}
          error={errors['refreshToken']}
          autoComplete="new-password"
        />
      )}
    </Stack>
  );
}
