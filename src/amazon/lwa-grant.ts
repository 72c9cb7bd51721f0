import type { AxiosInstance } from 'axios';
import { lwaUnreachable } from './lwa-errors.js';

/** LWA's answer to a grant: its status and JSON body (null when the body is not a JSON object). */
export interface LwaGrantResponse {
  status: number;
  json: Record<string, unknown> | null;
}

/**
 * POSTs one grant (refresh_token, client_credentials, authorization_code) to an LWA token URL as a
 * form. Any status comes back to the caller, which maps LWA's error codes; only a network failure throws.
 */
export async function postLwaGrant(
  http: AxiosInstance,
  lwaUrl: string,
  fields: Record<string, string>,
): Promise<LwaGrantResponse> {
  let response;
  try {
    response = await http.post<unknown>(lwaUrl, new URLSearchParams(fields).toString(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' },
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: (data: unknown) => data,
    });
  } catch (cause) {
    throw lwaUnreachable(lwaUrl, cause);
  }
  return { status: response.status, json: parseJson(response.data) };
}

function parseJson(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
