/** Credentials of the sandbox's one integration (System › Integrations) and its store. Fixed, not secret. */
export const SANDBOX_MAGENTO_CONSUMER_KEY = 'ob0sandbox0consumer0key00000000';
export const SANDBOX_MAGENTO_CONSUMER_SECRET = 'ob0sandbox0consumer0secret000000';
export const SANDBOX_MAGENTO_ACCESS_TOKEN = 'ob0sandbox0access0token000000000';
export const SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET = 'ob0sandbox0access0token0secret00';
export const SANDBOX_MAGENTO_STORE_CODE = 'default';
/** The custom product attribute carrying each product's EAN. */
export const SANDBOX_MAGENTO_EAN_ATTRIBUTE = 'ean';
/** store_id of the `default` store view. */
export const SANDBOX_MAGENTO_STORE_ID = 1;
