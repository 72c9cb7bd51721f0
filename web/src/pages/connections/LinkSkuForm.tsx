import { Button, Group, Loader, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { SkuLink, StoreProduct } from '../../api/types';
import { ErrorAlert, useNotify } from '../../components';
import { keys } from './queries';

export interface LinkResult {
  link: SkuLink;
  released: string[];
  product: StoreProduct | null;
  note: string | null;
}

interface ProductSearch {
  products: StoreProduct[];
  hasCatalog: boolean;
}

function ProductOption({ product, onPick }: { product: StoreProduct; onPick: () => void }) {
  return (
    <UnstyledButton
      onClick={onPick}
      aria-label={`Use store product ${product.name}${product.sku ? ` (SKU ${product.sku})` : ''}`}
      p="xs"
      style={{ borderRadius: 4, border: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Text size="sm" fw={500}>
        {product.name}
      </Text>
      <Text size="xs" c="dimmed">
        SKU {product.sku ?? '—'} · id {product.ref}
        {product.available !== null ? ` · ${product.available} in stock` : ''}
      </Text>
    </UnstyledButton>
  );
}

/**
 * Links an Amazon SKU to a store product. The store's products can be searched by name or SKU; a
 * typed value is looked up by the store as a product id, then by the Product Identification
 * Attribute, and refused when the store has no such product. Linking releases held orders.
 */
export function LinkSkuForm({
  connectionId,
  initialSku = '',
  onLinked,
}: {
  connectionId: string;
  initialSku?: string;
  onLinked?: (result: LinkResult) => void;
}) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [sku, setSku] = useState(initialSku);
  const [productRef, setProductRef] = useState('');
  const [picked, setPicked] = useState<StoreProduct | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: [...keys.skuLinks(connectionId), 'store-products', debounced],
    queryFn: () =>
      api<ProductSearch>(
        'GET',
        `/api/connections/${connectionId}/store-products?search=${encodeURIComponent(debounced)}`,
      ),
    enabled: debounced !== '',
  });
  const link = useMutation({
    mutationFn: () =>
      api<LinkResult>('PUT', `/api/connections/${connectionId}/sku-links/${encodeURIComponent(sku.trim())}`, {
        productRef: productRef.trim(),
      }),
    onSuccess: (r) => {
      const to = r.product ? `${r.product.name} (id ${r.link.productRef})` : r.link.productRef;
      notify({
        message: `SKU ${r.link.amazonSku} linked to ${to}${r.released.length ? `; ${r.released.length} held order(s) released` : ''}`,
      });
      setProductRef('');
      setPicked(null);
      setSearch('');
      void queryClient.invalidateQueries({ queryKey: keys.skuLinks(connectionId) });
      void queryClient.invalidateQueries({ queryKey: ['needs-attention'] });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      onLinked?.(r);
    },
  });
  const pick = (p: StoreProduct) => {
    setPicked(p);
    setProductRef(p.ref);
  };
  const products = found.data?.products ?? [];

  return (
    <form
      aria-label="Link SKU"
      onSubmit={(e) => {
        e.preventDefault();
        link.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput label="Amazon SKU" value={sku} onChange={(e) => setSku(e.currentTarget.value)} required />
        <TextInput
          label="Search store products"
          description="By name or SKU"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          rightSection={found.isFetching ? <Loader size="xs" /> : null}
        />
        <ErrorAlert error={found.error} title="Could not search the store" />
        {found.data && !found.data.hasCatalog && (
          <Text size="sm" c="dimmed">
            This store has no catalogue OrderBridge can read: type the store’s own product reference below.
          </Text>
        )}
        {found.data?.hasCatalog && products.length === 0 && (
          <Text size="sm" c="dimmed">
            No store product matches “{debounced}”.
          </Text>
        )}
        {products.length > 0 && (
          <Stack gap={4} role="group" aria-label="Store products found">
            {products.map((p) => (
              <ProductOption key={p.ref} product={p} onPick={() => pick(p)} />
            ))}
          </Stack>
        )}
        <TextInput
          label="Store product"
          description="Product id in the store, or its SKU (looked up in the store when you link)"
          value={productRef}
          onChange={(e) => {
            setProductRef(e.currentTarget.value);
            setPicked(null);
          }}
          required
        />
        {picked && (
          <Paper withBorder p="xs" radius="sm">
            <Text size="sm">
              Selected: {picked.name} (SKU {picked.sku ?? '—'}, id {picked.ref})
            </Text>
          </Paper>
        )}
        <Group>
          <Button type="submit" loading={link.isPending} disabled={!sku.trim() || !productRef.trim()}>
            Link SKU
          </Button>
        </Group>
        <ErrorAlert error={link.error} title="Could not link the SKU" />
        {link.data?.note && (
          <Text size="sm" c="dimmed">
            {link.data.note}
          </Text>
        )}
      </Stack>
    </form>
  );
}
