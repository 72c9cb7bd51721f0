import { Button, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Store } from '../../api/types';
import { ErrorAlert, useNotify } from '../../components';
import { issuesByField, keys } from '../connections/queries';
import { MagentoStoreFields } from './MagentoStoreFields';
import { EMPTY_MAGENTO_DRAFT, magentoBaseUrl, magentoStoreFields, type MagentoDraft } from './magento-store';
import { ShopifyStoreFields } from './ShopifyStoreFields';
import { EMPTY_SHOPIFY_DRAFT, shopifyStoreFields, type ShopifyDraft } from './shopify-store';
import { hasOwnFields, PLATFORM_OPTIONS, SECRETS, URL_HELP, type Platform } from './store-platforms';
import { StoreTestResult } from './StoreTestResult';

export function AddStoreForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [platform, setPlatform] = useState<Platform>('woocommerce');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [shopify, setShopify] = useState<ShopifyDraft>(EMPTY_SHOPIFY_DRAFT);
  const [magento, setMagento] = useState<MagentoDraft>(EMPTY_MAGENTO_DRAFT);
  /** The store as the API takes it, from whichever fields the platform shows. */
  const body = () => ({
    name: name.trim(),
    platform,
    ...(platform === 'shopify'
      ? shopifyStoreFields(shopify)
      : platform === 'magento2'
        ? magentoStoreFields(magento)
        : {
            baseUrl: baseUrl.trim(),
            secrets: Object.fromEntries(
              SECRETS[platform].flatMap((s) => (secrets[s.key] ? [[s.key, secrets[s.key]]] : [])),
            ),
          }),
  });
  const create = useMutation({
    mutationFn: () => api<Store>('POST', '/api/stores', body()),
    onSuccess: (store) => {
      void queryClient.invalidateQueries({ queryKey: keys.stores });
      notify({ message: `Store ${store.name} added` });
      onDone();
    },
  });
  const test = useMutation({
    // The store refusing its credentials answers 401 too: that is the test's result, not a lost session.
    mutationFn: () =>
      api<{ storeName: string; platform: string }>('POST', '/api/stores/test', body(), { silent401: true }),
  });
  // The last answer's validation issues, shown on their fields (saving or testing).
  const latest = create.error ?? test.error;
  const errors = latest instanceof ApiError ? issuesByField(latest.issues) : {};
  const secretError = (key: string) => errors[`secrets.${key}`] ?? errors[key];
  const urlFilled =
    platform === 'shopify'
      ? shopify.shop.trim() !== ''
      : platform === 'magento2'
        ? magentoBaseUrl(magento.baseUrl) !== null
        : baseUrl.trim() !== '';
  const changed = () => {
    create.reset();
    test.reset();
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form
        aria-label="Add store"
        onSubmit={(e) => {
          e.preventDefault();
          test.reset();
          create.mutate();
        }}
        onChange={changed}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            Add store
          </Title>
          <SimpleGrid cols={{ base: 1, sm: hasOwnFields(platform) ? 2 : 3 }}>
            <Select
              label="Platform"
              required
              allowDeselect={false}
              data={PLATFORM_OPTIONS}
              value={platform}
              onChange={(v) => {
                if (v) setPlatform(v);
                changed();
              }}
              error={errors['platform']}
            />
            <TextInput
              label="Store name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors['name']}
            />
            {!hasOwnFields(platform) && (
              <TextInput
                label="Store URL"
                description={URL_HELP[platform]}
                required
                type="url"
                value={baseUrl}
                onChange={(e) => setBaseUrl(e.currentTarget.value)}
                error={errors['baseUrl']}
              />
            )}
          </SimpleGrid>
          {platform === 'shopify' ? (
            <ShopifyStoreFields
              draft={shopify}
              set={(key, value) => {
                setShopify((d) => ({ ...d, [key]: value }));
                changed();
              }}
              errors={errors}
            />
          ) : platform === 'magento2' ? (
            <MagentoStoreFields
              draft={magento}
              set={(key, value) => {
                setMagento((d) => ({ ...d, [key]: value }));
                changed();
              }}
              errors={errors}
            />
          ) : (
            <>
              <Text size="sm" c="dimmed">
                Credentials are stored encrypted and never shown again (only their last 4 characters).
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {SECRETS[platform].map((s) => (
                  <PasswordInput
                    key={`${platform}-${s.key}`}
                    label={s.label}
                    description={s.description}
                    required={s.required}
                    value={secrets[s.key] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setSecrets((all) => ({ ...all, [s.key]: value }));
                    }}
                    error={secretError(s.key)}
                    autoComplete="new-password"
                  />
                ))}
              </SimpleGrid>
            </>
          )}
          <StoreTestResult result={test.data ?? null} error={test.error} />
          <ErrorAlert error={create.error} title="The store was not added" />
          <Group justify="flex-end" wrap="wrap">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            {platform !== 'hub-api' && (
              <Button
                variant="light"
                loading={test.isPending}
                disabled={!urlFilled}
                onClick={() => {
                  create.reset();
                  test.mutate();
                }}
              >
                Test connection
              </Button>
            )}
            <Button type="submit" loading={create.isPending} disabled={!name.trim() || !urlFilled}>
              Save store
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
