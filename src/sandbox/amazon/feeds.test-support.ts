import { expect } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { feedsModelValidator } from './feeds-model-schemas.js';
import type { TestSandbox } from './sandbox.test-support.js';

/** Test helpers for the Feeds flow over real HTTP (create document → PUT → createFeed → poll). */

export const XML = 'text/xml; charset=UTF-8';
export const JSON_TYPE = 'application/json; charset=UTF-8';

export function expectValid(validate: ValidateFunction, body: unknown): void {
  const ok = validate(body);
  if (!ok) throw new Error(JSON.stringify(validate.errors?.slice(0, 3)));
  expect(ok).toBe(true);
}

export async function uploadDocument(s: TestSandbox, contentType: string, content: string, putType = contentType) {
  const created = await s.sp<{ feedDocumentId: string; url: string }>('/feeds/2021-06-30/documents', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contentType }),
  });
  expect(created.status).toBe(201);
  const put = await fetch(created.json.url, { method: 'PUT', headers: { 'content-type': putType }, body: content });
  return { created, put, putText: await put.text() };
}

export async function submitFeed(s: TestSandbox, feedType: string, contentType: string, content: string, mp: string) {
  const { created, put } = await uploadDocument(s, contentType, content);
  expect(put.status).toBe(200);
  const feed = await s.sp<{ feedId: string }>('/feeds/2021-06-30/feeds', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ feedType, marketplaceIds: [mp], inputFeedDocumentId: created.json.feedDocumentId }),
  });
  expect(feed.status).toBe(202);
  expectValid(feedsModelValidator('models/feeds_2021-06-30.json', 'CreateFeedResponse'), feed.json);
  return feed.json.feedId;
}

export function ackXml(sellerId: string, messages: string[]): string {
  const body = messages
    .map(
      (m, i) => `<Message><MessageID>${i + 1}</MessageID><OrderAcknowledgement>${m}</OrderAcknowledgement></Message>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xsi:noNamespaceSchemaLocation="amzn-envelope.xsd"><Header><DocumentVersion>1.01</DocumentVersion>` +
    `<MerchantIdentifier>${sellerId}</MerchantIdentifier></Header><MessageType>OrderAcknowledgement</MessageType>` +
    `${body}</AmazonEnvelope>`
  );
}

export const cancelMessage = (orderId: string, items: [string, string][]): string =>
  `<AmazonOrderID>${orderId}</AmazonOrderID><StatusCode>Failure</StatusCode>` +
  items
    .map(
      ([id, reason]) =>
        `<Item><AmazonOrderItemCode>${id}</AmazonOrderItemCode><CancelReason>${reason}</CancelReason></Item>`,
    )
    .join('');
