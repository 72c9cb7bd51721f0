import { api, ApiError } from '../../../api/client';

/** GET /api/connections/seller-availability: is this seller account + marketplace free to connect? */
export interface SellerCheck {
  available: boolean;
  message?: string | undefined;
  existingConnectionId?: string | undefined;
}

/** Checks the Seller ID step; an installation without the check (404) lets the merchant go on. */
export async function checkSellerAvailability(sellerId: string, marketplaceId: string): Promise<SellerCheck> {
  const query = new URLSearchParams({ sellerId, marketplace: marketplaceId });
  try {
    return await api<SellerCheck>('GET', `/api/connections/seller-availability?${query.toString()}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return { available: true };
    throw e;
  }
}
