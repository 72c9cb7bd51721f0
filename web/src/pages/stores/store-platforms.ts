/** What the Add store form asks per platform (src/stores/<platform>/index.ts). */

export type Platform = 'woocommerce' | 'shopify' | 'magento2' | 'vendure' | 'hub-api';

/** Platforms whose fields have their own component (ShopifyStoreFields, MagentoStoreFields). */
export type PlatformWithOwnFields = 'shopify' | 'magento2';
export const hasOwnFields = (p: Platform): p is PlatformWithOwnFields => p === 'shopify' || p === 'magento2';

export const PLATFORM_OPTIONS: { value: Platform; label: string }[] = [
  { value: 'woocommerce', label: 'WooCommerce' },
  { value: 'shopify', label: 'Shopify' },
  { value: 'magento2', label: 'Magento 2 / Adobe Commerce' },
  { value: 'vendure', label: 'Vendure' },
  { value: 'hub-api', label: 'Hub API (any store or ERP)' },
];

/** The credentials each platform needs (Shopify and Magento: their own fields). */
export const SECRETS: Record<
  Exclude<Platform, PlatformWithOwnFields>,
  { key: string; label: string; description?: string; required: boolean }[]
> = {
  woocommerce: [
    {
      key: 'consumerKey',
      label: 'Consumer key',
      description: 'ck_… (WooCommerce → Settings → Advanced → REST API)',
      required: true,
    },
    { key: 'consumerSecret', label: 'Consumer secret', description: 'cs_…', required: true },
    {
      key: 'webhookSecret',
      label: 'Webhook secret',
      description: 'Optional: to verify WooCommerce webhooks',
      required: false,
    },
  ],
  vendure: [
    { key: 'username', label: 'Administrator username', description: 'Or use an API key', required: false },
    { key: 'password', label: 'Administrator password', required: false },
    { key: 'apiKey', label: 'API key', description: 'Instead of username and password', required: false },
    {
      key: 'webhookSecret',
      label: 'Webhook secret',
      description: "The OrderBridge plugin's webhookSecret",
      required: false,
    },
  ],
  'hub-api': [
    {
      key: 'apiKey',
      label: 'API key',
      description: 'At least 24 characters; the store uses it to call OrderBridge',
      required: true,
    },
    {
      key: 'webhookSecret',
      label: 'Webhook secret',
      description: 'At least 24 characters; signs webhooks to the store',
      required: true,
    },
  ],
};

export const URL_HELP: Record<Exclude<Platform, PlatformWithOwnFields>, string> = {
  woocommerce: 'The site root, e.g. https://shop.example.com',
  vendure: 'The Vendure server, e.g. https://vendure.example.com',
  'hub-api': 'Where OrderBridge sends signed webhooks, e.g. https://erp.example.com/orderbridge',
};
