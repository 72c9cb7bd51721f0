import type { WooSandbox } from './woo-sandbox.js';
import { noRoute } from './woo-errors.js';

/** One REST route of the simulator: pattern relative to /wp-json, a stats name, and a handler. */
export interface WooRequest {
  sandbox: WooSandbox;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** Full request URL (for Link headers). */
  url: URL;
}

export interface WooReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Commit happened; drop the connection instead of answering (the response-lost fault). */
  loseResponse?: boolean;
}

export interface WooRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  pattern: string;
  /** Public routes need no consumer key (providers list, site index). */
  public?: boolean;
  run(r: WooRequest): WooReply;
}

/** WordPress routes take `(?P<id>[\d]+)`: anything else is not a route at all. */
export function idParam(r: WooRequest, name = 'id'): number {
  const raw = r.params[name] ?? '';
  if (!/^\d+$/.test(raw)) throw noRoute();
  return Number(raw);
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): WooReply => ({
  status,
  body,
  headers,
});
