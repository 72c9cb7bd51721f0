/** The Magento 2 part of the Add store form: what the merchant typed → the store's URL, credentials, settings. */

export interface MagentoDraft {
  /** The shop's root URL; a pasted REST URL (…/rest/default/V1) is cut back to it. */
  baseUrl: string;
  /** Store view code; empty = the code of a pasted REST URL, else `default`. */
  storeCode: string;
  /** `bearer`: the integration's access token alone; `oauth`: all four integration credentials, signed. */
  auth: 'bearer' | 'oauth';
  accessToken: string;
  consumerKey: string;
  consumerSecret: string;
  accessTokenSecret: string;
  orderCreation: 'direct' | 'cart';
  incrementIdPrefix: string;
  invoice: boolean;
  /** The remaining settings: empty = Magento's usual value (the placeholder). */
  paymentMethod: string;
  cartShippingMethod: string;
  sourceCode: string;
  stockId: string;
}

export const EMPTY_MAGENTO_DRAFT: MagentoDraft = {
  baseUrl: '',
  storeCode: '',
  auth: 'bearer',
  accessToken: '',
  consumerKey: '',
  consumerSecret: '',
  accessTokenSecret: '',
  orderCreation: 'direct',
  incrementIdPrefix: 'AMZ-',
  invoice: true,
  paymentMethod: '',
  cartShippingMethod: '',
  sourceCode: '',
  stockId: '',
};

/** `/rest`, `/rest/<code>`, `/rest/<code>/V1` or `/rest/V1` (and any route after V1) ending a pasted URL. */
const REST_SUFFIX = /\/rest(?:\/([^/]+))?(?:\/V1(?:\/.*)?)?$/i;

/**
 * The shop's root URL of what the merchant typed (as the server's normaliseMagentoUrl: trimmed, no
 * trailing `/`, a pasted REST suffix dropped; a path prefix such as `/magento` kept), plus the store
 * code a pasted `/rest/<code>` names. Without a scheme, https is meant.
 */
export function magentoBaseUrl(input: string): { url: string; storeCode: string | null } | { error: string } | null {
  const typed = input.trim();
  if (!typed) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`);
  } catch {
    return { error: 'Not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'Use an http(s) URL' };
  const path = url.pathname.replace(/\/+$/, '');
  const rest = REST_SUFFIX.exec(path);
  // `/rest/V1` is the default store; `/rest/all/V1` every store: neither names a store view.
  const code = rest?.[1] && !/^(v1|all)$/i.test(rest[1]) ? rest[1] : null;
  return { url: `${url.origin}${rest ? path.slice(0, rest.index) : path}`, storeCode: code };
}

/** The store view code the connector will use. */
export function magentoStoreCode(draft: MagentoDraft): string {
  const base = magentoBaseUrl(draft.baseUrl);
  return draft.storeCode.trim() || (base && 'url' in base ? base.storeCode : null) || 'default';
}

/** The body fields of POST /api/stores (and /api/stores/test) for a Magento store. */
export function magentoStoreFields(draft: MagentoDraft): {
  baseUrl: string;
  secrets: Record<string, string>;
  settings: Record<string, unknown>;
} {
  const base = magentoBaseUrl(draft.baseUrl);
  const secrets: Record<string, string> =
    draft.auth === 'bearer'
      ? { accessToken: draft.accessToken.trim() }
      : {
          consumerKey: draft.consumerKey.trim(),
          consumerSecret: draft.consumerSecret.trim(),
          accessToken: draft.accessToken.trim(),
          accessTokenSecret: draft.accessTokenSecret.trim(),
        };
  const optional = {
    paymentMethod: draft.paymentMethod.trim(),
    sourceCode: draft.sourceCode.trim(),
    ...(draft.orderCreation === 'cart' && { cartShippingMethod: draft.cartShippingMethod.trim() }),
  };
  const stockId = draft.stockId.trim();
  return {
    // An unusable URL goes to the server as typed, so its answer names the field.
    baseUrl: base && 'url' in base ? base.url : draft.baseUrl.trim(),
    secrets: Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== '')),
    settings: {
      storeCode: magentoStoreCode(draft),
      orderCreation: draft.orderCreation,
      incrementIdPrefix: draft.incrementIdPrefix.trim(),
      invoice: draft.invoice,
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== '')),
      // A number when it is one; anything else as typed, so the server's answer names the field.
      ...(stockId && { stockId: /^\d+$/.test(stockId) ? Number(stockId) : stockId }),
    },
  };
}
