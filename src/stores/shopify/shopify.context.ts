import { err, ok, type Result } from '../../lib/result.js';
import type { ShopifyClient } from './shopify.client.js';
import { invalidResponse } from './shopify.errors.js';
import type { ShopifySettings } from './shopify.settings.js';

/** What the connector's parts share: the client, the settings and the (cached) stock location. */
export class ShopifyContext {
  private location: string | null;

  constructor(
    readonly client: ShopifyClient,
    readonly settings: ShopifySettings,
    readonly nowIso: () => string,
  ) {
    this.location = settings.locationId ?? null;
  }

  /** settings.locationId, else the shop's primary location (asked once). */
  async locationId(): Promise<Result<string>> {
    if (this.location !== null) return ok(this.location);
    const res = await this.client.request<{ location: { id: string } | null }>('primaryLocation');
    if (!res.ok) return res;
    if (!res.value.location) return err(invalidResponse('primaryLocation', 'no primary location'));
    this.location = res.value.location.id;
    return ok(this.location);
  }
}
