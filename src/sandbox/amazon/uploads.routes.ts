/**
 * The presigned feed-document URLs (Amazon: S3 behind CloudFront), served by the sandbox itself under
 * /_uploads/{feedDocumentId}. No SP-API auth, no rate limits; S3-style XML errors: a Content-Type other
 * than the one given to createFeedDocument, or a wrong signature → 403 SignatureDoesNotMatch; a URL
 * older than 5 minutes (sandbox clock) → 403 AccessDenied "Request has expired".
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PRESIGNED_URL_TTL_MS, type FeedDocumentRecord } from './feeds-store.js';
import { header } from './http-kit.js';
import type { AmazonSandbox } from './sandbox-state.js';

export const UPLOAD_PATH_PREFIX = '/_uploads/';
/** Amazon advises feeds under 10 MiB (README §9.1). */
export const MAX_UPLOAD_BYTES = 10 * 1_048_576;

const S3_MESSAGES: Record<string, string> = {
  SignatureDoesNotMatch:
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  AccessDenied: 'Request has expired',
  NoSuchKey: 'The specified key does not exist.',
  EntityTooLarge: 'Your proposed upload exceeds the maximum allowed size',
  MethodNotAllowed: 'The specified method is not allowed against this resource.',
};

function sendS3Error(res: ServerResponse, status: number, code: string, extra = ''): void {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${S3_MESSAGES[code] ?? code}</Message>` +
    `${extra}<RequestId>${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}</RequestId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The presigned URL of a document for one method (PUT to upload, GET to download). */
export function presignedUrl(sandbox: AmazonSandbox, origin: string, doc: FeedDocumentRecord, method: string): string {
  const issued = sandbox.clock.nowMs();
  const query = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Date': String(issued),
    'X-Amz-Expires': String(PRESIGNED_URL_TTL_MS / 1000),
    'X-Amz-SignedHeaders': method === 'PUT' ? 'content-type;host' : 'host',
    'X-Amz-Signature': sandbox.feeds.sign(doc.feedDocumentId, method, issued),
  });
  return `${origin}${UPLOAD_PATH_PREFIX}${encodeURIComponent(doc.feedDocumentId)}?${query.toString()}`;
}

/** The origin a client reached the sandbox by (the presigned URLs point back to it). */
export const requestOrigin = (req: IncomingMessage): string => `http://${header(req, 'host') ?? '127.0.0.1'}`;

async function readUpload(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function handleUpload(sandbox: AmazonSandbox, req: IncomingMessage, res: ServerResponse, url: URL) {
  const method = req.method ?? 'GET';
  let id: string;
  try {
    id = decodeURIComponent(url.pathname.slice(UPLOAD_PATH_PREFIX.length));
  } catch {
    return sendS3Error(res, 404, 'NoSuchKey');
  }
  const doc = sandbox.feeds.documents.get(id);
  if (method !== 'PUT' && method !== 'GET') return sendS3Error(res, 405, 'MethodNotAllowed');
  if (!doc) return sendS3Error(res, 404, 'NoSuchKey');
  const q = url.searchParams;
  const issued = Number(q.get('X-Amz-Date') ?? NaN);
  if (q.get('X-Amz-Signature') !== sandbox.feeds.sign(id, method, issued)) {
    return sendS3Error(res, 403, 'SignatureDoesNotMatch');
  }
  if (sandbox.clock.nowMs() - issued > PRESIGNED_URL_TTL_MS) return sendS3Error(res, 403, 'AccessDenied');
  if (method === 'GET') {
    if (!doc.content) return sendS3Error(res, 404, 'NoSuchKey');
    res.writeHead(200, { 'content-type': doc.contentType, 'content-length': doc.content.length });
    return void res.end(doc.content);
  }
  const sent = header(req, 'content-type') ?? '';
  if (doc.role !== 'input') return sendS3Error(res, 403, 'AccessDenied');
  if (sent !== doc.contentType) {
    const extra = `<StringToSignHint>content-type:${escapeXml(sent)} (signed for ${escapeXml(doc.contentType)})</StringToSignHint>`;
    return sendS3Error(res, 403, 'SignatureDoesNotMatch', extra);
  }
  const body = await readUpload(req);
  if (body === null) return sendS3Error(res, 400, 'EntityTooLarge');
  doc.content = body;
  const etag = `"${createHash('md5').update(body).digest('hex')}"`;
  res.writeHead(200, { etag, 'content-length': 0 });
  res.end();
}

const escapeXml = (s: string): string =>
  s.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
