import type { IncomingMessage } from 'node:http';
import { isAppError } from '../../lib/errors.js';
import { sellerWarehouse } from './address-generator.js';
import { knownCarrierCodes } from './carrier-catalog.js';
import { BodyTooLargeError, header, readBody } from './http-kit.js';
import { isoSeconds, parseIsoDateTime } from './iso-time.js';
import { findMarketplace } from './marketplace-catalog.js';
import { describeFirstError, modelValidator } from './model-schemas.js';
import { shipOrder, type ShipLine } from './order-lifecycle.js';
import type { AmazonSandbox } from './sandbox-state.js';
import { errorList, invalidInput, notFound } from './sp-api-errors.js';
import type { SpCall, SpOperation, SpReply } from './sp-api-pipeline.js';
import type { StoredOrder } from './stored-order.js';

interface ConfirmShipmentBody {
  marketplaceId: string;
  codCollectionMethod?: string;
  packageDetail: {
    packageReferenceId: string;
    carrierCode: string;
    carrierName?: string;
    shippingMethod?: string;
    trackingNumber: string;
    shipDate: string;
    shipFromSupplySourceId?: string;
    orderItems: ShipLine[];
  };
}

type Body = { ok: true; value: unknown } | { ok: false; reply: SpReply };

async function parseBody(req: IncomingMessage): Promise<Body> {
  const type = header(req, 'content-type');
  if (type !== undefined && !type.toLowerCase().includes('json')) {
    return {
      ok: false,
      reply: { status: 415, body: errorList('UnsupportedMediaType', `Unsupported content type ${type}.`, '') },
    };
  }
  try {
    const raw = await readBody(req);
    return { ok: true, value: JSON.parse(raw.toString('utf8')) as unknown };
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return {
        ok: false,
        reply: { status: 413, body: errorList('RequestEntityTooLarge', 'The request body is too large.', '') },
      };
    }
    return { ok: false, reply: { status: 400, body: invalidInput('The request body is not valid JSON.') } };
  }
}

/** POST /orders/v0/orders/{orderId}/shipmentConfirmation (204, no body). */
export function confirmShipmentOperation(sandbox: AmazonSandbox, orderId: string, req: IncomingMessage): SpOperation {
  let body: Promise<Body> | null = null;
  const read = (): Promise<Body> => (body ??= parseBody(req));
  return {
    op: 'confirmShipment',
    staticRequest: async () => {
      const parsed = await read();
      return { orderId, body: parsed.ok ? parsed.value : undefined };
    },
    handle: async (call) => {
      const parsed = await read();
      return parsed.ok ? confirmShipment(sandbox, orderId, parsed.value, call) : parsed.reply;
    },
  };
}

function confirmShipment(sandbox: AmazonSandbox, orderId: string, input: unknown, call: SpCall): SpReply {
  const validate = modelValidator('ordersV0.json', 'ConfirmShipmentRequest');
  if (!validate(input)) return bad(`Invalid request body: ${describeFirstError(validate.errors)}.`);
  const body = input as ConfirmShipmentBody;
  const stored = sandbox.orders.get(orderId);
  if (!stored || stored.sellerId !== call.sellerId)
    return { status: 404, body: notFound(`The order ${orderId} was not found.`) };
  const problem = checkRules(stored, body);
  if (problem) return bad(problem);
  const pkg = body.packageDetail;
  try {
    const mp = findMarketplace(body.marketplaceId);
    shipOrder(
      stored,
      pkg.orderItems,
      {
        packageReferenceId: pkg.packageReferenceId,
        carrier: pkg.carrierCode === 'Other' ? (pkg.carrierName ?? 'Other') : pkg.carrierCode,
        trackingNumber: pkg.trackingNumber,
        shipTime: isoSeconds(parseIsoDateTime(pkg.shipDate) ?? 0),
        ...(pkg.shippingMethod === undefined ? {} : { shippingService: pkg.shippingMethod }),
        ...(mp ? { shipFromAddress: sellerWarehouse(mp) } : {}),
      },
      sandbox.nowIso(),
    );
  } catch (error) {
    if (isAppError(error)) return bad(error.message);
    throw error;
  }
  return { status: 204 };
}

const bad = (message: string): SpReply => ({ status: 400, body: invalidInput(message) });

/** The business rules beyond the schema (reference README §6.6 and §15.6). */
function checkRules(stored: StoredOrder, body: ConfirmShipmentBody): string | null {
  const { order } = stored;
  const pkg = body.packageDetail;
  if (body.marketplaceId !== order.salesChannel.marketplaceId) {
    return `marketplaceId ${body.marketplaceId} does not match the order's marketplace ${order.salesChannel.marketplaceId ?? ''}.`;
  }
  if (body.codCollectionMethod !== undefined && body.marketplaceId !== 'A1VC38T7YXB528') {
    return 'codCollectionMethod is only supported in the JP marketplace.';
  }
  if (!/^[1-9]\d*$/.test(pkg.packageReferenceId)) {
    return `packageReferenceId must be a positive numeric string; got '${pkg.packageReferenceId}'.`;
  }
  if (pkg.carrierCode === 'Other') {
    const name = pkg.carrierName?.trim() ?? '';
    if (name.length < 1 || name.length > 50)
      return "carrierName (1-50 characters) is required when carrierCode is 'Other'.";
  } else if (!knownCarrierCodes().has(pkg.carrierCode)) {
    return `Unknown carrierCode '${pkg.carrierCode}'. Use a code from Amazon's list, or 'Other' with carrierName.`;
  }
  if (pkg.carrierName !== undefined && pkg.carrierName.length > 50) return 'carrierName must be at most 50 characters.';
  if (pkg.trackingNumber.trim() === '') return 'trackingNumber must not be empty.';
  if (parseIsoDateTime(pkg.shipDate) === null) return `shipDate must be an ISO 8601 date-time; got '${pkg.shipDate}'.`;
  if (pkg.orderItems.length === 0) return 'orderItems must list at least one item.';
  if (order.fulfillment?.fulfilledBy === 'AMAZON')
    return 'The order is fulfilled by Amazon; only seller-fulfilled orders can be confirmed.';
  return null;
}
