/** Options of OrderBridgePlugin.init(). */
export interface OrderBridgePluginOptions {
  /** OrderBridge's webhook endpoint for this store; absent = no push (OrderBridge still polls). */
  webhookUrl?: string;
  /** Shared secret: X-OrderBridge-Signature = hex HMAC-SHA256 of `${timestamp}.${body}`. */
  webhookSecret?: string;
  /** Delays between delivery attempts (ms); default 1 s, 5 s, 30 s, 2 min, 10 min, 30 min. */
  retryDelaysMs?: number[];
  /** Per-attempt timeout (ms), default 10 000. */
  timeoutMs?: number;
}

export const ORDERBRIDGE_PLUGIN_OPTIONS = Symbol('ORDERBRIDGE_PLUGIN_OPTIONS');

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000, 1_800_000];

/** Prefix of the `sku` of every Surcharge the plugin manages on an order. */
export const CHARGE_SKU_PREFIX = 'orderbridge:';
