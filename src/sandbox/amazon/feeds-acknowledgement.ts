/**
 * POST_ORDER_ACKNOWLEDGEMENT_DATA (XML): XSD check (feeds-xsd.ts), then each OrderAcknowledgement
 * message is applied to the stored order (feeds-order-cancel.ts). An XML or schema error rejects the
 * whole document: the feed ends DONE with a report of MessagesProcessed 0 and one Error (code 5000),
 * which is what Amazon does for XML errors (FATAL is for feeds it cannot process at all).
 */
import { XMLParser } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import {
  applyAckMessage,
  CODE_XML_ERROR,
  type AckMessage,
  type AckResult,
  type OrderFeedAction,
} from './feeds-order-cancel.js';
import type { FeedOutcome, FeedRecord, FeedSummary } from './feeds-store.js';
import { feedXsdProblem } from './feeds-xsd.js';
import type { AmazonSandbox } from './sandbox-state.js';

export const XML_CONTENT_TYPE = 'text/xml; charset=UTF-8';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'Message' || name === 'Item',
});
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (n: Node, k: string): string | undefined => (typeof n[k] === 'string' ? n[k] : undefined);

function readMessages(xml: string): { type: string; messages: AckMessage[] } {
  const doc = parser.parse(xml) as Node;
  const envelope = isNode(doc.AmazonEnvelope) ? doc.AmazonEnvelope : {};
  const messages = (Array.isArray(envelope.Message) ? envelope.Message : []).filter(isNode).map((m) => {
    const ack = isNode(m.OrderAcknowledgement) ? m.OrderAcknowledgement : {};
    const items = (Array.isArray(ack.Item) ? ack.Item : []).filter(isNode).map((i) => {
      const reason = text(i, 'CancelReason');
      return {
        orderItemId: text(i, 'AmazonOrderItemCode') ?? '',
        ...(reason !== undefined && { cancelReason: reason }),
      };
    });
    const merchantOrderId = text(ack, 'MerchantOrderID');
    return {
      messageId: Number(text(m, 'MessageID') ?? '0'),
      amazonOrderId: text(ack, 'AmazonOrderID') ?? '',
      statusCode: text(ack, 'StatusCode') ?? '',
      items,
      ...(merchantOrderId !== undefined && { merchantOrderId }),
    };
  });
  return { type: text(envelope, 'MessageType') ?? '', messages };
}

export function processAcknowledgementFeed(sandbox: AmazonSandbox, feed: FeedRecord, xml: string): FeedOutcome {
  const problem = feedXsdProblem(xml);
  if (problem) {
    const what = problem.kind === 'parse' ? 'XML Parsing Error' : 'XML Schema Error';
    const first = problem.messages.slice(0, 3).join(' | ');
    return reportOutcome(feed, 0, [
      { messageId: 0, resultCode: 'Error', messageCode: CODE_XML_ERROR, description: `${what}: ${first}` },
    ]);
  }
  const { type, messages } = readMessages(xml);
  if (type !== 'OrderAcknowledgement') {
    const description = `MessageType ${type} cannot be sent in a ${feed.feedType} feed.`;
    return reportOutcome(feed, 0, [{ messageId: 0, resultCode: 'Error', messageCode: CODE_XML_ERROR, description }]);
  }
  const at = sandbox.nowIso();
  const results: AckResult[] = [];
  for (const msg of messages) {
    const stored = sandbox.orders.get(msg.amazonOrderId);
    const mine = stored && stored.sellerId === feed.sellerId ? stored : undefined;
    const { errors, action } = applyAckMessage(mine, msg, feed.feedId, at);
    results.push(...errors);
    if (action) recordAction(sandbox, msg.amazonOrderId, action);
  }
  return reportOutcome(feed, messages.length, results);
}

function recordAction(sandbox: AmazonSandbox, orderId: string, action: OrderFeedAction): void {
  const list = sandbox.feedOrderActions.get(orderId) ?? [];
  list.push(action);
  sandbox.feedOrderActions.set(orderId, list);
  if (action.action === 'cancel') sandbox.record.feedCancellation();
}

function reportOutcome(feed: FeedRecord, processed: number, results: AckResult[]): FeedOutcome {
  const withError = new Set(results.filter((r) => r.resultCode === 'Error').map((r) => r.messageId)).size;
  const withWarning = new Set(results.filter((r) => r.resultCode === 'Warning').map((r) => r.messageId)).size;
  const summary: FeedSummary = {
    messagesProcessed: processed,
    messagesSuccessful: Math.max(0, processed - withError),
    messagesWithError: withError,
    messagesWithWarning: withWarning,
  };
  const body = Buffer.from(processingReportXml(feed, summary, results), 'utf8');
  return { status: 'DONE', summary, report: { contentType: XML_CONTENT_TYPE, body, gzip: false } };
}

/** ProcessingReport in an AmazonEnvelope (ProcessingReport.xsd; like feeds.processingReport.example.xml). */
export function processingReportXml(feed: FeedRecord, s: FeedSummary, results: readonly AckResult[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('AmazonEnvelope', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:noNamespaceSchemaLocation': 'amzn-envelope.xsd',
  });
  const header = root.ele('Header');
  header.ele('DocumentVersion').txt('1.02');
  header.ele('MerchantIdentifier').txt(feed.sellerId);
  root.ele('MessageType').txt('ProcessingReport');
  const message = root.ele('Message');
  message.ele('MessageID').txt('1');
  const report = message.ele('ProcessingReport');
  report.ele('DocumentTransactionID').txt(feed.feedId);
  report.ele('StatusCode').txt('Complete');
  const summary = report.ele('ProcessingSummary');
  summary.ele('MessagesProcessed').txt(String(s.messagesProcessed));
  summary.ele('MessagesSuccessful').txt(String(s.messagesSuccessful));
  summary.ele('MessagesWithError').txt(String(s.messagesWithError));
  summary.ele('MessagesWithWarning').txt(String(s.messagesWithWarning));
  for (const r of results) {
    const result = report.ele('Result');
    result.ele('MessageID').txt(String(r.messageId));
    result.ele('ResultCode').txt(r.resultCode);
    result.ele('ResultMessageCode').txt(r.messageCode);
    result.ele('ResultDescription').txt(r.description);
    if (r.amazonOrderId !== undefined || r.amazonOrderItemCode !== undefined) {
      const info = result.ele('AdditionalInfo');
      if (r.amazonOrderId !== undefined) info.ele('AmazonOrderID').txt(r.amazonOrderId);
      if (r.amazonOrderItemCode !== undefined) info.ele('AmazonOrderItemCode').txt(r.amazonOrderItemCode);
    }
  }
  return root.end({ prettyPrint: true });
}
