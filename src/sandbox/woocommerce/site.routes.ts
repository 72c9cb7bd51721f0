import type { WebhookInput } from './webhook-dispatcher.js';
import { paginate } from './woo-params.js';
import { json, type WooRoute } from './woo-route.js';

/** The WordPress site index (public) and the webhooks resource. */
export const SITE_ROUTES: readonly WooRoute[] = [
  {
    method: 'GET',
    pattern: '/',
    public: true,
    run: (r) =>
      json({
        name: r.sandbox.ctx.settings.siteName,
        description: 'WooCommerce REST API simulator (OrderBridge)',
        url: r.sandbox.ctx.settings.siteUrl,
        home: r.sandbox.ctx.settings.siteUrl,
        gmt_offset: String(r.sandbox.ctx.settings.utcOffsetMinutes / 60),
        namespaces: ['wp/v2', 'wc/v3', 'wc-shipment-tracking/v3'],
      }),
  },
  {
    method: 'GET',
    pattern: '/wc/v3/webhooks',
    run: (r) => {
      const page = paginate(r.sandbox.webhooks.list(), r.query, r.url.toString());
      return json(
        page.items.map((h) => r.sandbox.webhooks.view(h)),
        200,
        page.headers,
      );
    },
  },
  {
    method: 'POST',
    pattern: '/wc/v3/webhooks',
    run: (r) => json(r.sandbox.addWebhook(r.body as unknown as WebhookInput), 201),
  },
];
