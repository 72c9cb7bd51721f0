import { Alert, PasswordInput, Radio, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { magentoBaseUrl, magentoStoreCode, type MagentoDraft } from './magento-store';

/** Server validation issues of a Magento store, by the field that shows them. */
function fieldErrors(errors: Record<string, string>) {
  const secret = (key: string) => errors[`secrets.${key}`] ?? errors[key];
  const setting = (key: string) => errors[`settings.${key}`] ?? errors[key];
  return {
    baseUrl: errors['baseUrl'],
    accessToken: secret('accessToken'),
    consumerKey: secret('consumerKey'),
    consumerSecret: secret('consumerSecret'),
    accessTokenSecret: secret('accessTokenSecret'),
    // The credentials rule that names no single field ("accessToken, or all four OAuth values").
    secrets: errors['secrets'] ?? errors[''],
    storeCode: setting('storeCode'),
    orderCreation: setting('orderCreation'),
    incrementIdPrefix: setting('incrementIdPrefix'),
    invoice: setting('invoice'),
    paymentMethod: setting('paymentMethod'),
    cartShippingMethod: setting('cartShippingMethod'),
    sourceCode: setting('sourceCode'),
    stockId: setting('stockId'),
  };
}

type TextKey = {
  [K in keyof MagentoDraft]: MagentoDraft[K] extends string ? (K extends 'auth' | 'orderCreation' ? never : K) : never;
}[keyof MagentoDraft];

/**
 * Shop URL and store view, authentication (integration token as Bearer, or OAuth 1.0a), how orders
 * are created, and which stock OrderBridge reads and lowers.
 */
export function MagentoStoreFields({
  draft,
  set,
  errors,
}: {
  draft: MagentoDraft;
  set: <K extends keyof MagentoDraft>(key: K, value: MagentoDraft[K]) => void;
  errors: Record<string, string>;
}) {
  const base = magentoBaseUrl(draft.baseUrl);
  const e = fieldErrors(errors);
  const text = (key: TextKey) => ({
    value: draft[key],
    onChange: (ev: React.ChangeEvent<HTMLInputElement>) => set(key, ev.currentTarget.value),
    error: e[key],
    autoComplete: 'off',
    spellCheck: false,
  });
  const secret = (key: 'accessToken' | 'consumerSecret' | 'accessTokenSecret') => ({
    ...text(key),
    autoComplete: 'new-password',
  });
  const pastedCode = base && 'url' in base ? base.storeCode : null;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Store URL"
          required
          placeholder="https://shop.example.com"
          description={
            base && 'url' in base ? (
              <>
                Connects to <strong>{`${base.url}/rest/${magentoStoreCode(draft)}/V1`}</strong>
              </>
            ) : (
              'The shop’s root URL (a pasted …/rest/default/V1 is cut back to it)'
            )
          }
          {...text('baseUrl')}
          error={e.baseUrl ?? (base && 'error' in base ? base.error : undefined)}
        />
        <TextInput
          label="Store code"
          description="The store view orders go to (Stores › All Stores › store view code)"
          placeholder={pastedCode ?? 'default'}
          {...text('storeCode')}
        />
      </SimpleGrid>
      <Radio.Group
        label="Authentication"
        description="Credentials of an integration: System › Extensions › Integrations › your integration › Integration Info"
        value={draft.auth}
        onChange={(v) => set('auth', v === 'oauth' ? 'oauth' : 'bearer')}
        error={e.secrets}
      >
        <Stack mt="xs" gap="xs">
          <Radio
            value="bearer"
            label="Integration access token (Bearer)"
            description="The access token alone, sent as a Bearer token."
          />
          <Radio
            value="oauth"
            label="OAuth 1.0a (consumer key/secret + access token/secret)"
            description="All four values; OrderBridge signs every request (HMAC-SHA256)."
          />
        </Stack>
      </Radio.Group>
      {draft.auth === 'bearer' ? (
        <>
          <Alert color="blue" title="Magento 2.4.4 and later">
            An integration’s access token works as a Bearer token only when Stores › Configuration › Services › OAuth ›
            Consumer Settings › “Allow OAuth Access Tokens to be used as standalone Bearer tokens” is Yes. Leave it off
            and choose OAuth 1.0a instead if you prefer.
          </Alert>
          <PasswordInput label="Access token" required {...secret('accessToken')} />
        </>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Consumer key" required {...text('consumerKey')} />
          <PasswordInput label="Consumer secret" required {...secret('consumerSecret')} />
          <PasswordInput label="Access token" required {...secret('accessToken')} />
          <PasswordInput label="Access token secret" required {...secret('accessTokenSecret')} />
        </SimpleGrid>
      )}
      <Text size="sm" c="dimmed">
        Credentials are stored encrypted and never shown again (only their last 4 characters). The integration needs the
        Sales, Catalog, Stores and Inventory resources it is given in Magento.
      </Text>
      <Radio.Group
        label="Order creation"
        value={draft.orderCreation}
        onChange={(v) => set('orderCreation', v === 'cart' ? 'cart' : 'direct')}
        error={e.orderCreation}
      >
        <Stack mt="xs" gap="xs">
          <Radio
            value="direct"
            label="Direct: Amazon’s amounts"
            description="The order is saved with Amazon’s prices, taxes and total to the cent; Magento reserves no stock for such an order, so OrderBridge lowers it."
          />
          <Radio
            value="cart"
            label="Cart checkout: Magento’s prices"
            description="Magento prices the order from its catalogue, tax rules and shipping method, and reserves the stock; an order comment shows the difference to Amazon’s total."
          />
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: draft.orderCreation === 'cart' ? 3 : 2 }}>
        <TextInput
          label="Order number prefix"
          description="Magento’s order number = prefix + Amazon order ID (50 characters at most)"
          {...text('incrementIdPrefix')}
        />
        <TextInput
          label="Payment method"
          description="An enabled offline payment method’s code"
          placeholder="checkmo"
          {...text('paymentMethod')}
        />
        {draft.orderCreation === 'cart' && (
          <TextInput
            label="Shipping method"
            description="carrier_method of the cart, e.g. flatrate_flatrate"
            placeholder="flatrate_flatrate"
            {...text('cartShippingMethod')}
          />
        )}
      </SimpleGrid>
      <Switch
        label="Invoice the order"
        description="On: the order is invoiced and goes to Processing. Off: it stays New (Pending)."
        checked={draft.invoice}
        onChange={(ev) => set('invoice', ev.currentTarget.checked)}
        error={e.invoice}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Inventory source"
          description="The source code whose quantity OrderBridge reads and lowers"
          placeholder="default"
          {...text('sourceCode')}
        />
        <TextInput
          label="Stock ID"
          description="The stock whose salable quantity goes to Amazon"
          placeholder="1"
          inputMode="numeric"
          {...text('stockId')}
        />
      </SimpleGrid>
    </Stack>
  );
}
