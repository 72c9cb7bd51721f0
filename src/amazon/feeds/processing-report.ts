/**
 * Parses the XML ProcessingReport that Amazon returns for an XML order feed (amazon/README §9.1 step 5,
 * §9.3; ProcessingReport.xsd). Lenient on extra elements, strict on the parts we act on: a report
 * without StatusCode or ProcessingSummary is an upstream error, not an empty success.
 */
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';

export interface ProcessingResult {
  messageId: number;
  resultCode: string; // Error | Warning
  messageCode: string; // ResultMessageCode
  description: string;
  amazonOrderId?: string;
  amazonOrderItemCode?: string;
}

export interface ProcessingReport {
  statusCode: string; // Complete | Processing | Rejected
  documentTransactionId: string | null;
  processed: number;
  successful: number;
  withError: number;
  withWarning: number;
  results: ProcessingResult[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false, // keep ids like 12345678901234 and codes as strings
  trimValues: true,
  isArray: (name) => name === 'Message' || name === 'Result',
});

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (node: Node, key: string): string | undefined => {
  const value = node[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
};

const upstream = (message: string): AppError =>
  new AppError('feed_report_invalid', message, { kind: 'upstream', retryable: false });

function count(summary: Node, key: string): number | null {
  const raw = text(summary, key);
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : null;
}

function toResult(node: Node): ProcessingResult {
  const info = isNode(node.AdditionalInfo) ? node.AdditionalInfo : {};
  const amazonOrderId = text(info, 'AmazonOrderID');
  const amazonOrderItemCode = text(info, 'AmazonOrderItemCode');
  return {
    messageId: Number(text(node, 'MessageID') ?? '0'),
    resultCode: text(node, 'ResultCode') ?? '',
    messageCode: text(node, 'ResultMessageCode') ?? '',
    description: text(node, 'ResultDescription') ?? '',
    ...(amazonOrderId === undefined ? {} : { amazonOrderId }),
    ...(amazonOrderItemCode === undefined ? {} : { amazonOrderItemCode }),
  };
}

function findReport(doc: Node): Node | null {
  const envelope = doc.AmazonEnvelope;
  if (!isNode(envelope)) return null;
  const messages = Array.isArray(envelope.Message) ? (envelope.Message as unknown[]) : [];
  for (const message of messages) {
    if (isNode(message) && isNode(message.ProcessingReport)) return message.ProcessingReport;
  }
  return null;
}

export function parseProcessingReport(xml: string): Result<ProcessingReport> {
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch (error) {
    return err(
      upstream(`processing report is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  const report = isNode(doc) ? findReport(doc) : null;
  if (report === null) return err(upstream('no AmazonEnvelope/Message/ProcessingReport in the document'));
  const statusCode = text(report, 'StatusCode');
  const summary = report.ProcessingSummary;
  if (statusCode === undefined || !isNode(summary))
    return err(upstream('processing report lacks StatusCode or ProcessingSummary'));
  const numbers = ['MessagesProcessed', 'MessagesSuccessful', 'MessagesWithError', 'MessagesWithWarning'].map((k) =>
    count(summary, k),
  );
  const [processed, successful, withError, withWarning] = numbers;
  if (processed == null || successful == null || withError == null || withWarning == null) {
    return err(upstream('processing summary counts are missing or not numbers'));
  }
  const results = (Array.isArray(report.Result) ? (report.Result as unknown[]) : []).filter(isNode).map(toResult);
  const documentTransactionId = text(report, 'DocumentTransactionID') ?? null;
  return ok({ statusCode, documentTransactionId, processed, successful, withError, withWarning, results });
}
