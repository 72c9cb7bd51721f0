import { Alert, PasswordInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { shopifyBaseUrl, type ShopifyDraft } from './shopify-store';

/** Server validation issues of a Shopify store, by the field that shows them. */
function fieldErrors(errors: Record<string, string>) {
  const pick = (...keys: string[]) => keys.map((k) => errors[k] ?? errors[`secrets.${k}`]).find(Boolean);
  return {
    shop: errors['baseUrl'],
    accessToken: pick('accessToken'),
    clientId: pick('clientId'),
    clientSecret: pick('clientSecret'),
    webhookSecret: pick('webhookSecret'),
    locationId: errors['settings.locationId'] ?? errors['locationId'],
    // The credentials rule that names no single field ("accessToken, or clientId and clientSecret").
    secrets: errors['secrets'] ?? errors[''],
  };
}

/** Shop domain, authentication (access token or client credentials), webhook secret and location. */
export function ShopifyStoreFields({
  draft,
  set,
  errors,
}: {
  draft: ShopifyDraft;
  set: <K extends keyof ShopifyDraft>(key: K, value: ShopifyDraft[K]) => void;
  errors: Record<string, string>;
}) {
  const base = shopifyBaseUrl(draft.shop);
  const e = fieldErrors(errors);
  const secret = (key: 'accessToken' | 'clientSecret' | 'webhookSecret') => ({
    value: draft[key],
    onChange: (ev: React.ChangeEvent<HTMLInputElement>) => set(key, ev.currentTarget.value),
    error: e[key],
    autoComplete: 'new-password',
  });
  return (
    <Stack gap="sm">
      <TextInput
        label="Shop domain"
        required
        placeholder="my-shop.myshopify.com"
        description={
          base && 'url' in base ? (
            <>
              Connects to <strong>{base.url}</strong>
            </>
          ) : (
            'my-shop, my-shop.myshopify.com or the shop’s URL'
          )
        }
        value={draft.shop}
        onChange={(ev) => set('shop', ev.currentTarget.value)}
        error={e.shop ?? (base && 'error' in base ? base.error : undefined)}
        autoComplete="off"
        spellCheck={false}
      />
      <Radio.Group
        label="Authentication"
        value={draft.auth}
        onChange={(v) => set('auth', v === 'client' ? 'client' : 'token')}
        error={e.secrets}
      >
        <Stack mt="xs" gap="xs">
          <Radio value="token" label="Access token" description="A custom app's Admin API access token (shpat_…)." />
          <Radio
            value="client"
            label="Client credentials"
            description="Client ID and secret of your app in Shopify's Dev Dashboard."
          />
        </Stack>
      </Radio.Group>
      {draft.auth === 'token' ? (
        <PasswordInput label="Admin API access token" description="shpat_…" required {...secret('accessToken')} />
      ) : (
        <>
          <Alert color="blue" title="Dev Dashboard app">
            OrderBridge exchanges the client ID and secret for an access token that is valid for 24 hours and gets a new
            one by itself before it expires. The app needs the scopes write_orders, read_products, write_inventory,
            read_locations and read_merchant_managed_fulfillment_orders, and must be installed on this shop.
          </Alert>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Client ID"
              required
              value={draft.clientId}
              onChange={(ev) => set('clientId', ev.currentTarget.value)}
              error={e.clientId}
              autoComplete="off"
              spellCheck={false}
            />
            <PasswordInput label="Client secret" description="shpss_…" required {...secret('clientSecret')} />
          </SimpleGrid>
        </>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PasswordInput
          label="Webhook secret"
          description={
            draft.auth === 'client'
              ? 'Optional: verifies Shopify’s webhooks (default: the client secret)'
              : 'Optional: the app’s client secret, to verify Shopify’s webhooks'
          }
          {...secret('webhookSecret')}
        />
        <TextInput
          label="Location"
          description="Optional: location ID (gid://shopify/Location/… or its number); default: the primary location"
          value={draft.locationId}
          onChange={(ev) => set('locationId', ev.currentTarget.value)}
          error={e.locationId}
          autoComplete="off"
          spellCheck={false}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Credentials are stored encrypted and never shown again (only their last 4 characters).
      </Text>
    </Stack>
  );
}
