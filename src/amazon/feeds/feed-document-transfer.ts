/**
 * Moves feed documents to and from Amazon's presigned URLs (S3): a plain HTTP PUT/GET, no SP-API
 * headers (the URL carries its own signature; an x-amz-access-token would only leak the token).
 * The PUT's Content-Type must be exactly the one given to createFeedDocument (README §9.1): S3
 * answers anything else with 403 SignatureDoesNotMatch, reported here as `feed_upload_rejected`.
 */
import { gunzipSync } from 'node:zlib';
import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';

export interface TransferOptions {
  timeoutMs?: number;
  /** Attempts for network errors and 5xx (default 3). */
  attempts?: number;
}

const s3Field = (xml: string, name: string): string | null =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? null;

/** Strips the query (the signature) so URLs can be shown in errors and logs. */
const safeUrl = (url: string): string => url.split('?')[0] ?? url;

async function send(url: string, init: RequestInit, o: TransferOptions, what: string): Promise<Result<Response>> {
  const attempts = o.attempts ?? 3;
  let last: AppError | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(o.timeoutMs ?? 60_000) });
      if (res.status < 500) return ok(res);
      await res.arrayBuffer();
      last = new AppError('amazon_unavailable', `Amazon's document store failed the ${what} with HTTP ${res.status}`, {
        kind: 'upstream',
        details: { url: safeUrl(url), status: res.status },
      });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      last = new AppError(
        'amazon_unavailable',
        `Amazon's document store could not be reached for the ${what}: ${message}`,
        {
          kind: 'upstream',
          details: { url: safeUrl(url) },
          cause,
        },
      );
    }
  }
  return err(last as AppError);
}

export async function uploadFeedDocument(
  url: string,
  content: string | Uint8Array,
  contentType: string,
  o: TransferOptions = {},
): Promise<Result<void>> {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const sent = await send(url, { method: 'PUT', headers: { 'content-type': contentType }, body }, o, 'feed upload');
  if (!sent.ok) return sent;
  const res = sent.value;
  const text = await res.text();
  if (res.ok) return ok(undefined);
  const code = s3Field(text, 'Code') ?? `HTTP ${res.status}`;
  const hint =
    code === 'SignatureDoesNotMatch'
      ? ` — the Content-Type sent ("${contentType}") must be exactly the one given to createFeedDocument`
      : code === 'AccessDenied'
        ? ' — the presigned URL has expired (5 minutes); create a new feed document'
        : '';
  return err(
    new AppError('feed_upload_rejected', `Amazon refused the feed upload (${res.status} ${code})${hint}`, {
      kind: 'invalid',
      retryable: false,
      details: { status: res.status, code, message: s3Field(text, 'Message'), url: safeUrl(url), contentType },
    }),
  );
}

/** Downloads a document and gunzips it when `compressionAlgorithm` says GZIP. */
export async function downloadFeedDocument(
  url: string,
  compressionAlgorithm: string | undefined,
  o: TransferOptions = {},
): Promise<Result<Buffer>> {
  const sent = await send(url, { method: 'GET' }, o, 'report download');
  if (!sent.ok) return sent;
  const res = sent.value;
  const raw = Buffer.from(await res.arrayBuffer());
  if (!res.ok) {
    const code = s3Field(raw.toString('utf8'), 'Code') ?? `HTTP ${res.status}`;
    return err(
      new AppError(
        'feed_document_unavailable',
        `Amazon's document store refused the download (${res.status} ${code})`,
        {
          kind: 'upstream',
          retryable: res.status === 403, // an expired URL: ask getFeedDocument for a new one
          details: { status: res.status, code, url: safeUrl(url) },
        },
      ),
    );
  }
  if (compressionAlgorithm === undefined) return ok(raw);
  if (compressionAlgorithm !== 'GZIP') {
    return err(
      new AppError('feed_document_unsupported', `Unknown compressionAlgorithm ${compressionAlgorithm}`, {
        kind: 'upstream',
        retryable: false,
      }),
    );
  }
  try {
    return ok(gunzipSync(raw));
  } catch (cause) {
    return err(
      new AppError('feed_report_invalid', 'The GZIP report could not be decompressed', {
        kind: 'upstream',
        retryable: false,
        cause,
      }),
    );
  }
}
