import { Anchor, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components';
import { useAmazonEndpoints, useMarketplaces, useStores } from '../queries';
import { marketplaceSearch } from './marketplace-search';
import type { SellerCheck } from './seller-availability';
import type { WizardDraft } from './wizard-draft';

/** Step 2: where to talk to Amazon, the marketplace (found by country name), Seller ID, name, store. */
export function MarketplaceStep({
  draft,
  set,
  chooseEndpoint,
  errors,
  sellerCheck,
}: {
  draft: WizardDraft;
  set: <K extends keyof WizardDraft>(key: K, value: WizardDraft[K]) => void;
  chooseEndpoint: (id: string) => void;
  errors: Record<string, string>;
  sellerCheck: SellerCheck | null;
}) {
  const marketplaces = useMarketplaces();
  const stores = useStores();
  const endpoints = useAmazonEndpoints().data?.endpoints ?? [];
  const search = useMemo(() => marketplaceSearch(marketplaces.data?.regions), [marketplaces.data]);
  const storeOptions = (stores.data?.stores ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.platform})` }));
  const taken = sellerCheck && !sellerCheck.available;

  return (
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
        description="Type the country in English or its own language, e.g. Germany or Deutschland."
        placeholder="Search a country or marketplace"
        required
        searchable
        data={search.data}
        filter={search.filter}
        value={draft.marketplaceId}
        onChange={(v) => set('marketplaceId', v)}
        error={errors['marketplaceId']}
        nothingFoundMessage="No Amazon marketplace for this country"
        maxDropdownHeight={320}
      />
      <TextInput
        label="Seller ID"
        description="Your merchant token, e.g. A2EUQ1WTGCTBG2 (Seller Central → Settings → Account info → Merchant token)."
        required
        value={draft.sellerId}
        onChange={(e) => set('sellerId', e.currentTarget.value.toUpperCase())}
        error={
          errors['sellerId'] ??
          (taken ? (
            <span role="alert">
              {sellerCheck.message ?? 'This Amazon seller account is already connected for this marketplace.'}{' '}
              {sellerCheck.existingConnectionId && (
                <Anchor component={Link} to={`/connections/${sellerCheck.existingConnectionId}`} size="xs">
                  Open the existing connection
                </Anchor>
              )}
            </span>
          ) : undefined)
        }
        autoComplete="off"
      />
      {sellerCheck?.available && sellerCheck.message && (
        <Text size="sm" c="orange.8">
          {sellerCheck.message}{' '}
          {sellerCheck.existingConnectionId && (
            <Anchor component={Link} to={`/connections/${sellerCheck.existingConnectionId}`} size="sm">
              Open it
            </Anchor>
          )}
        </Text>
      )}
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
    </Stack>
  );
}
