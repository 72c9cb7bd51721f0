import { Button, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Store } from '../../api/types';
import { ErrorAlert, useNotify } from '../../components';
import { issuesByField, keys } from '../connections/queries';

type Platform = 'woocommerce' | 'vendure' | 'hub-api';

/** The credentials each platform needs (src/stores/<platform>/index.ts). */
const SECRETS: Record<Platform, { key: string; label: string; description?: string; required: boolean }[]> = {
  woocommerce: [
    {
      key: 'consumerKey',
      label: 'Consumer key',
      description: 'ck_… (WooCommerce → Settings → Advanced → REST API)',
      required: true,
    },
    { key: 'consumerSecret', label: 'Consumer secret', description: 'cs_…', required: true },
    {
      key: 'webhookSecret',
      label: 'Webhook secret',
      description: 'Optional: to verify WooCommerce webhooks',
      required: false,
    },
  ],
  vendure: [
    { key: 'username', label: 'Administrator username', description: 'Or use an API key', required: false },
    { key: 'password', label: 'Administrator password', required: false },
    { key: 'apiKey', label: 'API key', description: 'Instead of username and password', required: false },
    {
      key: 'webhookSecret',
      label: 'Webhook secret',
      description: "The OrderBridge plugin's webhookSecret",
      required: false,
    },
  ],
  'hub-api': [
    {
      key: 'apiKey',
      label: 'API key',
      description: 'At least 24 characters; the store uses it to call OrderBridge',
      required: true,
    },
    {
      key: 'webhookSecret',
      label: 'Webhook secret',
      description: 'At least 24 characters; signs webhooks to the store',
      required: true,
    },
  ],
};

const URL_HELP: Record<Platform, string> = {
  woocommerce: 'The site root, e.g. https://shop.example.com',
  vendure: 'The Vendure server, e.g. https://vendure.example.com',
  'hub-api': 'Where OrderBridge sends signed webhooks, e.g. https://erp.example.com/orderbridge',
};

export function AddStoreForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [platform, setPlatform] = useState<Platform>('woocommerce');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      api<Store>('POST', '/api/stores', {
        name: name.trim(),
        platform,
        baseUrl: baseUrl.trim(),
        secrets: Object.fromEntries(
          SECRETS[platform].flatMap((s) => (secrets[s.key] ? [[s.key, secrets[s.key]]] : [])),
        ),
      }),
    onSuccess: (store) => {
      void queryClient.invalidateQueries({ queryKey: keys.stores });
      notify({ message: `Store ${store.name} added` });
      onDone();
    },
  });
  const errors = create.error instanceof ApiError ? issuesByField(create.error.issues) : {};
  const secretError = (key: string) => errors[`secrets.${key}`] ?? errors[key];

  return (
    <Paper withBorder p="md" radius="md">
      <form
        aria-label="Add store"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            Add store
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Platform"
              required
              allowDeselect={false}
              data={[
                { value: 'woocommerce', label: 'WooCommerce' },
                { value: 'vendure', label: 'Vendure' },
                { value: 'hub-api', label: 'Hub API (any store or ERP)' },
              ]}
              value={platform}
              onChange={(v) => v && setPlatform(v)}
              error={errors['platform']}
            />
            <TextInput
              label="Store name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors['name']}
            />
            <TextInput
              label="Store URL"
              description={URL_HELP[platform]}
              required
              type="url"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.currentTarget.value)}
              error={errors['baseUrl']}
            />
          </SimpleGrid>
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
          <ErrorAlert error={create.error} title="The store was not added" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim() || !baseUrl.trim()}>
              Save store
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
