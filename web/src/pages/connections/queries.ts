import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Connection, MarketplaceRegion, Store } from '../../api/types';

/** Query keys and loaders shared by the connection pages. */
export const keys = {
  connections: ['connections'] as const,
  connection: (id: string) => ['connections', id] as const,
  skuLinks: (id: string) => ['connections', id, 'sku-links'] as const,
  stores: ['stores'] as const,
  marketplaces: ['reference', 'marketplaces'] as const,
  carriers: ['reference', 'carriers'] as const,
  cancelReasons: ['reference', 'cancel-reasons'] as const,
};

export const useConnections = () =>
  useQuery({
    queryKey: keys.connections,
    queryFn: () => api<{ connections: Connection[] }>('GET', '/api/connections'),
  });

export const useConnection = (id: string) =>
  useQuery({
    queryKey: keys.connection(id),
    queryFn: () => api<Connection>('GET', `/api/connections/${encodeURIComponent(id)}`),
  });

export const useStores = () =>
  useQuery({ queryKey: keys.stores, queryFn: () => api<{ stores: Store[] }>('GET', '/api/stores') });

const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export const useMarketplaces = () =>
  useQuery({
    queryKey: keys.marketplaces,
    queryFn: () => api<{ regions: MarketplaceRegion[] }>('GET', '/api/reference/marketplaces'),
    ...forever,
  });

export interface AmazonEndpoint {
  id: 'production' | 'sandbox';
  name: string;
  description: string;
  spApiBaseUrl: string | null;
  lwaUrl: string | null;
  clientId: string | null;
  clientSecret: string | null;
}

/** Production, plus the built-in sandbox when this OrderBridge runs it. */
export const useAmazonEndpoints = () =>
  useQuery({
    queryKey: ['reference', 'amazon-endpoints'],
    queryFn: () => api<{ endpoints: AmazonEndpoint[] }>('GET', '/api/reference/amazon-endpoints'),
    ...forever,
  });

export interface CarrierChoices {
  carriers: { code: string; name: string; common: boolean }[];
  other: { code: 'Other'; description: string };
}

/** Carrier codes for the Default Shipping service, the marketplace's common carriers first. */
export const useCarriers = (marketplaceId: string) =>
  useQuery({
    queryKey: [...keys.carriers, marketplaceId],
    queryFn: () =>
      api<CarrierChoices>('GET', `/api/reference/carriers?marketplace=${encodeURIComponent(marketplaceId)}`),
    ...forever,
  });

export const useCancelReasons = () =>
  useQuery({
    queryKey: keys.cancelReasons,
    queryFn: () => api<{ reasons: { code: string; description: string }[] }>('GET', '/api/reference/cancel-reasons'),
    ...forever,
  });

/** "Amazon.de (DE)" for a marketplace id, or the id itself while the reference data loads. */
export function marketplaceLabel(regions: MarketplaceRegion[] | undefined, marketplaceId: string): string {
  for (const region of regions ?? []) {
    const m = region.marketplaces.find((x) => x.id === marketplaceId);
    if (m) return `${m.name} (${m.countryCode})`;
  }
  return marketplaceId;
}

/** The marketplace's country code (DE, FR, …), or its id when unknown. */
export function marketplaceCountry(regions: MarketplaceRegion[] | undefined, marketplaceId: string): string {
  for (const region of regions ?? []) {
    const m = region.marketplaces.find((x) => x.id === marketplaceId);
    if (m) return m.countryCode;
  }
  return marketplaceId;
}

/** Select data grouped by region: [{ group: 'Europe', items: [{ value, label }] }]. */
export function marketplaceOptions(regions: MarketplaceRegion[] | undefined) {
  return (regions ?? []).map((r) => ({
    group: r.name,
    items: r.marketplaces.map((m) => ({ value: m.id, label: `${m.name} (${m.countryCode}, ${m.currency})` })),
  }));
}

/** Field errors from a server validation error: issue path (without a leading "config.") → message. */
export function issuesByField(issues: { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.replace(/^(body\.)?(config\.)?/, '');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}

/** The first message for a field or any of its sub-fields (e.g. "skuCrop.removePrefixes.2"). */
export function fieldError(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : undefined;
}
