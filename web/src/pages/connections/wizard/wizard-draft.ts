import type { AmazonEndpoint } from '../queries';

/** What the merchant enters in the Add connection wizard; nothing is saved before the last step. */
export interface WizardDraft {
  endpoint: 'production' | 'sandbox';
  marketplaceId: string | null;
  sellerId: string;
  name: string;
  store: string | null;
  method: 'amazon' | 'token';
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  activate: boolean;
}

export const EMPTY_DRAFT: WizardDraft = {
  endpoint: 'production',
  marketplaceId: null,
  sellerId: '',
  name: '',
  store: null,
  method: 'amazon',
  clientId: '',
  clientSecret: '',
  refreshToken: '',
  activate: false,
};

/** The wizard step each server field belongs to (a refusal sends the merchant back there). */
export const STEP_OF_FIELD: Record<string, number> = {
  marketplaceId: 1,
  sellerId: 1,
  name: 1,
  store: 1,
  clientId: 2,
  clientSecret: 2,
  refreshToken: 2,
};

/** The POST /api/connections body; with Connect with Amazon it carries no token. */
export function connectionBody(draft: WizardDraft, endpoints: AmazonEndpoint[]): Record<string, unknown> {
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
  if (draft.clientId.trim()) body['clientId'] = draft.clientId.trim();
  if (draft.clientSecret) body['clientSecret'] = draft.clientSecret;
  // Created disabled: the wizard activates it after a passing Test connection (PRODUCT.md §4: test, then activate).
  if (draft.method === 'token') body['refreshToken'] = draft.refreshToken.trim();
  return body;
}

/**
 * Connect with Amazon leaves the page, so the connection it needs is remembered in this tab: when the
 * merchant comes back to the wizard instead (browser Back), that unfinished connection is removed;
 * when Amazon sends them to the connection page, the Activate choice is applied there.
 */
const PENDING_KEY = 'orderbridge.wizard.pendingConnection';

export interface PendingConnection {
  id: string;
  activate: boolean;
}

export function rememberPending(pending: PendingConnection): void {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
}

export function takePending(): PendingConnection | null {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<PendingConnection>;
    return typeof parsed.id === 'string' ? { id: parsed.id, activate: parsed.activate === true } : null;
  } catch {
    return null;
  }
}
