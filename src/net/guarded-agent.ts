import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import { disallowedAddressReason } from './address-ranges.js';
import { isInProcessEndpoint } from './in-process-origins.js';

/** Resolves a host name to every address it has (dns.lookup with `all`). */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolveHost: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

/** The error of a refused socket: `code` names it for the callers that only keep the code. */
export function addressNotAllowedError(host: string, reason: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`address not allowed: ${host} resolves to a ${reason} address`);
  error.code = 'address_not_allowed';
  return error;
}

/**
 * A `lookup` for sockets that resolves the host, refuses it when any address is not public, and
 * hands net.connect exactly the addresses it checked — no second resolution, so no DNS rebinding
 * window between the check and the connection.
 */
export function guardedLookup(resolveHost: ResolveHost): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname).then(
      (addresses) => {
        const bad = addresses.map((a) => disallowedAddressReason(a.address)).find((r) => r !== null);
        if (bad) return callback(addressNotAllowedError(hostname, bad), '', 0);
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = family === 0 ? addresses : addresses.filter((a) => a.family === family);
        const first = usable[0];
        if (!first) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
          error.code = 'ENOTFOUND';
          return callback(error, '', 0);
        }
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

type Create = (
  options: http.ClientRequestArgs,
  cb?: (err: Error | null, s: Duplex) => void,
) => Duplex | null | undefined;

/** Literal IPs skip `lookup` in net.connect, so they are checked here; host names get the guarded lookup. */
function guardedCreate(
  options: http.ClientRequestArgs,
  callback: ((err: Error | null, stream: Duplex) => void) | undefined,
  lookup: LookupFunction,
  create: Create,
): Duplex | null | undefined {
  const host = String(options.host ?? options.hostname ?? 'localhost').replace(/^\[|\]$/g, '');
  const port = Number(options.port ?? 0);
  if (isInProcessEndpoint(host, port)) return create(options, callback);
  if (isIP(host)) {
    const reason = disallowedAddressReason(host);
    if (reason) {
      callback?.(addressNotAllowedError(host, reason), undefined as unknown as Duplex);
      return undefined;
    }
    return create(options, callback);
  }
  return create({ ...options, lookup }, callback);
}

/** http/https agents whose sockets only reach public addresses (and this process's own sandboxes). */
export function guardedAgents(resolveHost: ResolveHost = systemResolveHost): {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
} {
  const lookup = guardedLookup(resolveHost);
  class GuardedHttpAgent extends http.Agent {
    override createConnection(options: http.ClientRequestArgs, cb?: (e: Error | null, s: Duplex) => void) {
      return guardedCreate(options, cb, lookup, (o, c) => super.createConnection(o, c));
    }
  }
  class GuardedHttpsAgent extends https.Agent {
    override createConnection(options: https.RequestOptions, cb?: (e: Error | null, s: Duplex) => void) {
      return guardedCreate(options, cb, lookup, (o, c) => super.createConnection(o, c));
    }
  }
  return {
    httpAgent: new GuardedHttpAgent({ keepAlive: true }),
    httpsAgent: new GuardedHttpsAgent({ keepAlive: true }),
  };
}
