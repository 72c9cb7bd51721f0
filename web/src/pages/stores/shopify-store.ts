/** The Shopify part of the Add store form: what the merchant typed → the store's URL, credentials, settings. */

export interface ShopifyDraft {
  /** `my-shop`, `my-shop.myshopify.com`, the shop's URL or its admin URL (admin.shopify.com/store/my-shop). */
  shop: string;
  auth: 'token' | 'client';
  accessToken: string;
  clientId: string;
  clientSecret: string;
  webhookSecret: string;
  /** A location GID or its number; empty = the shop's primary location. */
  locationId: string;
}

export const EMPTY_SHOPIFY_DRAFT: ShopifyDraft = {
  shop: '',
  auth: 'token',
  accessToken: '',
  clientId: '',
  clientSecret: '',
  webhookSecret: '',
  locationId: '',
};

const SHOP_LABEL = /^[a-z0-9][a-z0-9-]*$/i;
const MYSHOPIFY_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i;

/**
 * The Admin API base URL of what the merchant typed: `https://<shop>.myshopify.com`. Any other
 * http(s) URL (a test shop such as the sandbox) passes as given; a bare custom domain is refused,
 * because the Admin API answers on the myshopify.com domain only.
 */
export function shopifyBaseUrl(input: string): { url: string } | { error: string } | null {
  const typed = input.trim();
  if (!typed) return null;
  if (/^https?:\/\//i.test(typed)) {
    let url: URL;
    try {
      url = new URL(typed);
    } catch {
      return { error: 'Not a valid URL' };
    }
    const admin = /^\/store\/([a-z0-9][a-z0-9-]*)/i.exec(url.pathname);
    if (url.hostname === 'admin.shopify.com' && admin) return { url: myshopify(admin[1] as string) };
    if (MYSHOPIFY_HOST.test(url.hostname)) return { url: `https://${url.hostname.toLowerCase()}` };
    return { url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
  }
  const host = typed.replace(/\/+$/, '');
  if (MYSHOPIFY_HOST.test(host)) return { url: `https://${host.toLowerCase()}` };
  if (SHOP_LABEL.test(host)) return { url: myshopify(host) };
  return {
    error:
      "Use the shop's myshopify.com name (Shopify admin → Settings → Domains), e.g. my-shop or my-shop.myshopify.com",
  };
}

const myshopify = (shop: string): string => `https://${shop.toLowerCase()}.myshopify.com`;

/** The body fields of POST /api/stores (and /api/stores/test) for a Shopify store. */
export function shopifyStoreFields(draft: ShopifyDraft): {
  baseUrl: string;
  secrets: Record<string, string>;
  settings: Record<string, string>;
} {
  const base = shopifyBaseUrl(draft.shop);
  const secrets: Record<string, string> =
    draft.auth === 'token'
      ? { accessToken: draft.accessToken.trim() }
      : { clientId: draft.clientId.trim(), clientSecret: draft.clientSecret.trim() };
  if (draft.webhookSecret.trim()) secrets.webhookSecret = draft.webhookSecret.trim();
  const location = draft.locationId.trim();
  return {
    // An unusable domain goes to the server as typed, so its answer names the field.
    baseUrl: base && 'url' in base ? base.url : draft.shop.trim(),
    secrets: Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== '')),
    settings: location ? { locationId: /^\d+$/.test(location) ? `gid://shopify/Location/${location}` : location } : {},
  };
}
