// Benchmark: OrderBridge probed as an attacker would (issue 9), against a real `start` process on a
// fresh data directory with random ports (SQLite, or PostgreSQL with BENCH_DATABASE_URL): 50 parallel
// wrong logins for one e-mail, a member adding a store on a loopback address and testing it, an API
// token creating a token, and the security headers of the web app and the API. Prints each finding,
// then as the LAST line one JSON object.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { startOrderBridge } from '../test/browser/support/orderbridge-process.js';

const PARALLEL_LOGINS = 50;
const THROTTLED_AT_LEAST = 45;

/** BENCH_DATABASE_URL: the same run on PostgreSQL, in a fresh schema (dropped at the end). */
const DATABASE_URL = process.env.BENCH_DATABASE_URL;
const freshSchema = (url: string) => {
  const u = new URL(url);
  u.searchParams.set('schema', `bench_attack_${randomBytes(4).toString('hex')}`);
  return u.toString();
};
const bridge = await startOrderBridge(DATABASE_URL ? { databaseUrl: freshSchema(DATABASE_URL) } : {});
const base = bridge.baseUrl;

/** A session: its cookie and CSRF token, from a successful login. */
interface Session {
  cookie: string;
  csrf: string;
}

const login = (email: string, password: string) =>
  fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

async function signIn(email: string, password: string): Promise<Session> {
  const res = await login(email, password);
  if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}: ${await res.text()}`);
  const cookie = /orderbridge_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function call(auth: Session | { bearer: string }, method: string, url: string, body?: object) {
  const headers: Record<string, string> =
    'bearer' in auth ? { authorization: `Bearer ${auth.bearer}` } : { cookie: auth.cookie, 'x-csrf-token': auth.csrf };
  if (body) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, { method, headers, ...(body && { body: JSON.stringify(body) }) });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: res.status, json, code: (json.error as { code?: string } | undefined)?.code ?? null };
}

/** A loopback service the server must never reach on a member's behalf: counts every connection. */
async function startProbeTarget(): Promise<{ port: number; connections: () => number; close: () => void }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { port, connections: () => connections, close: () => server.close() };
}

async function memberAddsLoopbackStore(admin: Session): Promise<boolean> {
  const owner = { email: 'mallory@attack.test', name: 'Mallory', password: 'mallory-password-123' };
  const account = await call(admin, 'POST', '/api/admin/accounts', { name: 'Mallory Ltd', planId: 'business', owner });
  if (account.status !== 201) throw new Error(`creating the member's account answered ${account.status}`);
  const member = await signIn(owner.email, owner.password);
  const target = await startProbeTarget();
  const store = {
    name: 'probe',
    platform: 'woocommerce',
    baseUrl: `http://127.0.0.1:${target.port}`,
    secrets: { consumerKey: 'ck_probe', consumerSecret: 'cs_probe' },
  };
  const created = await call(member, 'POST', '/api/stores', store);
  console.log(`member adds a store at ${store.baseUrl}: ${created.status} ${created.code ?? ''}`);
  let tested: Awaited<ReturnType<typeof call>> | null = null;
  if (created.status === 201) {
    tested = await call(member, 'POST', '/api/stores/probe/test');
    console.log(`member tests it: ${tested.status} ${tested.code ?? ''}`);
  }
  await new Promise((r) => setTimeout(r, 2_000)); // a background poll would show up here too
  const probes = target.connections();
  target.close();
  console.log(`connections to the loopback service: ${probes} (limit 0)`);
  const refused = created.status !== 201 || (tested !== null && tested.status >= 400);
  return refused && probes === 0;
}

async function tokenMintsToken(admin: Session): Promise<boolean> {
  const created = await call(admin, 'POST', '/api/tokens', { name: 'erp' });
  const secret = created.json.secret as string;
  const works = await call({ bearer: secret }, 'GET', '/api/tokens');
  const minted = await call({ bearer: secret }, 'POST', '/api/tokens', { name: 'child' });
  console.log(`a token (GET /api/tokens ${works.status}) creating a token: ${minted.status} ${minted.code ?? ''}`);
  return works.status === 200 && minted.status === 403;
}

async function securityHeaders(): Promise<boolean> {
  const page = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
  const api = await fetch(`${base}/api/health`);
  const checks = [page, api].map((res) => {
    const csp = res.headers.get('content-security-policy') ?? '';
    return (
      /script-src 'self'(;|$)/.test(csp) &&
      csp.includes("frame-ancestors 'none'") &&
      res.headers.get('x-content-type-options') === 'nosniff' &&
      /^(no-referrer|same-origin|strict-origin)/.test(res.headers.get('referrer-policy') ?? '')
    );
  });
  const noStore = api.headers.get('cache-control') === 'no-store';
  console.log(`security headers: page ${checks[0]}, API ${checks[1]}, API no-store ${noStore}`);
  return checks.every(Boolean) && noStore;
}

async function parallelWrongLogins(email: string): Promise<number> {
  const answers = await Promise.all(
    Array.from({ length: PARALLEL_LOGINS }, (_, i) => login(email, `wrong-guess-${i}`).then((r) => r.status)),
  );
  const throttled = answers.filter((s) => s === 429).length;
  const checked = answers.filter((s) => s === 401).length;
  console.log(
    `${PARALLEL_LOGINS} parallel wrong logins: ${checked} checked, ${throttled} throttled (limit ≥ ${THROTTLED_AT_LEAST})`,
  );
  return throttled;
}

try {
  const admin = await signIn(bridge.admin.email, bridge.admin.password);
  const ssrfRefused = await memberAddsLoopbackStore(admin);
  const tokenMintRefused = await tokenMintsToken(admin);
  const headersPresent = await securityHeaders();
  // Last: it locks this address out of the administrator's login for a while.
  const throttled = await parallelWrongLogins(bridge.admin.email);
  console.log(
    JSON.stringify({
      parallelLogins: PARALLEL_LOGINS,
      throttled,
      ssrfRefused,
      tokenMintRefused,
      securityHeaders: headersPresent,
    }),
  );
} finally {
  await bridge.stop();
}
process.exit(0);
