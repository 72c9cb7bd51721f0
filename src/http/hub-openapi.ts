import { SESSION_COOKIE } from './auth/session-cookie.js';

/**
 * The OpenAPI parts of the hub-api that are not routes: the 'hub' tag, whose description documents
 * the outgoing webhooks (OpenAPI 3.0 has no `webhooks` section), and the bearer security scheme.
 */
const WEBHOOKS = `
A store or ERP pulls new orders, acknowledges them with its order number and posts shipments,
cancellations and stock. Every call sends \`Authorization: Bearer <apiKey>\` (the store's apiKey);
a missing or wrong key answers 401 \`hub_unauthorized\`. A store only ever sees its own orders.

**Outgoing webhooks** (when the store has a \`webhookUrl\`): \`POST <webhookUrl>\` with the JSON body
\`{ "id", "topic", "createdAt", "data" }\` and the headers
\`Content-Type: application/json\`, \`X-OrderBridge-Topic\`, \`X-OrderBridge-Delivery\` (= id, unique per webhook),
\`X-OrderBridge-Timestamp\` (unix seconds) and
\`X-OrderBridge-Signature: v1=<hex HMAC-SHA256(webhookSecret, "<timestamp>.<raw body>")>\`.

| topic | data |
|---|---|
| \`order.created\` | the order (HubOrder without state/status): pull it or take it from here; de-duplicate by \`orderId\` |
| \`order.cancelled\` | \`{ storeOrderRef, storeOrderNumber, note }\`: Amazon cancelled the order |
| \`order.note\` | \`{ storeOrderRef, storeOrderNumber, note }\`: e.g. the buyer asked to cancel |
| \`stock.adjust\` | \`{ productRef, delta, key }\`: change stock by delta, once per key (Stock only level) |
| \`ping\` | \`{ storeId, storeName }\`: sent by "test store" |

Answer 2xx to accept. Anything else, a timeout (10 s) or a redirect is retried with exponential backoff
(about 1 s doubling, capped at 1 h) up to 15 attempts. Receivers must verify the signature over the raw
body and reject timestamps more than 300 s from their clock (replay protection), and treat a repeated
\`X-OrderBridge-Delivery\` as already handled. See docs/hub-api.md for a receiver example.`.trim();

export const HUB_OPENAPI_TAG = { name: 'hub', description: WEBHOOKS };

export const HUB_SECURITY_SCHEMES = {
  hubApiKey: { type: 'http', scheme: 'bearer', description: "The hub-api store's apiKey" },
} as const;

/** Everything else: an API token (Authorization: Bearer obt_…) or the web UI's session cookie + x-csrf-token. */
export const API_SECURITY_SCHEMES = {
  apiToken: { type: 'http', scheme: 'bearer', description: 'An API token of the account (POST /api/tokens)' },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Set by POST /api/auth/login; unsafe requests also send x-csrf-token',
  },
} as const;
export const API_SECURITY = [{ apiToken: [] as string[] }, { session: [] as string[] }];

/** Put on every hub route's schema. */
export const HUB_SECURITY = [{ hubApiKey: [] as string[] }];
