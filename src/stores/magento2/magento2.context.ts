import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderDraft } from '../store-connector.js';
import type { MagentoClient } from './magento2.client.js';
import { invalid } from './magento2.errors.js';
import type { ResolvedMagentoSettings } from './magento2.settings.js';
import type { MagentoStoreConfig } from './magento2.types.js';

/** What every part of the connector shares: the client, the settings, the clock, the store view. */
export class MagentoContext {
  private storeConfig: MagentoStoreConfig | null = null;

  constructor(
    readonly client: MagentoClient,
    readonly settings: ResolvedMagentoSettings,
    readonly nowMs: () => number,
    /** Identifies the shop across connector instances (base URL): per-shop caches. */
    readonly shopKey: string,
  ) {}

  /** The configured store view (`GET /V1/store/storeConfigs`), read once. */
  async store(): Promise<Result<MagentoStoreConfig>> {
    if (this.storeConfig) return ok(this.storeConfig);
    const res = await this.client.request<MagentoStoreConfig[]>('storeConfigs');
    if (!res.ok) return res;
    const found = (res.value ?? []).find((s) => s.code === this.settings.storeCode);
    if (!found) {
      const codes = (res.value ?? []).map((s) => s.code).join(', ');
      return err(
        invalid(
          'magento2_store_not_found',
          `Magento has no store view "${this.settings.storeCode}" (it has: ${codes || 'none'}); check the storeCode setting.`,
        ),
      );
    }
    this.storeConfig = found;
    return ok(found);
  }

  /** Magento keeps an order's amounts in the store's base currency: Amazon's must be that currency (never converted). */
  async checkCurrency(draft: StoreOrderDraft): Promise<Result<void>> {
    const store = await this.store();
    if (!store.ok) return store;
    const base = store.value.base_currency_code?.toUpperCase();
    if (base === undefined || base === draft.currency.toUpperCase()) return ok(undefined);
    return err(
      invalid(
        'magento2_currency_mismatch',
        `Amazon order ${draft.amazonOrderId} is in ${draft.currency}, the Magento store view "${this.settings.storeCode}" keeps ${base}: OrderBridge does not convert amounts. Connect this marketplace to a store (view) in ${draft.currency}.`,
        { orderCurrency: draft.currency, storeCurrency: base },
      ),
    );
  }
}
