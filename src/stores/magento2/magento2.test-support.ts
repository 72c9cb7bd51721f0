import {
  SANDBOX_MAGENTO_ACCESS_TOKEN,
  SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET,
  SANDBOX_MAGENTO_CONSUMER_KEY,
  SANDBOX_MAGENTO_CONSUMER_SECRET,
  startMagentoSandbox,
  type MagentoSandboxOptions,
  type StartedMagentoSandbox,
} from '../../sandbox/magento2/index.js';
import { send } from '../shopify/shopify-http.js';
import { amazonId, deDraft, draft, item, usDraft } from '../shopify/shopify.test-support.js';
import type { MagentoTransport } from './magento2.client.js';
import { Magento2Connector } from './magento2.connector.js';
import { magento2Platform } from './index.js';

export { amazonId, deDraft, draft, item, usDraft };

export const OAUTH_SECRETS = {
  consumerKey: SANDBOX_MAGENTO_CONSUMER_KEY,
  consumerSecret: SANDBOX_MAGENTO_CONSUMER_SECRET,
  accessToken: SANDBOX_MAGENTO_ACCESS_TOKEN,
  accessTokenSecret: SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET,
};

export interface RecordedRequest {
  method: string;
  /** After `/rest/<store>`, without the query: '/V1/orders/5'. */
  path: string;
  query: string;
  body: unknown;
  status: number;
  /** The answer's text ('' when none arrived). */
  answer: string;
}

/** The real transport (node:http), recording every request and its status: nothing is faked. */
export function recordingTransport(log: RecordedRequest[], timeoutMs = 20_000): MagentoTransport {
  return async (url, init) => {
    const answer = await send(url, init, { timeoutMs }).catch((error: unknown) => {
      log.push(entry(url, init, 0, ''));
      throw error;
    });
    log.push(entry(url, init, answer.status, answer.text));
    return answer;
  };
}

function entry(
  url: URL,
  init: { method: string; body?: string | undefined },
  status: number,
  answer: string,
): RecordedRequest {
  return {
    method: init.method,
    path: url.pathname.replace(/^.*?\/rest\/[^/]+(?=\/V1\/)/, ''),
    query: url.search,
    body: init.body === undefined ? undefined : (JSON.parse(init.body) as unknown),
    status,
    answer,
  };
}

export interface ConnectorOptions {
  settings?: Record<string, unknown>;
  secrets?: Record<string, string>;
  now?: () => string;
  transport?: MagentoTransport;
  timeoutMs?: number;
}

export function connectorFor(started: StartedMagentoSandbox, o: ConnectorOptions = {}): Magento2Connector {
  return new Magento2Connector(
    {
      id: 'store-magento',
      accountId: 'acc-1',
      platform: 'magento2',
      name: 'Magento',
      baseUrl: started.url,
      settings: magento2Platform.parseSettings(o.settings ?? {}),
      secrets: magento2Platform.parseSecrets(o.secrets ?? { accessToken: SANDBOX_MAGENTO_ACCESS_TOKEN }),
    },
    { now: o.now ?? (() => new Date().toISOString()), timeoutMs: o.timeoutMs ?? 20_000 },
    o.transport ? { transport: o.transport } : {},
  );
}

export async function startStore(
  options: MagentoSandboxOptions = {},
  connector: ConnectorOptions = {},
): Promise<{ started: StartedMagentoSandbox; connector: Magento2Connector }> {
  const started = await startMagentoSandbox({ host: '127.0.0.1', ...options });
  return { started, connector: connectorFor(started, connector) };
}

export const must = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};
