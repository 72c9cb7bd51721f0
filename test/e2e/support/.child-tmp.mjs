var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/lib/result.ts
var ok = (value) => ({ ok: true, value });
var err = (error) => ({ ok: false, error });

// src/sync/confirm-shipment.ts
async function confirmShipment(deps, shipmentId) {
  const shipment = await deps.shipments.findById(shipmentId);
  if (shipment?.state !== "pending") return ok("not_pending");
  const order = await deps.orders.findById(shipment.orderId);
  const connection = order ? await deps.connections.findById(order.connectionId) : null;
  if (!order || !connection) return ok("not_pending");
  if (!connection.config.active) return ok("inactive");
  await deps.shipments.markAttempt(shipment.id, deps.clock.nowIso());
  const amazon = await deps.amazonFor(connection.id);
  const sent = await amazon.confirmShipment({
    amazonOrderId: order.amazonOrderId,
    marketplaceId: order.marketplaceId,
    packageReferenceId: shipment.packageReferenceId,
    carrierCode: shipment.carrierCode,
    carrierName: shipment.carrierName,
    shippingMethod: shipment.shippingMethod,
    trackingNumber: shipment.trackingNumber ?? "",
    shipDate: shipment.shipDate,
    items: shipment.items
  });
  if (!sent.ok && sent.error.retryable) return sent;
  const now = deps.clock.nowIso();
  const carrier = shipment.carrierCode === "Other" ? `Other / ${shipment.carrierName ?? ""}` : shipment.carrierCode;
  await deps.db.transaction().execute(async (trx) => {
    await deps.shipments.setState(
      trx,
      shipment.id,
      sent.ok ? "confirmed" : "failed",
      sent.ok ? null : sent.error.message,
      now
    );
    await deps.orders.addEvent(trx, {
      orderId: order.id,
      connectionId: order.connectionId,
      occurredAt: now,
      direction: "hub_to_amazon",
      kind: sent.ok ? "amazon.shipment_confirmed" : "amazon.shipment_rejected",
      summary: sent.ok ? `confirmShipment: package ${shipment.packageReferenceId}, ${carrier}, tracking ${shipment.trackingNumber ?? ""}, shipped ${shipment.shipDate}` : `Amazon rejected package ${shipment.packageReferenceId}: ${sent.error.message}`,
      payload: {
        shipmentId: shipment.id,
        carrierCode: shipment.carrierCode,
        items: shipment.items,
        ...sent.ok ? {} : { error: sent.error.toJSON() }
      }
    });
  });
  if (!sent.ok)
    await deps.orderStore.recordFailure(order.id, { code: "shipment_rejected", message: sent.error.message }, now);
  return ok(sent.ok ? "confirmed" : "rejected");
}

// src/domain/delivery-plan.ts
var NOT_IN_STORE = /* @__PURE__ */ new Set([null, "waiting", "reserved"]);
function ordersAndStock(i) {
  const open = NOT_IN_STORE.has(i.storeState);
  switch (i.status) {
    case "pending":
      if (!open || i.storeState === "reserved") return "none";
      return i.reservePendingStock && !i.fba ? "reserve" : i.storeState === "waiting" ? "none" : "wait";
    case "ready":
      return open ? "create" : "none";
    case "cancel_requested":
      if (open) return "create";
      return (i.storeState === "created" || i.storeState === "awaiting_pickup") && !i.cancelRequestNoted ? "note_cancel_request" : "none";
    case "cancelled":
      if (i.storeState === "created" || i.storeState === "awaiting_pickup") {
        return i.cancelledByStore ? "none" : "cancel_store_order";
      }
      if (i.storeState === "reserved") return "release";
      return open ? "not_needed" : "none";
    case "shipped":
    case "skipped":
      if (i.storeState === "reserved") return "release";
      return open ? "not_needed" : "none";
    case "in_store":
    case "held":
    case "failed":
      return "none";
  }
}
function stockOnly(i) {
  const untouched = i.storeState === null || i.storeState === "waiting";
  if (i.fba && !i.fbaOrdersLowerStock) return untouched ? "not_needed" : "none";
  switch (i.status) {
    case "pending":
      if (!untouched) return "none";
      return i.reservePendingStock ? "take_stock" : i.storeState === "waiting" ? "none" : "wait";
    case "ready":
    case "cancel_requested":
    case "in_store":
      return untouched ? "take_stock" : "none";
    case "cancelled":
      if (i.storeState === "stock_taken") return "return_stock";
      return untouched ? "not_needed" : "none";
    case "shipped":
    case "skipped":
      return untouched ? "not_needed" : "none";
    case "held":
    case "failed":
      return "none";
  }
}
function planDelivery(input) {
  return input.syncLevel === "stock_only" ? stockOnly(input) : ordersAndStock(input);
}
var NEEDS_PRODUCTS = /* @__PURE__ */ new Set(["reserve", "create", "take_stock"]);

// src/lib/errors.ts
var AppError = class extends Error {
  code;
  kind;
  retryable;
  details;
  constructor(code, message, options) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.kind = options.kind;
    this.retryable = options.retryable ?? (options.kind === "rate_limited" || options.kind === "upstream");
    this.details = options.details ?? {};
  }
  toJSON() {
    return { code: this.code, message: this.message, details: this.details };
  }
};
function isAppError(value) {
  return value instanceof AppError;
}
function toAppError(value) {
  if (value instanceof AppError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new AppError("internal_error", message, { kind: "internal", retryable: false, cause: value });
}

// src/domain/order-status.ts
var ORDER_STATUSES = [
  "pending",
  // Amazon PENDING / PENDING_AVAILABILITY: stock reserved, no store order yet
  "ready",
  // Amazon UNSHIPPED / PARTIALLY_SHIPPED: may be created in the store
  "in_store",
  // the store order exists
  "shipped",
  // Amazon SHIPPED
  "cancelled",
  // Amazon CANCELLED
  "cancel_requested",
  // the buyer asked Amazon to cancel an order that still has unshipped units
  "skipped",
  // not transferred by configuration (e.g. fulfilment channel not selected)
  "failed",
  // OrderBridge could not process it (mapping/import error); retryable
  "held"
  // needs attention (unknown SKU, Amazon UNFULFILLABLE, plan quota…)
];
var AMAZON_TO_STATUS = {
  PENDING_AVAILABILITY: "pending",
  PENDING: "pending",
  UNSHIPPED: "ready",
  PARTIALLY_SHIPPED: "ready",
  SHIPPED: "shipped",
  CANCELLED: "cancelled",
  // Amazon could not fulfil an Amazon-fulfilled (multi-channel) order: nothing for us to create,
  // but a person must look at it, so it goes to the needs-attention queue rather than "failed"
  // (which means OrderBridge itself failed and a retry may help).
  UNFULFILLABLE: "held"
};
var STATUS_TRANSITIONS = {
  pending: ["ready", "shipped", "cancelled", "cancel_requested", "held", "failed", "skipped"],
  ready: ["in_store", "shipped", "cancelled", "cancel_requested", "held", "failed", "skipped"],
  in_store: ["shipped", "cancelled", "cancel_requested", "held"],
  cancel_requested: ["in_store", "shipped", "cancelled", "held", "failed"],
  held: ["pending", "ready", "in_store", "shipped", "cancelled", "cancel_requested", "failed", "skipped"],
  failed: ["pending", "ready", "in_store", "shipped", "cancelled", "cancel_requested", "held", "skipped"],
  skipped: ["pending", "ready", "shipped", "cancelled", "cancel_requested", "held", "failed"],
  // Terminal: Amazon does not un-ship or un-cancel; a shipped order that needs money back is a refund.
  shipped: [],
  cancelled: []
};
function isOrderStatus(value) {
  return typeof value === "string" && ORDER_STATUSES.includes(value);
}
function transition(from, to) {
  if (from === to || STATUS_TRANSITIONS[from].includes(to)) return ok(to);
  return err(
    new AppError("order_illegal_transition", `An order cannot move from ${from} to ${to}`, {
      kind: "conflict",
      retryable: false,
      details: { from, to, allowed: [...STATUS_TRANSITIONS[from]] }
    })
  );
}
var hasUnshippedUnits = (s) => s === "UNSHIPPED" || s === "PARTIALLY_SHIPPED";
function statusFromAmazon(amazon) {
  if (hasUnshippedUnits(amazon.status) && amazon.items.some((i) => i.buyerCancelRequested)) return "cancel_requested";
  return AMAZON_TO_STATUS[amazon.status];
}
function keepsCurrent(current, target) {
  if (target === "ready") return current === "in_store" || current === "held" || current === "cancel_requested";
  if (target === "pending") return current === "held";
  return false;
}
function nextStatus(current, amazon) {
  const target = statusFromAmazon(amazon);
  const amazonSays = `Amazon status ${amazon.status}${target === "cancel_requested" ? " with a buyer cancel request" : ""}`;
  if (current === null) return { status: target, legal: true, attempted: target, reason: `first seen: ${amazonSays}` };
  if (current === target)
    return { status: current, legal: true, attempted: target, reason: `unchanged: ${amazonSays}` };
  if (keepsCurrent(current, target)) {
    return { status: current, legal: true, attempted: current, reason: `stays ${current}: ${amazonSays}` };
  }
  const moved = transition(current, target);
  if (moved.ok)
    return { status: target, legal: true, attempted: target, reason: `${current} \u2192 ${target}: ${amazonSays}` };
  return {
    status: current,
    legal: false,
    attempted: target,
    reason: `illegal ${current} \u2192 ${target} (${amazonSays}); kept ${current}`
  };
}

// src/domain/customer-names.ts
var SEPARATORS = /[.,;:!?"“”„«»()[\]{}<>/\\|@#$%^*_+=~`…·•]/g;
var PREFIXES = /* @__PURE__ */ new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "prof",
  "sir",
  "dame",
  "rev",
  "herr",
  "frau",
  "mme",
  "mlle",
  "sr",
  "sra",
  "srta",
  "sig",
  "sigra",
  "dott",
  "dottssa"
]);
var SUFFIXES = /* @__PURE__ */ new Set(["jr", "sr", "jun", "sen", "ii", "iii", "iv", "phd", "md", "esq", "mba", "dds"]);
var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
var LATIN = new RegExp("\\p{Script=Latin}", "u");
var collapse = (s) => s.replace(/\s+/g, " ").trim();
function splitName(name) {
  const fullName = collapse((name ?? "").normalize("NFC"));
  const tokens = collapse(fullName.replace(SEPARATORS, " ")).split(" ").filter(Boolean);
  if (tokens.length === 0) return null;
  const key = (t) => (t ?? "").toLowerCase();
  const prefix = tokens.length >= 2 && PREFIXES.has(key(tokens[0])) ? tokens.shift() : null;
  const suffix = tokens.length >= 2 && SUFFIXES.has(key(tokens.at(-1))) ? tokens.pop() : null;
  const base = { prefix, suffix, fullName };
  if (tokens.length === 1) {
    const only = tokens[0];
    return { firstName: only, lastName: only, ...base, mononym: true };
  }
  const [first, ...rest] = tokens;
  const eastAsian = tokens.some((t) => CJK.test(t)) && !tokens.some((t) => LATIN.test(t));
  if (eastAsian) return { firstName: rest.join(" "), lastName: first, ...base, mononym: false };
  return { firstName: first, lastName: rest.join(" "), ...base, mononym: false };
}
function placeholderCustomerName(amazonOrderId) {
  return `Amazon Customer #${amazonOrderId}`;
}
function customerName(name, amazonOrderId) {
  const cleaned = collapse(name ?? "");
  return cleaned === "" ? placeholderCustomerName(amazonOrderId) : cleaned;
}
var PLACEHOLDER_EMAIL_DOMAIN = "orderbridge.invalid";
function placeholderEmail(amazonOrderId) {
  const local = amazonOrderId.toLowerCase().replace(/[^a-z0-9.-]+/g, "-").replace(/^[.-]+|[.-]+$/g, "");
  return `${local === "" ? "amazon-order" : local}@${PLACEHOLDER_EMAIL_DOMAIN}`;
}
function isPlaceholderEmail(email) {
  return email.toLowerCase().endsWith(`@${PLACEHOLDER_EMAIL_DOMAIN}`);
}
var LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
var DOMAIN = /^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
function isUsableEmail(email) {
  if (typeof email !== "string" || email.length > 254) return false;
  const at = email.lastIndexOf("@");
  if (at < 1) return false;
  const local = email.slice(0, at);
  return local.length <= 64 && LOCAL.test(local) && DOMAIN.test(email.slice(at + 1)) && !isPlaceholderEmail(email);
}
function buyerEmail(email, amazonOrderId) {
  const trimmed = email?.trim();
  if (isUsableEmail(trimmed)) return { email: trimmed, placeholder: false };
  return { email: placeholderEmail(amazonOrderId), placeholder: true };
}

// src/sync/store-order-draft.ts
var CHARGE_KIND = {
  shipping: "shipping",
  shipping_discount: "discount",
  promotion: "discount",
  gift_wrap: "gift_wrap",
  cod_fee: "cod_fee",
  adjustment: "adjustment"
};
function toStoreAddress(address3, fallbackName) {
  const name = address3?.name ?? fallbackName;
  const split = splitName(name);
  return {
    name,
    firstName: split?.firstName ?? name,
    lastName: split?.lastName ?? name,
    company: address3?.companyName ?? null,
    line1: address3?.addressLine1 ?? "",
    line2: address3?.addressLine2 ?? null,
    line3: address3?.addressLine3 ?? null,
    city: address3?.city ?? address3?.municipality ?? "",
    district: address3?.districtOrCounty ?? null,
    stateOrRegion: address3?.stateOrRegion ?? null,
    postalCode: address3?.postalCode ?? null,
    countryCode: address3?.countryCode ?? "",
    phone: address3?.phone ?? null
  };
}
function flagNotes(order) {
  const f = order.flags;
  const notes = [`Amazon order ${order.amazonOrderId} (${order.marketplaceId})`];
  if (!f) return notes;
  if (f.prime) notes.push("Prime order: ship by the promised date");
  if (f.business)
    notes.push(
      `Amazon Business order${order.buyer?.purchaseOrderNumber ? `, PO ${order.buyer.purchaseOrderNumber}` : ""}`
    );
  if (f.replacement) notes.push(`Replacement for Amazon order ${f.replacedOrderId ?? "?"}: no charge to the buyer`);
  if (f.gift) notes.push("Gift order");
  if (f.buyerCancelRequested) notes.push("The buyer asked Amazon to cancel this order");
  if (f.iossNumbers.length > 0) notes.push(`IOSS: ${f.iossNumbers.join(", ")} (tax collected by Amazon)`);
  if (f.latestShipDate) notes.push(`Ship by ${f.latestShipDate}`);
  return notes;
}
function buildStoreOrderDraft(order, lines, config) {
  const name = customerName(order.buyer?.name ?? order.shippingAddress?.name, order.amazonOrderId);
  const shipping = toStoreAddress(order.shippingAddress, name);
  const items = lines.filter((l) => l.kind === "item").map((l) => ({
    orderItemId: l.amazonOrderItemId,
    productRef: l.productRef,
    sku: l.croppedSku ?? l.sellerSku,
    title: l.title,
    quantity: l.quantityOrdered,
    unitNet: l.unitNet,
    unitGross: l.unitGross,
    lineNet: l.lineNet,
    lineTax: l.lineTax,
    lineGross: l.lineGross,
    taxRate: l.taxRate
  }));
  const charges = lines.filter((l) => l.kind !== "item").map((l) => ({
    kind: CHARGE_KIND[l.kind] ?? "other",
    title: l.title,
    net: l.lineNet,
    tax: l.lineTax,
    gross: l.lineGross,
    taxRate: l.taxRate
  }));
  const fba = order.fulfillmentChannel === "AFN";
  return {
    orderId: order.id,
    amazonOrderId: order.amazonOrderId,
    marketplaceId: order.marketplaceId,
    currency: order.currency ?? "",
    createdTime: order.createdTime ?? order.importedAt,
    pricesIncludeTax: config.taxIncluded,
    customer: {
      email: buyerEmail(order.buyer?.email, order.amazonOrderId).email,
      name,
      phone: order.shippingAddress?.phone ?? null,
      company: order.buyer?.companyName ?? order.shippingAddress?.companyName ?? null,
      vatId: order.buyer?.taxRegistrationId ?? null
    },
    shippingAddress: shipping,
    billingAddress: shipping,
    shippingMethod: config.defaultOrderShippingMethod.trim() || order.flags?.serviceLevel || "Amazon shipping",
    items,
    charges,
    totals: { net: order.totals.net ?? "0", tax: order.totals.tax ?? "0", gross: order.totals.gross ?? "0" },
    notes: flagNotes(order),
    lowerStock: !fba || config.fbaOrdersLowerStock
  };
}

// src/sync/store-side-deps.ts
var JOBS = {
  deliver: "orders.deliver",
  confirmShipment: "shipments.confirm",
  submitCancellations: "cancellations.submit",
  pollFeed: "feeds.poll",
  pushStock: "stock.push",
  pollStore: "stores.poll",
  deliverWebhook: "webhooks.deliver"
};
function enqueueDelivery(deps, orderId, storeId, trx) {
  return deps.jobs.enqueue(JOBS.deliver, { orderId }, { key: `deliver:${orderId}`, queue: `store:${storeId}`, trx });
}
var STOCK_DEBOUNCE_MS = 2e3;
function enqueueStockPush(deps, connectionId) {
  const runAt = new Date(deps.clock.now().getTime() + STOCK_DEBOUNCE_MS);
  return deps.jobs.enqueue(
    JOBS.pushStock,
    { connectionId },
    { key: `stock-push:${connectionId}`, queue: `stock:${connectionId}`, runAt }
  );
}

// src/sync/delivery-steps.ts
async function settle(deps, order, patch, event) {
  const now = deps.clock.nowIso();
  await deps.db.transaction().execute(async (trx) => {
    await deps.orderStore.setStoreState(trx, order.id, { holdReason: null, error: null, ...patch }, now);
    await deps.orders.addEvent(trx, {
      orderId: order.id,
      connectionId: order.connectionId,
      occurredAt: now,
      direction: "hub_to_store",
      payload: event.payload ?? null,
      kind: event.kind,
      summary: event.summary
    });
  });
}
async function createInStore(deps, order, status, config, connector) {
  const lines = await deps.orders.lines(order.id);
  const draft = buildStoreOrderDraft(order, lines, config);
  const created = await connector.createOrder(draft);
  if (!created.ok) return created;
  const { ref, number, acknowledged } = created.value;
  const pickup = acknowledged === false;
  await settle(
    deps,
    order,
    {
      storeState: pickup ? "awaiting_pickup" : "created",
      status: status === "cancel_requested" ? "cancel_requested" : "in_store",
      storeOrderRef: ref,
      storeOrderNumber: number || null
    },
    {
      kind: pickup ? "store.order_offered" : "store.order_created",
      summary: pickup ? `Offered to the store for pick-up (${draft.items.length} item line(s), ${draft.currency} ${draft.totals.gross})` : `Created in the store as ${number || ref} (${draft.items.length} item line(s), ${draft.currency} ${draft.totals.gross})`,
      payload: {
        ref,
        number,
        totals: draft.totals,
        unlinked: draft.items.filter((i) => !i.productRef).map((i) => i.sku)
      }
    }
  );
  await enqueueStockPush(deps, order.connectionId);
  return ok(void 0);
}
async function adjustLines(deps, order, connector, direction) {
  const lines = (await deps.orders.lines(order.id)).filter((l) => l.kind === "item" && l.productRef);
  const done = [];
  for (const line of lines) {
    const quantity = direction === "take" ? line.quantityOrdered : line.quantityOrdered - line.quantityShipped;
    if (quantity <= 0 || !line.productRef) continue;
    const key = `${order.id}:${line.amazonOrderItemId}:${direction}`;
    const delta = direction === "take" ? -quantity : quantity;
    await deps.stock.recordAdjustment(
      deps.db,
      { key, orderId: order.id, productRef: line.productRef, delta },
      deps.clock.nowIso()
    );
    const adjusted = await connector.adjustStock(line.productRef, delta, key);
    if (!adjusted.ok) return adjusted;
    await deps.stock.markAdjustmentApplied(key, adjusted.value, deps.clock.nowIso());
    done.push(`${line.sellerSku ?? line.productRef} ${delta > 0 ? "+" : ""}${delta} \u2192 ${adjusted.value}`);
  }
  return ok(done);
}
var SIMPLE = {
  reserve: {
    state: "reserved",
    kind: "store.stock_reserved",
    summary: "Pending on Amazon: its quantities are reserved (held back from Amazon stock); the store order follows when Amazon releases it"
  },
  wait: {
    state: "waiting",
    kind: "store.waiting",
    summary: "Pending on Amazon: the store order follows when Amazon releases it"
  },
  release: {
    state: "released",
    kind: "store.reservation_released",
    summary: "Reservation released: the order ended without a store order"
  },
  not_needed: {
    state: "not_needed",
    kind: "store.not_needed",
    summary: "Nothing to do in the store: the order was already shipped, cancelled or skipped when first seen"
  }
};
async function carryOut(deps, action, order, status, config, connector) {
  const simple = SIMPLE[action];
  if (simple) {
    const back = order.status === "held" ? { status } : {};
    await settle(deps, order, { storeState: simple.state, ...back }, simple);
    if (action === "reserve" || action === "release") await enqueueStockPush(deps, order.connectionId);
    return ok(void 0);
  }
  const ref = { ref: order.storeOrderRef ?? "", number: "" };
  switch (action) {
    case "create":
      return createInStore(deps, order, status, config, connector);
    case "note_cancel_request": {
      const noted = await connector.addOrderNote(
        ref,
        "The buyer asked Amazon to cancel this order. Cancel it in the store to confirm (Amazon gets BuyerCanceled), or ship it."
      );
      if (!noted.ok) return noted;
      await settle(
        deps,
        order,
        { storeState: order.storeState },
        { kind: "store.cancel_request_noted", summary: "Buyer cancel request flagged on the store order" }
      );
      return ok(void 0);
    }
    case "cancel_store_order": {
      const cancelled = await connector.cancelOrder(ref, `Amazon cancelled order ${order.amazonOrderId}`);
      if (!cancelled.ok) return cancelled;
      await settle(
        deps,
        order,
        { storeState: "cancelled" },
        { kind: "store.order_cancelled", summary: "Store order cancelled because Amazon cancelled the order" }
      );
      return ok(void 0);
    }
    case "take_stock":
    case "return_stock": {
      const take = action === "take_stock";
      const adjusted = await adjustLines(deps, order, connector, take ? "take" : "return");
      if (!adjusted.ok) return adjusted;
      await settle(
        deps,
        order,
        { storeState: take ? "stock_taken" : "stock_returned", ...order.status === "held" ? { status } : {} },
        {
          kind: take ? "store.stock_lowered" : "store.stock_returned",
          summary: `${take ? "Stock only: store stock lowered" : "Cancelled before shipping: store stock given back"} (${adjusted.value.join("; ") || "no linked lines"})`
        }
      );
      return ok(void 0);
    }
    default:
      return ok(void 0);
  }
}

// src/sync/resolve-products.ts
var attributeOf = (config) => {
  const a = config.productIdentificationAttribute;
  return typeof a === "string" ? a : a.custom;
};
async function resolveProducts(deps, order, lines, config, connector) {
  const items = lines.filter((l) => l.kind === "item");
  const refs = /* @__PURE__ */ new Map();
  const links = await deps.skuLinks.linksFor(
    order.connectionId,
    items.flatMap((l) => [l.sellerSku, l.croppedSku]).filter((s) => s !== null)
  );
  const toLookUp = [];
  for (const l of items) {
    const linked = l.sellerSku && links.get(l.sellerSku) || l.croppedSku && links.get(l.croppedSku) || null;
    if (linked) refs.set(l.amazonOrderItemId, linked);
    else if (l.productRef) refs.set(l.amazonOrderItemId, l.productRef);
    else toLookUp.push(l);
  }
  const values = [...new Set(toLookUp.map((l) => l.croppedSku ?? l.sellerSku).filter((s) => !!s))];
  if (values.length > 0) {
    const found = await connector.findProducts(attributeOf(config), values);
    if (!found.ok) return found;
    for (const l of toLookUp) {
      const product = found.value.get(l.croppedSku ?? l.sellerSku ?? "");
      if (product) refs.set(l.amazonOrderItemId, product.ref);
    }
  }
  const unknown = items.filter((l) => !refs.has(l.amazonOrderItemId)).map((l) => l.sellerSku ?? l.asin ?? l.amazonOrderItemId);
  const now = deps.clock.nowIso();
  await deps.db.transaction().execute(async (trx) => {
    await deps.orderStore.setLineProducts(trx, order.id, refs);
    for (const l of items) {
      const ref = refs.get(l.amazonOrderItemId);
      if (ref && l.sellerSku)
        await deps.stock.track(trx, order.connectionId, l.sellerSku, ref, order.fulfillmentChannel !== "AFN", now);
    }
  });
  return ok({ refs, unknown: [...new Set(unknown)] });
}

// src/sync/deliver-order.ts
var UNKNOWN_SKU_HOLD = "unknown_sku";
function effectiveStatus(order) {
  const status = isOrderStatus(order.status) ? order.status : "failed";
  if (status === "held" && order.holdReason?.startsWith(UNKNOWN_SKU_HOLD) && order.amazonStatus) {
    const fromAmazon = AMAZON_TO_STATUS[order.amazonStatus];
    return order.flags?.buyerCancelRequested && fromAmazon === "ready" ? "cancel_requested" : fromAmazon;
  }
  return status;
}
async function applyUnknownSkuPolicy(deps, order, unknown, policy) {
  if (unknown.length === 0 || policy === "import_unlinked") return null;
  const now = deps.clock.nowIso();
  const reason = `${UNKNOWN_SKU_HOLD}: ${unknown.join(", ")}`;
  if (order.status === "held" && order.holdReason === reason) return "held";
  await deps.db.transaction().execute(async (trx) => {
    if (policy === "hold") await deps.orderStore.setHold(trx, order.id, reason, now);
    else
      await deps.orderStore.setStoreState(
        trx,
        order.id,
        { storeState: "not_needed", status: "skipped", skipReason: `unknown SKU ${unknown.join(", ")}` },
        now
      );
    await deps.orders.addEvent(trx, {
      orderId: order.id,
      connectionId: order.connectionId,
      occurredAt: now,
      direction: "internal",
      kind: policy === "hold" ? "order.held" : "order.skipped",
      summary: policy === "hold" ? `Held: no store product for ${unknown.join(", ")}. Link the SKU and the order is delivered automatically.` : `Skipped (unknown SKU policy): no store product for ${unknown.join(", ")}`,
      payload: { unknown }
    });
  });
  return policy === "hold" ? "held" : "skipped";
}
async function deliverOrder(deps, orderId) {
  const order = await deps.orders.findById(orderId);
  if (!order) return ok("gone");
  const connection = await deps.connections.findById(order.connectionId);
  if (!connection) return ok("gone");
  if (!connection.config.active) return ok("inactive");
  if (!connection.storeId) return ok("no_store");
  const connector = await deps.connectorFor(connection.storeId);
  if (!connector.ok) return connector;
  const events = await deps.orders.events(order.id);
  const cancellations = await deps.cancellations.forOrder(order.id);
  const status = effectiveStatus(order);
  const action = planDelivery({
    status,
    storeState: order.storeState,
    syncLevel: connection.config.syncLevel,
    fba: order.fulfillmentChannel === "AFN",
    fbaOrdersLowerStock: connection.config.fbaOrdersLowerStock,
    reservePendingStock: connection.config.reservePendingStock,
    cancelRequestNoted: events.some((e) => e.kind === "store.cancel_request_noted"),
    cancelledByStore: cancellations.length > 0
  });
  if (action === "none") return ok("none");
  if (NEEDS_PRODUCTS.has(action)) {
    const held = await resolveAndCheck(deps, order, connection.config, connector.value);
    if (!held.ok) return held;
    if (held.value) return ok(held.value);
  }
  const done = await carryOut(deps, action, order, status, connection.config, connector.value);
  return done.ok ? ok(action) : err(done.error);
}
async function resolveAndCheck(deps, order, config, connector) {
  const lines = await deps.orders.lines(order.id);
  const resolution = await resolveProducts(deps, order, lines, config, connector);
  if (!resolution.ok) {
    return err(
      new AppError("store_product_lookup_failed", `Product lookup failed: ${resolution.error.message}`, {
        kind: resolution.error.kind,
        retryable: resolution.error.retryable,
        cause: resolution.error
      })
    );
  }
  return ok(await applyUnknownSkuPolicy(deps, order, resolution.value.unknown, config.unknownSkuPolicy));
}

// src/db/webhook-delivery.repository.ts
function toDelivery(r) {
  return {
    id: r.id,
    storeId: r.store_id,
    topic: r.topic,
    body: r.body,
    state: r.state,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at
  };
}
var WebhookDeliveryRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async findById(id) {
    const row = await this.db.selectFrom("webhook_deliveries").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toDelivery(row) : null;
  }
  /** Oldest first. */
  async forStore(storeId, limit = 100) {
    const rows2 = await this.db.selectFrom("webhook_deliveries").selectAll().where("store_id", "=", storeId).orderBy("created_at").orderBy("id").limit(limit).execute();
    return rows2.map(toDelivery);
  }
  /** Records one attempt (counted) and its outcome; returns the attempts so far. */
  async recordAttempt(id, attempt) {
    await this.db.updateTable("webhook_deliveries").set((eb) => ({
      state: attempt.state,
      attempts: eb("attempts", "+", 1),
      last_status: attempt.status,
      last_error: attempt.error,
      delivered_at: attempt.deliveredAt
    })).where("id", "=", id).execute();
    const row = await this.db.selectFrom("webhook_deliveries").select("attempts").where("id", "=", id).executeTakeFirst();
    return row?.attempts ?? 0;
  }
  /** Not sent (no webhookUrl); attempts are not counted. */
  async markSkipped(id, reason) {
    await this.db.updateTable("webhook_deliveries").set({ state: "skipped", last_error: reason }).where("id", "=", id).execute();
  }
  async markFailed(id, reason) {
    await this.db.updateTable("webhook_deliveries").set({ state: "failed", last_error: reason }).where("id", "=", id).execute();
  }
};

// src/stores/hub-api/hub-api.settings.ts
import { z } from "zod";
var hubApiSettingsSchema = z.strictObject({
  /** Where OrderBridge POSTs signed webhooks (order.created, order.cancelled, …); absent = none. */
  webhookUrl: z.url({ protocol: /^https?$/, error: "webhookUrl must be an http(s) URL" }).optional(),
  /** How often the store says it polls (informational: shown to the merchant; OrderBridge does not poll). */
  pollIntervalSeconds: z.number().int().min(10).max(86400).optional()
});
var hubApiSecretsSchema = z.strictObject({
  /** The store authenticates to OrderBridge with `Authorization: Bearer <apiKey>`. */
  apiKey: z.string().min(24, "apiKey must be at least 24 characters (use a random token)"),
  /** Signs the webhooks OrderBridge sends (HMAC-SHA256). */
  webhookSecret: z.string().min(24, "webhookSecret must be at least 24 characters (use a random token)")
});
function readHubApiSettings(settings) {
  const parsed = hubApiSettingsSchema.safeParse(settings ?? {});
  return parsed.success ? parsed.data : {};
}

// src/sync/webhook-signature.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var SIGNATURE_VERSION = "v1";
function signWebhook(secret, timestamp, body) {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `${SIGNATURE_VERSION}=${mac}`;
}

// src/sync/deliver-webhook.ts
var WEBHOOK_MAX_ATTEMPTS = 15;
var WEBHOOK_TIMEOUT_MS = 1e4;
async function post(deps, url, headers, body) {
  const doFetch = deps.fetch ?? fetch;
  try {
    const res = await doFetch(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(deps.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS)
    });
    const text5 = await res.text().catch(() => "");
    if (res.status >= 200 && res.status < 300) return { status: res.status, error: null };
    return { status: res.status, error: `HTTP ${res.status}: ${text5.slice(0, 300)}`.trim() };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const message = timedOut ? "timed out" : error instanceof Error ? error.message : String(error);
    return { status: null, error: `request failed: ${message}`.slice(0, 300) };
  }
}
async function deliverWebhook(deps, deliveryId) {
  const repo = new WebhookDeliveryRepository(deps.db);
  const delivery = await repo.findById(deliveryId);
  if (!delivery) return ok("skipped");
  if (delivery.state === "delivered") return ok("delivered");
  const store2 = await deps.stores.findById(delivery.storeId);
  const url = store2 ? readHubApiSettings(store2.settings).webhookUrl : void 0;
  if (!url) {
    await repo.markSkipped(deliveryId, "the store has no webhookUrl");
    return ok("skipped");
  }
  const secret = (await deps.openSecrets(delivery.storeId)).webhookSecret;
  if (!secret) {
    await repo.markFailed(deliveryId, "the store has no webhookSecret");
    return err(
      new AppError("hub_webhook_secret_missing", "The store has no webhookSecret to sign webhooks with", {
        kind: "invalid",
        retryable: false
      })
    );
  }
  const timestamp = String(Math.floor(deps.clock.now().getTime() / 1e3));
  const sent = await post(
    deps,
    url,
    {
      "content-type": "application/json",
      "x-orderbridge-topic": delivery.topic,
      "x-orderbridge-delivery": delivery.id,
      "x-orderbridge-timestamp": timestamp,
      "x-orderbridge-signature": signWebhook(secret, timestamp, delivery.body)
    },
    delivery.body
  );
  const log = { deliveryId, storeId: delivery.storeId, topic: delivery.topic, status: sent.status };
  if (sent.error === null) {
    await repo.recordAttempt(deliveryId, { state: "delivered", ...sent, deliveredAt: deps.clock.nowIso() });
    deps.logger.info(log, "webhook delivered");
    return ok("delivered");
  }
  const attempts = await repo.recordAttempt(deliveryId, { state: "pending", ...sent, deliveredAt: null });
  const final = attempts >= WEBHOOK_MAX_ATTEMPTS;
  if (final) await repo.markFailed(deliveryId, sent.error);
  deps.logger.warn({ ...log, attempts, final }, "webhook delivery failed");
  return err(
    new AppError("hub_webhook_delivery_failed", `Webhook ${delivery.topic} not accepted: ${sent.error}`, {
      kind: "upstream",
      retryable: !final,
      details: { deliveryId, attempts, status: sent.status }
    })
  );
}

// src/sync/poll-feed.ts
var stillProcessing = (status) => new AppError("amazon_feed_processing", `The feed is still ${status} on Amazon`, {
  kind: "upstream",
  retryable: true
});
async function applyCancellationReport(deps, feed, meta, report) {
  const failedOrders = /* @__PURE__ */ new Map();
  for (const r of report.results.filter((x) => x.code === "Error")) {
    const amazonOrderId = meta.messageIds?.[String(r.messageId)];
    if (amazonOrderId) failedOrders.set(amazonOrderId, r.description);
  }
  const now = deps.clock.nowIso();
  const cancellations = await deps.cancellations.forFeed(feed.id);
  await deps.db.transaction().execute(async (trx) => {
    for (const c of cancellations) {
      const order = await deps.orders.findById(c.orderId, trx);
      const error = order ? failedOrders.get(order.amazonOrderId) : void 0;
      await deps.cancellations.setState(trx, [c.id], error ? "failed" : "applied", { error: error ?? null }, now);
      await deps.orders.addEvent(trx, {
        orderId: c.orderId,
        connectionId: c.connectionId,
        occurredAt: now,
        direction: "amazon_to_hub",
        kind: error ? "amazon.cancellation_rejected" : "amazon.cancellation_applied",
        summary: error ? `Amazon rejected the cancellation: ${error}` : `Amazon processed the cancellation (reason ${c.reason})`,
        payload: { feedId: feed.amazonFeedId, report: { processed: report.processed, withError: report.withError } }
      });
    }
  });
  for (const c of cancellations) {
    const order = await deps.orders.findById(c.orderId);
    const error = order ? failedOrders.get(order.amazonOrderId) : void 0;
    if (error) await deps.orderStore.recordFailure(c.orderId, { code: "cancellation_rejected", message: error }, now);
  }
}
async function applyStockReport(deps, feed, meta, report) {
  const failed = /* @__PURE__ */ new Map();
  for (const r of report.results.filter((x) => x.code === "Error")) {
    const sku = meta.messageIds?.[String(r.messageId)];
    if (sku) failed.set(sku, r.description);
  }
  const pushed = new Map(Object.entries(meta.quantities ?? {}).filter(([sku]) => !failed.has(sku)));
  const now = deps.clock.nowIso();
  await deps.stock.markPushed(feed.connectionId, pushed, now);
  for (const [sku, error] of failed) await deps.stock.markError(feed.connectionId, [sku], error, now);
}
async function pollFeed(deps, feedId) {
  const feed = await deps.cancellations.findFeed(feedId);
  if (!feed?.amazonFeedId || feed.state !== "submitted") return ok("gone");
  const amazon = await deps.amazonFor(feed.connectionId);
  const status = await amazon.getFeed(feed.amazonFeedId);
  if (!status.ok) return status;
  const processing = status.value.processingStatus;
  if (processing === "IN_QUEUE" || processing === "IN_PROGRESS") return err(stillProcessing(processing));
  const meta = feed.report ?? {};
  if (processing !== "DONE") {
    await deps.cancellations.updateFeed(
      deps.db,
      feed.id,
      { state: "fatal", processingStatus: processing },
      deps.clock.nowIso()
    );
    const cancellations = await deps.cancellations.forFeed(feed.id);
    const message = `Amazon could not process feed ${feed.amazonFeedId} (${processing})`;
    await deps.cancellations.setState(
      deps.db,
      cancellations.map((c) => c.id),
      "failed",
      { error: message },
      deps.clock.nowIso()
    );
    for (const c of cancellations)
      await deps.orderStore.recordFailure(c.orderId, { code: "cancellation_feed_fatal", message }, deps.clock.nowIso());
    return ok("fatal");
  }
  const report = await amazon.getFeedReport(feed.amazonFeedId);
  if (!report.ok) return report;
  if (feed.feedType === "JSON_LISTINGS_FEED") await applyStockReport(deps, feed, meta, report.value);
  else await applyCancellationReport(deps, feed, meta, report.value);
  await deps.cancellations.updateFeed(
    deps.db,
    feed.id,
    { state: "done", processingStatus: processing, report: { ...meta, report: report.value } },
    deps.clock.nowIso()
  );
  return ok("applied");
}

// src/lib/ids.ts
import { randomUUID } from "node:crypto";
var newId = () => randomUUID();

// src/domain/carrier-codes.ts
var AMAZON_CARRIER_CODES = [
  "Other",
  "USPS",
  "UPS",
  "UPSMI",
  "FedEx",
  "DHL",
  "Fastway",
  "GLS",
  "GO!",
  "Hermes Logistik Gruppe",
  "Royal Mail",
  "Parcelforce",
  "City Link",
  "TNT",
  "Target",
  "SagawaExpress",
  "NipponExpress",
  "YamatoTransport",
  "DHL Global Mail",
  "UPS Mail Innovations",
  "FedEx SmartPost",
  "OSM",
  "OnTrac",
  "Streamlite",
  "Newgistics",
  "Canada Post",
  "Blue Package",
  "Chronopost",
  "Deutsche Post",
  "DPD",
  "La Poste",
  "Parcelnet",
  "Poste Italiane",
  "SDA",
  "Smartmail",
  "FEDEX_JP",
  "JP_EXPRESS",
  "NITTSU",
  "SAGAWA",
  "YAMATO",
  "BlueDart",
  "AFL/Fedex",
  "Aramex",
  "India Post",
  "Professional",
  "DTDC",
  "Overnite Express",
  "First Flight",
  "Delhivery",
  "Lasership",
  "Yodel",
  "Amazon Shipping",
  "Seur",
  "Correos",
  "MRW",
  "Endopack",
  "Chrono Express",
  "Nacex",
  "Otro",
  "Correios",
  "Toll Global Express",
  "China Post",
  "AUSSIE_POST",
  "EUB",
  "Australia Post",
  "Yun Express",
  "4PX",
  "Hermes",
  "SF Express",
  "BRT",
  "Australia Post-Consignment",
  "Australia Post-ArticleId",
  "Sendle",
  "CouriersPlease",
  "A-1",
  "AAA Cooper",
  "ABF",
  "ALLJOY",
  "Aras Kargo",
  "Arkas",
  "Arrow XL",
  "Asendia",
  "Asgard",
  "Assett",
  "AT POST",
  "ATS",
  "Balnak",
  "Beijing Quanfeng Express",
  "Best Buy",
  "Best Express",
  "BJS",
  "Bombax",
  "Cart2India",
  "CDC",
  "CELERITAS",
  "CEVA",
  "Ceva Lojistik",
  "Cititrans",
  "Coliposte",
  "Colissimo",
  "Conway",
  "Correos Express",
  "Couriers Please",
  "CTTExpress",
  "DB Schenker",
  "DHL eCommerce",
  "DHL Express",
  "DHL Freight",
  "DHL Home Delivery",
  "DHL Kargo",
  "DHL-Paket",
  "DHLPL",
  "Digital Delivery",
  "DirectLog",
  "Dotzot",
  "DSV",
  "DX Freight",
  "ECMS",
  "Ecom Express",
  "Emirates Post",
  "Energo",
  "Envialia",
  "Estafeta",
  "Estes",
  "Fedex Freight",
  "Fillo Kargo",
  "First Flight China",
  "First Mile",
  "Gati",
  "GEL Express",
  "geodis",
  "Geodis Calberson",
  "Geopost Kargo",
  "Hermes Einrichtungsservice",
  "Home Logistics",
  "Hongkong Post",
  "Horoz Lojistik",
  "HS code",
  "Hunter Logistics",
  "ICC Worldwide",
  "IDS Netzwerk",
  "InPost",
  "iParcel",
  "Japan Post",
  "JCEX",
  "Kargokar",
  "Kuehne+Nagel",
  "Landmark",
  "Metro Kargo",
  "MNG Kargo",
  "Narpost Kargo",
  "Nexive",
  "Ninjavan",
  "Old Dominion",
  "OneWorldExpress",
  "Panther",
  "Pilot",
  "Pilot Freight",
  "Polish Post",
  "Post NL",
  "PostNord",
  "PTT Kargo",
  "PUROLATOR",
  "QExpress",
  "Qxpress",
  "R+L",
  "Raben Group",
  "Rhenus",
  "Rieck",
  "Rivigo",
  "Roadrunner",
  "Safexpress",
  "Saia",
  "Seino",
  "SEINO TRANSPORTATION",
  "Selem Kargo",
  "Self Delivery",
  "SENDLE",
  "SFC",
  "Ship Delight",
  "Ship Global US",
  "ShipEconomy",
  "ShipGlobal",
  "Shree Maruti Courier",
  "Shree Tirupati Courier",
  "Shunfeng Express",
  "Singapore Post",
  "South Eastern Freight Lines",
  "Speedex",
  "Spoton",
  "StarTrack-ArticleID",
  "StarTrack-Consignment",
  "STO Express",
  "Tezel Lojistik",
  "The Professional Couriers",
  "TIPSA",
  "TNT Kargo",
  "TNTIT",
  "Total Express",
  "Trackon",
  "TransFolha",
  "Tuffnells",
  "UPS Freight",
  "Urban Express",
  "VIR",
  "VNLIN",
  "WanbExpress",
  "Watkins and Shepard",
  "Whizzard",
  "WINIT",
  "XDP",
  "XPO Freight",
  "Xpressbees",
  "YDH",
  "Yellow Freight",
  "YTO Express",
  "Yunda Express",
  "ZTO Express",
  "Tourline",
  "Centex",
  "iMile",
  "Chukou1",
  "CNE",
  "Equick",
  "UBI",
  "Sunyou",
  "COLIS PRIVE",
  "Colis Prive",
  "DASCHER",
  "DACHSER",
  "France Express",
  "Heppner",
  "Kuehne Nagel",
  "Arco Spedizioni",
  "FAST EST",
  "FERCAM",
  "Fercam",
  "Liccardi",
  "Milkman",
  "Zust Ambrosetti",
  "Yanwen",
  "ROYAL_MAIL",
  "Whistl",
  "Hermes (Corporate)",
  "AMAUK",
  "The Delivery Group",
  "RMLGB",
  "UKMail",
  "APC",
  "Jersey Post",
  "Caribou",
  "Hermes UK",
  "DPD Local",
  "UK MAIL",
  "APC Overnight",
  "DX Express",
  "DX Secure",
  "Parcel Station",
  "AMZL_UK",
  "DX",
  "APC-Overnight",
  "B2C Europe",
  "ITD Global",
  "Parcelhub",
  "HubEurope",
  "Huxloe Logistics",
  "GFS",
  "Spring GDS",
  "Verage Shipping",
  "MHI",
  "Truline",
  "Delivery Group",
  "PDC Logistics",
  "PARCEL2GO.COM",
  "DEL Deliveries",
  "Parcelink Logistics",
  "Cubyn",
  "Hotpoint Logistics",
  "AT Post",
  "GEL",
  "IDS",
  "Raben",
  "AO Deutschland",
  "MZZ-Briefdienst",
  "Der Kurier",
  "REDUR",
  "Europaczka",
  "Emons",
  "Seven Senders",
  "Sendcloud",
  "Mail Alliance",
  "Mainpost",
  "PIN",
  "Post Modern",
  "Trans-o-Flex",
  "Exapaq",
  "Trakpak",
  "BPOST",
  "UPakWeShip",
  "Mondial Relay",
  "Swiss post",
  "Consegna Mezzi Propri",
  "DACSHER",
  "GEODIS",
  "XPO",
  "NACEX",
  "Sprint",
  "Susa",
  "Zeleris",
  "TWS",
  "Sailpost",
  "WPX",
  "HRP",
  "Sending",
  "CBL",
  "DYNAMIC EXPRESS",
  "EINSA SOURCING",
  "GRUPO LOGISTIC",
  "KEAVO",
  "NTL",
  "SPRING",
  "Szendex",
  "TDN",
  "Transaragon\xE9s",
  "TSB",
  "TXT",
  "TyD",
  "Via Xpress",
  "CTT EXPRESS",
  "FRANCE EXPRESS",
  "Bartolini",
  "AMZL",
  "Andere",
  "AO",
  "B2C",
  "CargoLine",
  "Citypost",
  "Delivengo",
  "DPB",
  "EKI Trans",
  "FRACHTPOST",
  "Hellmann",
  "Hlog",
  "honesteye",
  "Huxloe",
  "Interlink",
  "Interno",
  "Intersoft",
  "JPL UPU",
  "Kybotech",
  "Landmark Global",
  "MBE",
  "Mezzi propri",
  "MZZ Briefdienst",
  "NOVEO",
  "OCS Worldwide",
  "ONTIME",
  "Palletline",
  "Palletways",
  "Parcel Hub",
  "Parcel Monkey",
  "Parcel2go",
  "ParcelDenOnline",
  "ParcelOne",
  "PostNL",
  "RBNA",
  "RR Donnelley",
  "Schweizer Post",
  "Shipmate",
  "Sonstige",
  "Stahlmann and Sachs",
  "Stampit",
  "STG",
  "Transaher",
  "Translink",
  "Transoflex",
  "Upsilon",
  "YANWEN",
  "360lion",
  "AMAZON HORIZON",
  "APC POSTAL LOGISTICS",
  "APG eCommerce",
  "BR1 Express",
  "Bombino Express",
  "Colis Priv\xE9",
  "DHL Parcel UK",
  "ePost Global",
  "Ecom Shipping solutions PVT ltd"
];
var KNOWN = new Set(AMAZON_CARRIER_CODES);
function isAmazonCarrierCode(value) {
  return KNOWN.has(value);
}
function suggestCarrierCode(value) {
  const key = (s) => s.toLowerCase().replace(/[\s_-]+/g, "");
  const wanted = key(value);
  return AMAZON_CARRIER_CODES.find((code) => key(code) === wanted) ?? null;
}

// src/domain/shipment-rules.ts
var CARRIER_NAME_MAX = 50;
var clean = (value) => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};
function mappedCode(storeCarrier, mapping) {
  const wanted = storeCarrier.toLowerCase();
  for (const [key, code] of Object.entries(mapping)) {
    if (key.trim().toLowerCase() === wanted) return code.trim();
  }
  return null;
}
function resolveCarrier(input, rules) {
  const storeCarrier = clean(input.storeCarrier);
  let carrierCode = rules.defaultShippingService.trim();
  if (storeCarrier !== null) {
    carrierCode = mappedCode(storeCarrier, rules.mapping) ?? (isAmazonCarrierCode(storeCarrier) ? storeCarrier : carrierCode);
  }
  const shippingMethod = clean(input.storeShippingMethod);
  if (carrierCode !== "Other") return { carrierCode, carrierName: null, shippingMethod };
  const name = clean(input.storeCarrierName) ?? clean(rules.defaultOrderShippingMethod);
  return { carrierCode, carrierName: name === null ? null : name.slice(0, CARRIER_NAME_MAX).trim(), shippingMethod };
}
var ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
var POSITIVE_NUMERIC = /^[1-9]\d*$/;
var isIsoDateTime = (value) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
function carrierIssues(draft) {
  const issues = [];
  if (!isAmazonCarrierCode(draft.carrierCode)) {
    issues.push({
      code: "carrier_code_unknown",
      field: "carrierCode",
      message: `"${draft.carrierCode}" is not an Amazon carrier code`
    });
  }
  const name = draft.carrierName?.trim() ?? "";
  if (draft.carrierCode === "Other" && name === "") {
    issues.push({
      code: "carrier_name_required",
      field: "carrierName",
      message: "carrier code Other needs a carrier name"
    });
  }
  if (name.length > CARRIER_NAME_MAX) {
    issues.push({
      code: "carrier_name_too_long",
      field: "carrierName",
      message: `carrier name is longer than ${CARRIER_NAME_MAX} characters`
    });
  }
  return issues;
}
function itemIssues(items, unshipped) {
  if (items.length === 0)
    return [{ code: "items_required", field: "items", message: "a shipment needs at least one item" }];
  const issues = [];
  const totals = /* @__PURE__ */ new Map();
  items.forEach((item, i) => {
    const field = `items[${i}].quantity`;
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) {
      issues.push({
        code: "quantity_not_positive",
        field,
        message: `quantity of ${item.orderItemId} must be a whole number > 0`
      });
    } else totals.set(item.orderItemId, (totals.get(item.orderItemId) ?? 0) + item.quantity);
  });
  for (const [orderItemId, quantity] of totals) {
    const open = unshipped[orderItemId];
    if (open === void 0) {
      issues.push({
        code: "order_item_unknown",
        field: "items",
        message: `order item ${orderItemId} is not in this order`
      });
    } else if (quantity > open) {
      issues.push({
        code: "quantity_exceeds_unshipped",
        field: "items",
        message: `order item ${orderItemId}: ${quantity} > ${open} unshipped`
      });
    }
  }
  return issues;
}
function validateShipment(draft, unshipped) {
  const issues = carrierIssues(draft);
  if ((draft.trackingNumber?.trim() ?? "") === "") {
    issues.push({
      code: "tracking_number_required",
      field: "trackingNumber",
      message: "a tracking number is required"
    });
  }
  if (!POSITIVE_NUMERIC.test(draft.packageReferenceId)) {
    issues.push({
      code: "package_reference_not_numeric",
      field: "packageReferenceId",
      message: "packageReferenceId must be a positive number"
    });
  }
  if (!isIsoDateTime(draft.shipDate)) {
    issues.push({
      code: "ship_date_invalid",
      field: "shipDate",
      message: `"${draft.shipDate}" is not an ISO 8601 date-time`
    });
  }
  return [...issues, ...itemIssues(draft.items, unshipped)];
}
function nextShipDate(requested, alreadySent) {
  const sent = (alreadySent === null ? [] : typeof alreadySent === "string" ? [alreadySent] : alreadySent).filter(
    isIsoDateTime
  );
  let best = requested;
  for (const date of sent) if (Date.parse(date) < Date.parse(best)) best = date;
  return best;
}
function packageReferenceIdFor(existingIds) {
  let max = 0n;
  for (const id of existingIds) {
    const trimmed = id.trim();
    if (POSITIVE_NUMERIC.test(trimmed) && BigInt(trimmed) > max) max = BigInt(trimmed);
  }
  return (max + 1n).toString();
}

// src/sync/record-shipment.ts
async function recordShipment(deps, trx, order, event, store2, config) {
  const lines = await deps.orders.lines(order.id, trx);
  const earlier = await deps.shipments.forOrder(order.id, trx);
  if (earlier.some((s) => s.storeRef === event.storeRef)) return false;
  const open = openQuantities(lines);
  for (const s of earlier.filter((x) => x.state !== "invalid" && x.state !== "failed")) {
    for (const i of s.items)
      if (open[i.orderItemId] !== void 0) open[i.orderItemId] = Math.max(0, (open[i.orderItemId] ?? 0) - i.quantity);
  }
  const carrier = resolveCarrier(
    { storeCarrier: event.carrier, storeCarrierName: event.carrierName, storeShippingMethod: event.shippingMethod },
    {
      mapping: config?.carrierMapping ?? {},
      defaultShippingService: config?.defaultShippingService ?? "Other",
      defaultOrderShippingMethod: config?.defaultOrderShippingMethod ?? ""
    }
  );
  const sentDates = earlier.filter((s) => s.state === "confirmed").map((s) => s.shipDate);
  const draft = {
    carrierCode: carrier.carrierCode,
    carrierName: carrier.carrierName,
    trackingNumber: event.trackingNumber,
    packageReferenceId: packageReferenceIdFor(earlier.map((s) => s.packageReferenceId)),
    shipDate: nextShipDate(event.shipDate, sentDates),
    items: toAmazonItems(event.items, lines, open)
  };
  const issues = validateShipment(draft, open);
  const now = deps.clock.nowIso();
  const id = newId();
  const error = issues.length > 0 ? issues.map((i) => i.message).join("; ") : null;
  const inserted = await deps.shipments.insert(
    trx,
    {
      id,
      orderId: order.id,
      connectionId: order.connectionId,
      storeId: store2.id,
      storeRef: event.storeRef,
      ...draft,
      shippingMethod: carrier.shippingMethod,
      state: error ? "invalid" : "pending",
      lastError: error,
      createdAt: now
    },
    now
  );
  if (!inserted) return false;
  const carrierText = draft.carrierCode === "Other" ? `Other (${draft.carrierName ?? "?"})` : draft.carrierCode;
  await deps.orders.addEvent(trx, {
    orderId: order.id,
    connectionId: order.connectionId,
    occurredAt: now,
    direction: "store_to_hub",
    kind: error ? "store.shipment_invalid" : "store.shipment_received",
    summary: `${store2.name} shipped ${draft.items.reduce((n, i) => n + i.quantity, 0)} unit(s) with ${carrierText}, tracking ${draft.trackingNumber ?? "\u2014"}, package ${draft.packageReferenceId}${error ? ` \u2014 not sent to Amazon: ${error}` : ""}`,
    payload: { storeRef: event.storeRef, storeCarrier: event.carrier, ...draft, issues }
  });
  if (!error) {
    await deps.jobs.enqueue(
      JOBS.confirmShipment,
      { shipmentId: id },
      { key: `ship:${id}`, queue: `ship:${order.id}`, trx, maxAttempts: 12 }
    );
  }
  return true;
}

// src/sync/record-store-events.ts
function openQuantities(lines) {
  const open = {};
  for (const l of lines) {
    if (l.kind !== "item") continue;
    open[l.amazonOrderItemId] = Math.max(0, l.quantityOrdered - l.quantityShipped - l.quantityCancelled);
  }
  return open;
}
function toAmazonItems(items, lines, open) {
  if (items === null) {
    return Object.entries(open).filter(([, q]) => q > 0).map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
  }
  return items.map((i) => {
    const line = lines.find((l) => l.kind === "item" && i.orderItemId !== null && l.amazonOrderItemId === i.orderItemId) ?? lines.find((l) => l.kind === "item" && i.sku !== null && (l.croppedSku === i.sku || l.sellerSku === i.sku));
    return { orderItemId: line?.amazonOrderItemId ?? i.orderItemId ?? `sku:${i.sku ?? "?"}`, quantity: i.quantity };
  });
}
async function orderOfStore(deps, store2, orderId) {
  const order = await deps.orders.findById(orderId);
  if (!order) return null;
  const connection = await deps.connections.findById(order.connectionId);
  return connection?.storeId === store2.id ? order : null;
}
async function recordCancellation(deps, trx, order, event, store2, config) {
  const lines = await deps.orders.lines(order.id, trx);
  const open = openQuantities(lines);
  const items = toAmazonItems(event.items, lines, open).filter((i) => i.quantity > 0);
  const buyerAsked = order.status === "cancel_requested" || order.flags?.buyerCancelRequested === true;
  const reason = buyerAsked ? "BuyerCanceled" : config?.cancellationReason ?? "NoInventory";
  const alreadyDone = order.amazonStatus === "CANCELLED";
  const impossible = order.amazonStatus === "SHIPPED" ? "the order is already shipped on Amazon" : null;
  const now = deps.clock.nowIso();
  const inserted = await deps.cancellations.insert(
    trx,
    {
      id: newId(),
      orderId: order.id,
      connectionId: order.connectionId,
      storeId: store2.id,
      storeRef: event.storeRef,
      items,
      reason,
      state: alreadyDone ? "applied" : impossible ? "failed" : "pending",
      lastError: impossible,
      createdAt: now
    },
    now
  );
  if (!inserted) return false;
  const what = items.length === Object.keys(open).length ? "the whole order" : `${items.length} line(s)`;
  await deps.orders.addEvent(trx, {
    orderId: order.id,
    connectionId: order.connectionId,
    occurredAt: now,
    direction: "store_to_hub",
    kind: "store.cancellation_received",
    summary: `${store2.name} cancelled ${what}; reason for Amazon: ${reason}${alreadyDone ? " (already cancelled on Amazon)" : ""}${impossible ? ` \u2014 cannot cancel: ${impossible}` : ""}`,
    payload: { storeRef: event.storeRef, items, reason }
  });
  if (!alreadyDone && !impossible) {
    const runAt = new Date(deps.clock.now().getTime() + 1e3);
    await deps.jobs.enqueue(
      JOBS.submitCancellations,
      { connectionId: order.connectionId },
      { key: `cancel-submit:${order.connectionId}`, queue: `feeds:${order.connectionId}`, runAt, trx }
    );
  }
  return true;
}
async function recordStoreEvents(deps, store2, events) {
  const out = { shipments: 0, cancellations: 0, stock: 0, duplicates: 0, ignored: [] };
  const stockConnections = /* @__PURE__ */ new Set();
  const connectionIds = await deps.stores.connectionIds(store2.id);
  for (const event of events) {
    if (event.kind === "stock") {
      const changed = await deps.stock.setStoreAvailable(
        connectionIds,
        event.productRef,
        event.available,
        deps.clock.nowIso()
      );
      changed.forEach((c) => stockConnections.add(c));
      out.stock += 1;
      continue;
    }
    const order = await orderOfStore(deps, store2, event.orderId);
    if (!order) {
      out.ignored.push({
        event: `${event.kind} ${event.storeRef}`,
        reason: `order ${event.orderId} is not an order of this store`
      });
      continue;
    }
    const config = (await deps.connections.findById(order.connectionId))?.config ?? null;
    const isNew = await deps.db.transaction().execute(
      (trx) => event.kind === "shipment" ? recordShipment(deps, trx, order, event, store2, config) : recordCancellation(deps, trx, order, event, store2, config)
    );
    if (!isNew) out.duplicates += 1;
    else if (event.kind === "shipment") out.shipments += 1;
    else out.cancellations += 1;
  }
  for (const connectionId of stockConnections) await enqueueStockPush(deps, connectionId);
  return out;
}

// src/sync/poll-store.ts
var MAX_PAGES = 20;
var SWEEP_LIMIT = 500;
async function pollStore(deps, storeId) {
  const store2 = await deps.stores.findById(storeId);
  const total = { shipments: 0, cancellations: 0, stock: 0, duplicates: 0, ignored: [] };
  if (!store2) return ok(total);
  const connector = await deps.connectorFor(storeId);
  if (!connector.ok) return connector;
  let cursor = store2.eventCursor;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const polled = await connector.value.pollEvents(cursor);
    if (!polled.ok) return polled;
    const recorded = await recordStoreEvents(deps, store2, polled.value.events);
    total.shipments += recorded.shipments;
    total.cancellations += recorded.cancellations;
    total.stock += recorded.stock;
    total.duplicates += recorded.duplicates;
    total.ignored.push(...recorded.ignored);
    const moved = polled.value.cursor !== cursor;
    cursor = polled.value.cursor;
    await deps.stores.setEventCursor(storeId, cursor, deps.clock.nowIso());
    if (!moved || polled.value.events.length === 0) break;
  }
  await sweepStore(deps, storeId);
  return ok(total);
}
async function sweepStore(deps, storeId) {
  for (const connectionId of await deps.stores.connectionIds(storeId)) {
    const connection = await deps.connections.findById(connectionId);
    if (!connection?.config.active) continue;
    for (const orderId of await deps.orderStore.needingDelivery(connectionId, SWEEP_LIMIT)) {
      await enqueueDelivery(deps, orderId, storeId);
    }
    for (const s of await deps.shipments.list([connectionId], "pending", SWEEP_LIMIT)) {
      await deps.jobs.enqueue(
        JOBS.confirmShipment,
        { shipmentId: s.id },
        { key: `ship:${s.id}`, queue: `ship:${s.orderId}`, maxAttempts: 12 }
      );
    }
    if ((await deps.cancellations.pending(connectionId, 1)).length > 0) {
      await deps.jobs.enqueue(
        JOBS.submitCancellations,
        { connectionId },
        { key: `cancel-submit:${connectionId}`, queue: `feeds:${connectionId}` }
      );
    }
    await enqueueStockPush(deps, connectionId);
  }
}

// src/domain/stock-quantity.ts
var orZero = (n) => Number.isFinite(n) && n > 0 ? n : 0;
function amazonQuantity(input) {
  if (!Number.isFinite(input.storeAvailable)) return 0;
  const raw = Math.floor(input.storeAvailable - orZero(input.reserved) - orZero(input.buffer));
  const quantity = Math.max(0, raw);
  if (input.maxQuantity === null || Number.isNaN(input.maxQuantity)) return quantity;
  return Math.min(quantity, Math.max(0, Math.floor(input.maxQuantity)));
}
function shouldPush(desired, lastPushed) {
  return lastPushed === null || lastPushed === void 0 || desired !== lastPushed;
}

// src/amazon/feeds/order-acknowledgement-feed.ts
import { create } from "xmlbuilder2";

// src/domain/orders-config.ts
import { z as z3 } from "zod";

// src/domain/merge-patch.ts
function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function mergePatch(target, patch) {
  if (!isPlainObject(patch)) return patch;
  const result = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

// src/domain/sku-crop.ts
import { z as z2 } from "zod";

// src/domain/sku-crop-apply.ts
var GRADE_AND_RESELL = /^amzn\.gr\.(.+)$/i;
function cropGradeAndResell(sku) {
  const m = GRADE_AND_RESELL.exec(sku);
  if (!m) return sku;
  const rest = m[1];
  const dash = rest.lastIndexOf("-");
  return dash > 0 && /^[A-Za-z0-9]+$/.test(rest.slice(dash + 1)) ? rest.slice(0, dash) : rest;
}
var compiled = /* @__PURE__ */ new Map();
function compile(regex) {
  const key = `${regex.flags ?? ""}/${regex.pattern}`;
  let re = compiled.get(key);
  if (!re) {
    if (compiled.size >= 200) compiled.clear();
    re = new RegExp(regex.pattern, regex.flags ?? "");
    compiled.set(key, re);
  }
  return re;
}
function applySkuCropRules(sku, rules) {
  let out = rules.gradeAndResell ? cropGradeAndResell(sku) : sku;
  const prefix = rules.removePrefixes.find((p) => p !== "" && out.startsWith(p));
  if (prefix !== void 0) out = out.slice(prefix.length);
  const suffix = rules.removeSuffixes.find((s) => s !== "" && out.endsWith(s));
  if (suffix !== void 0) out = out.slice(0, out.length - suffix.length);
  if (rules.regex) out = out.replace(compile(rules.regex), rules.regex.replacement);
  return out;
}

// src/domain/regex-parse.ts
var QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;
function parseRegex(pattern) {
  const state = { s: pattern, i: 0, groupCount: 0, groupNames: [] };
  const root = parseAlternation(state);
  return { root, groupCount: state.groupCount, groupNames: state.groupNames };
}
function parseAlternation(st) {
  const branches = [[]];
  while (st.i < st.s.length && st.s[st.i] !== ")") {
    if (st.s[st.i] === "|") {
      st.i += 1;
      branches.push([]);
      continue;
    }
    branches[branches.length - 1].push(parseTerm(st));
  }
  return { branches };
}
function parseTerm(st) {
  const start = st.i;
  const atom = parseAtom(st);
  let min = 1;
  let max = 1;
  const c = st.s[st.i];
  const braces = QUANTIFIER.exec(st.s.slice(st.i));
  if (c === "*" || c === "+" || c === "?") {
    [min, max] = c === "*" ? [0, Infinity] : c === "+" ? [1, Infinity] : [0, 1];
    st.i += 1;
  } else if (braces) {
    min = Number(braces[1]);
    max = braces[2] === void 0 ? min : braces[3] === "" ? Infinity : Number(braces[3]);
    st.i += braces[0].length;
  }
  if ((min !== 1 || max !== 1) && st.s[st.i] === "?") st.i += 1;
  return { atom, min, max, start, end: st.i };
}
function parseAtom(st) {
  const c = st.s[st.i];
  if (c === "(") return parseGroup(st);
  if (c === "[") return { kind: "class", source: scanClass(st) };
  if (c === "\\") return parseEscape(st);
  st.i += 1;
  if (c === ".") return { kind: "class", source: "." };
  if (c === "^" || c === "$") return { kind: "assertion" };
  return { kind: "char", source: c };
}
function parseGroup(st) {
  const rest = st.s.slice(st.i);
  const look = /^\(\?(=|!|<=|<!)/.exec(rest);
  const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(rest);
  const nonCapture = /^\(\?[ims-]*:/.exec(rest);
  let capture = false;
  let name = null;
  if (look) st.i += look[0].length;
  else if (named) {
    st.i += named[0].length;
    capture = true;
    name = named[1];
    st.groupNames.push(name);
  } else if (nonCapture) st.i += nonCapture[0].length;
  else {
    st.i += 1;
    capture = true;
  }
  if (capture) st.groupCount += 1;
  const body = parseAlternation(st);
  st.i += 1;
  return { kind: "group", capture, name, lookaround: look !== null, body };
}
function scanClass(st) {
  const start = st.i;
  st.i += 1;
  if (st.s[st.i] === "^") st.i += 1;
  while (st.i < st.s.length && st.s[st.i] !== "]") st.i += st.s[st.i] === "\\" ? 2 : 1;
  st.i += 1;
  return st.s.slice(start, st.i);
}
function parseEscape(st) {
  const start = st.i;
  const c = st.s[st.i + 1] ?? "";
  st.i += 2;
  if (/[1-9]/.test(c)) {
    while (/\d/.test(st.s[st.i] ?? "")) st.i += 1;
    return { kind: "backref", source: st.s.slice(start, st.i) };
  }
  if (c === "k" && st.s[st.i] === "<") {
    st.i = st.s.indexOf(">", st.i) + 1 || st.s.length;
    return { kind: "backref", source: st.s.slice(start, st.i) };
  }
  if (c === "b" || c === "B") return { kind: "assertion" };
  if ((c === "p" || c === "P") && st.s[st.i] === "{") {
    st.i = st.s.indexOf("}", st.i) + 1 || st.s.length;
    return { kind: "class", source: st.s.slice(start, st.i) };
  }
  if ("dDwWsS".includes(c)) return { kind: "class", source: st.s.slice(start, st.i) };
  const long = /^(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|c[A-Za-z])/.exec(st.s.slice(start + 1));
  if (long) st.i = start + 1 + long[0].length;
  return { kind: "char", source: st.s.slice(start, st.i) };
}
function* walkTerms(alt) {
  for (const branch of alt.branches) {
    for (const term of branch) {
      yield term;
      if (term.atom.kind === "group") yield* walkTerms(term.atom.body);
    }
  }
}

// src/domain/regex-safety.ts
import { createContext, runInContext } from "node:vm";
var PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
var SAMPLE_CHARS = [
  ...PRINTABLE.filter((c) => /[A-Za-z0-9]/.test(c)),
  ...PRINTABLE.filter((c) => !/[A-Za-z0-9]/.test(c)),
  ...["	", "\n", "\xE9", "\xDF", "\u4E2D"]
];
function matchesChar(source, flags, ch) {
  try {
    return new RegExp(`^(?:${source})$`, flags.replace(/[gy]/g, "")).test(ch);
  } catch {
    return true;
  }
}
function firstOf(terms) {
  const sources = [];
  for (const term of terms) {
    const a = term.atom;
    if (a.kind === "assertion") continue;
    let nullable = term.min === 0;
    if (a.kind === "char" || a.kind === "class") sources.push(a.source);
    else if (a.kind === "backref") sources.push("[\\s\\S]");
    else if (a.lookaround) continue;
    else {
      const inner = firstOfAlt(a.body);
      sources.push(...inner.sources);
      nullable ||= inner.nullable;
    }
    if (!nullable) return { sources, nullable: false };
  }
  return { sources, nullable: true };
}
function firstOfAlt(alt) {
  const parts = alt.branches.map(firstOf);
  return { sources: parts.flatMap((p) => p.sources), nullable: parts.some((p) => p.nullable) };
}
function branchesOverlap(alt, flags) {
  const firsts = alt.branches.map((b) => firstOf(b).sources);
  for (let i = 0; i < firsts.length; i += 1) {
    for (let j = i + 1; j < firsts.length; j += 1) {
      const a = firsts[i];
      const b = firsts[j];
      const shared = SAMPLE_CHARS.some(
        (ch) => a.some((s) => matchesChar(s, flags, ch)) && b.some((s) => matchesChar(s, flags, ch))
      );
      if (shared) return true;
    }
  }
  return false;
}
function staticRegexIssues(pattern, flags = "") {
  const issues = [];
  const parsed = parseRegex(pattern);
  for (const term of walkTerms(parsed.root)) {
    const text5 = pattern.slice(term.start, term.end);
    if (term.atom.kind === "backref") {
      issues.push(`backreference ${text5} is not allowed (backreferences can make matching exponentially slow)`);
    }
    if (term.atom.kind !== "group" || term.max <= 1) continue;
    const body = term.atom.body;
    const inner = [...walkTerms(body)].find((t) => t.min !== t.max);
    if (inner) {
      issues.push(
        `nested quantifier in "${text5}": a repeated group contains "${pattern.slice(inner.start, inner.end)}" (shapes like (a+)+ or (.*)* can take exponential time; use one quantifier, e.g. a character class with +)`
      );
    } else if (firstOfAlt(body).nullable) {
      issues.push(`the repeated group "${text5}" can match the empty string (like (a|)* ), which can backtrack badly`);
    } else if ([body, ...nestedAlternations(body)].some((alt) => alt.branches.length > 1 && branchesOverlap(alt, flags))) {
      issues.push(
        `alternatives in the repeated group "${text5}" can match the same text (like (a|a)* or (a|ab)*), which can take exponential time`
      );
    }
  }
  return issues;
}
function nestedAlternations(alt) {
  return [...walkTerms(alt)].flatMap((t) => t.atom.kind === "group" ? [t.atom.body] : []);
}
function interestingChars(pattern, flags) {
  const chars = /* @__PURE__ */ new Set();
  for (const term of walkTerms(parseRegex(pattern).root)) {
    const a = term.atom;
    if (a.kind !== "char" && a.kind !== "class") continue;
    SAMPLE_CHARS.filter((ch) => matchesChar(a.source, flags, ch)).slice(0, 2).forEach((ch) => chars.add(ch));
  }
  for (const ch of ["a", "0", "-"]) chars.add(ch);
  return [...chars].slice(0, 10);
}
function adversarialInputs(pattern, flags, length = 5e3) {
  const chars = interestingChars(pattern, flags);
  const tail = "\0";
  const inputs = chars.map((c) => c.repeat(length) + tail);
  for (let i = 0; i + 1 < chars.length && i < 4; i += 1) {
    inputs.push(`${chars[i]}${chars[i + 1]}`.repeat(length / 2) + tail);
  }
  return inputs;
}
function runtimeRegexCheck(pattern, flags, replacement, options = {}) {
  const budgetMs = options.budgetMs ?? 250;
  const context = createContext({ pattern, flags, replacement, input: "" });
  for (const input of adversarialInputs(pattern, flags, options.inputLength ?? 5e3)) {
    context.input = input;
    try {
      runInContext("input.replace(new RegExp(pattern, flags), replacement)", context, { timeout: budgetMs });
    } catch {
      return { slow: true, sample: `${JSON.stringify(input.slice(0, 8))}\u2026 (${input.length} characters)`, budgetMs };
    }
  }
  return { slow: false, sample: null, budgetMs };
}

// src/domain/sku-crop-regex.ts
var REGEX_LIMITS = { patternLength: 500, replacementLength: 200 };
var ALLOWED_FLAGS = /^(?!.*(.).*\1)[gimsu]*$/;
var issue = (field, message) => [
  { path: ["regex", field], message }
];
function replacementIssues(replacement, pattern) {
  const { groupCount, groupNames } = parseRegex(pattern);
  const issues = [];
  for (const m of replacement.matchAll(/\$(\$|&|`|'|<([^>]*)>|\d{1,2})/g)) {
    const ref = m[1];
    if (ref.startsWith("<")) {
      if (!groupNames.includes(m[2])) {
        issues.push(`replacement uses ${m[0]} but the pattern has no group named "${m[2]}"`);
      }
    } else if (/^\d/.test(ref)) {
      const two = Number(ref);
      const one = Number(ref[0]);
      if (one === 0) issues.push(`replacement uses $${ref}; use $& for the whole match`);
      else if (!(two <= groupCount) && !(one <= groupCount)) {
        issues.push(`replacement uses $${ref} but the pattern has ${groupCount} capturing group(s)`);
      }
    }
  }
  return issues;
}
function matchesEmptyEverywhere(re) {
  const sticky = new RegExp(re.source, `${re.flags.replace(/[gy]/g, "")}y`);
  const sample = "ABC-123";
  for (let pos = 0; pos <= sample.length; pos += 1) {
    sticky.lastIndex = pos;
    const m = sticky.exec(sample);
    if (!m || m[0] !== "") return false;
  }
  return true;
}
var checked = /* @__PURE__ */ new Map();
function regexRuleIssues(regex) {
  const key = JSON.stringify([regex.pattern, regex.replacement, regex.flags ?? ""]);
  const known = checked.get(key);
  if (known) return known;
  const issues = uncachedIssues(regex);
  if (checked.size >= 500) checked.clear();
  checked.set(key, issues);
  return issues;
}
function uncachedIssues(regex) {
  const flags = regex.flags ?? "";
  if (regex.pattern === "") return issue("pattern", "empty pattern: remove the regular expression instead");
  if (regex.pattern.length > REGEX_LIMITS.patternLength) {
    return issue("pattern", `pattern longer than ${REGEX_LIMITS.patternLength} characters`);
  }
  if (regex.replacement.length > REGEX_LIMITS.replacementLength) {
    return issue("replacement", `replacement longer than ${REGEX_LIMITS.replacementLength} characters`);
  }
  if (!ALLOWED_FLAGS.test(flags))
    return issue("flags", `flags "${flags}" not allowed: use g, i, m, s, u, each at most once`);
  let re;
  try {
    re = new RegExp(regex.pattern, flags);
  } catch (cause) {
    return issue("pattern", `pattern does not compile: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const unsafe = staticRegexIssues(regex.pattern, flags);
  if (unsafe.length > 0) return unsafe.flatMap((m) => issue("pattern", m));
  if (matchesEmptyEverywhere(re)) {
    return issue(
      "pattern",
      'pattern can match the empty string everywhere (like "x*" or "(?:)"); it cannot crop anything'
    );
  }
  const refs = replacementIssues(regex.replacement, regex.pattern);
  if (refs.length > 0) return refs.flatMap((m) => issue("replacement", m));
  const runtime = runtimeRegexCheck(regex.pattern, flags, regex.replacement);
  if (runtime.slow) {
    return issue(
      "pattern",
      `pattern is too slow: it took over ${runtime.budgetMs} ms on the input ${runtime.sample} (catastrophic backtracking)`
    );
  }
  return [];
}

// src/domain/sku-crop.ts
var AFFIX_LIMITS = { entries: 50, length: 100 };
var TYPICAL_SKUS = ["ABC-123", "SKU12345", "TSHIRT-RED-XL", "1234567890", "ab_cd.ef", "B0-77/X"];
function cropSku(sku, rules) {
  const out = applySkuCropRules(sku, rules);
  return out === "" ? sku : out;
}
function affixIssues(list, field) {
  const what = field === "removePrefixes" ? "prefix" : "suffix";
  const issues = [];
  if (list.length > AFFIX_LIMITS.entries)
    issues.push({ path: [field], message: `at most ${AFFIX_LIMITS.entries} entries` });
  list.forEach((value, i) => {
    if (value.trim() === "") issues.push({ path: [field, i], message: `empty ${what}: it would match every SKU` });
    else if (value.length > AFFIX_LIMITS.length) {
      issues.push({ path: [field, i], message: `${what} longer than ${AFFIX_LIMITS.length} characters` });
    }
  });
  return issues;
}
function emptiedIssue(rules) {
  const emptied = TYPICAL_SKUS.filter((sku) => applySkuCropRules(sku, rules) === "");
  if (emptied.length === 0) return [];
  const message = emptied.length === TYPICAL_SKUS.length ? "would crop every SKU to an empty string" : `would crop typical SKUs to an empty string (e.g. "${emptied[0]}" \u2192 "")`;
  return [{ path: rules.regex ? ["regex", "pattern"] : [], message }];
}
function skuCropIssues(rules) {
  const issues = [
    ...affixIssues(rules.removePrefixes, "removePrefixes"),
    ...affixIssues(rules.removeSuffixes, "removeSuffixes"),
    ...rules.regex ? regexRuleIssues(rules.regex) : []
  ];
  return issues.length > 0 ? issues : emptiedIssue(rules);
}
var text = () => z2.string({ error: "must be text" });
var skuCropRulesSchema = z2.strictObject({
  removePrefixes: z2.array(text(), { error: "must be a list of prefixes" }).default([]),
  removeSuffixes: z2.array(text(), { error: "must be a list of suffixes" }).default([]),
  regex: z2.strictObject({ pattern: text(), replacement: text().default(""), flags: text().default("") }).nullable().default(null),
  gradeAndResell: z2.boolean({ error: "must be true or false" }).default(true)
}).superRefine((rules, ctx) => {
  for (const issue2 of skuCropIssues(rules))
    ctx.addIssue({ code: "custom", path: issue2.path, message: issue2.message });
});
function validateSkuCropRules(input) {
  const parsed = skuCropRulesSchema.safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.flatMap(
    (i) => i.code === "unrecognized_keys" ? i.keys.map((key) => ({ path: [...i.path, key].map(String).join("."), message: "unknown setting" })) : [{ path: i.path.map(String).join("."), message: i.message }]
  );
  const summary = issues.map((i) => i.path ? `${i.path}: ${i.message}` : i.message).join("; ");
  return err(
    new AppError("sku_crop_invalid", `Invalid SKU crop rules: ${summary}`, { kind: "invalid", details: { issues } })
  );
}
function previewSkuCrop(rules, skus) {
  const valid = validateSkuCropRules(rules);
  if (!valid.ok) return skus.map((sku) => ({ sku, cropped: sku, changed: false, error: valid.error.message }));
  return skus.map((sku) => {
    const raw = applySkuCropRules(sku, valid.value);
    if (raw === "") {
      return {
        sku,
        cropped: sku,
        changed: false,
        error: "the rules crop this SKU to an empty string; it is used unchanged"
      };
    }
    return { sku, cropped: raw, changed: raw !== sku };
  });
}

// src/domain/orders-config.ts
var CANCELLATION_REASONS = [
  "NoInventory",
  "ShippingAddressUndeliverable",
  "CustomerExchange",
  "BuyerCanceled",
  "GeneralAdjustment",
  "CarrierCreditDecision",
  "RiskAssessmentInformationNotValid",
  "CarrierCoverageFailure",
  "CustomerReturn",
  "MerchandiseNotReceived",
  "CannotVerifyInformation",
  "PricingError",
  "RejectOrder",
  "WeatherDelay"
];
var BUILTIN_IDENTIFICATION_ATTRIBUTES = ["sku", "ean", "gtin", "mpn"];
var ATTRIBUTE_CODE = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;
var DAY_MS = 864e5;
var intBetween = (min, max, what) => z3.int({ error: `${what} must be a whole number` }).min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`);
var bool = () => z3.boolean({ error: "must be true or false" });
var oneOf = (values) => z3.enum(values, { error: (iss) => `"${String(iss.input)}" is not one of ${values.map((v) => `"${v}"`).join(", ")}` });
function ordersConfigSchema(ctx) {
  const defaultSyncFrom = new Date(ctx.now.getTime() - DAY_MS).toISOString();
  return z3.strictObject({
    active: bool().default(false),
    syncLevel: oneOf(["orders_and_stock", "stock_only"]).default("orders_and_stock"),
    orderTypes: z3.array(oneOf(["MFN", "AFN"]), { error: 'must be a list of "MFN" and/or "AFN"' }).min(1, "select at least one order type").refine((types) => new Set(types).size === types.length, "each order type at most once").default(["MFN"]),
    fbaOrdersLowerStock: bool().default(false),
    productIdentificationAttribute: z3.union(
      [
        z3.enum(BUILTIN_IDENTIFICATION_ATTRIBUTES),
        z3.strictObject({
          custom: z3.string({ error: "must be text" }).regex(ATTRIBUTE_CODE, {
            error: 'custom attribute code must start with a letter or "_" and use only letters, digits, "_", ".", ":" or "-" (at most 64)'
          })
        })
      ],
      { error: 'must be "sku", "ean", "gtin", "mpn" or { "custom": "<attribute code>" }' }
    ).default("sku"),
    skuCrop: skuCropRulesSchema.prefault({}),
    defaultShippingService: z3.enum(AMAZON_CARRIER_CODES, {
      error: (iss) => {
        const hint = typeof iss.input === "string" ? suggestCarrierCode(iss.input) : null;
        const didYouMean = hint ? ` (did you mean "${hint}"?)` : "";
        return `"${String(iss.input)}" is not an Amazon carrier code${didYouMean}; use "Other" for carriers Amazon does not list`;
      }
    }).default("Other"),
    defaultOrderShippingMethod: z3.string({ error: "must be text" }).max(100, "at most 100 characters").default(""),
    /** Store carrier (case-insensitive) → Amazon carrier code; checked before Default Shipping service. */
    carrierMapping: z3.record(
      z3.string().trim().min(1, "store carrier must not be empty").max(100),
      z3.enum(AMAZON_CARRIER_CODES, {
        error: (iss) => `"${String(iss.input)}" is not an Amazon carrier code (see amazon/carrier-codes.json)`
      }),
      { error: "must map store carrier names to Amazon carrier codes" }
    ).default({}),
    cancellationReason: oneOf(CANCELLATION_REASONS).default("NoInventory"),
    ignoreAmazonTax: bool().default(false),
    taxIncluded: bool().default(ctx.taxIncludedDefault),
    unknownSkuPolicy: oneOf(["hold", "import_unlinked", "skip"]).default("hold"),
    reservePendingStock: bool().default(true),
    facilitatorTax: oneOf(["keep", "drop"]).default("drop"),
    syncFromDate: z3.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z" }).transform((s) => new Date(s).toISOString()).refine((s) => Date.parse(s) <= ctx.now.getTime() + DAY_MS, "must not be in the future").default(defaultSyncFrom),
    pollIntervalMinutes: intBetween(1, 1440, "poll interval (minutes)").default(5),
    stockBuffer: intBetween(0, 1e6, "stock buffer").default(0),
    maxQuantity: intBetween(0, 1e6, "max quantity").nullable().default(null),
    lookbackOverlapSeconds: intBetween(0, 86400, "lookback overlap (seconds)").default(300)
  });
}
function toIssues(error) {
  return error.issues.flatMap((issue2) => {
    const base = issue2.path.map(String);
    if (issue2.code === "unrecognized_keys") {
      return issue2.keys.map((key) => ({ path: [...base, key].join("."), message: "unknown setting" }));
    }
    return [{ path: base.join("."), message: issue2.message }];
  });
}
function parseOrdersConfig(input, ctx) {
  const parsed = ordersConfigSchema(ctx).safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data);
  const issues = toIssues(parsed.error);
  const summary = issues.map((i) => `${i.path || "(config)"}: ${i.message}`).join("; ");
  return err(
    new AppError("orders_config_invalid", `Invalid Orders Configuration: ${summary}`, {
      kind: "invalid",
      details: { issues }
    })
  );
}
function updateOrdersConfig(current, patch, ctx) {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) {
    return err(
      new AppError("orders_config_invalid", "Invalid Orders Configuration update: expected an object of settings", {
        kind: "invalid",
        details: { issues: [{ path: "", message: "expected an object of settings" }] }
      })
    );
  }
  return parseOrdersConfig(mergePatch(current, patch), ctx);
}

// src/amazon/feeds/feed-xsd-validator.ts
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { XmlDocument, XmlParseError, XmlValidateError, XsdValidator } from "libxml2-wasm";
import { xmlRegisterFsInputProviders } from "libxml2-wasm/lib/nodejs.mjs";
var ENVELOPE_XSD = new URL("../../../test/fixtures/amazon/xsd/order-feeds-envelope.xsd", import.meta.url);
var validator = null;
function envelopeValidator() {
  if (validator !== null) return validator;
  xmlRegisterFsInputProviders();
  const path5 = fileURLToPath(ENVELOPE_XSD);
  const schemaDoc = XmlDocument.fromBuffer(readFileSync(path5), { url: path5 });
  validator = XsdValidator.fromDoc(schemaDoc);
  return validator;
}
function xsdErrors(xml) {
  let doc;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    if (error instanceof XmlParseError) return error.details.map((d) => `line ${d.line}: ${d.message.trim()}`);
    throw error;
  }
  try {
    envelopeValidator().validate(doc);
    return [];
  } catch (error) {
    if (error instanceof XmlValidateError) return error.details.map((d) => `line ${d.line}: ${d.message.trim()}`);
    throw error;
  } finally {
    doc.dispose();
  }
}

// src/amazon/feeds/order-acknowledgement-feed.ts
var ORDER_ACKNOWLEDGEMENT_FEED_TYPE = "POST_ORDER_ACKNOWLEDGEMENT_DATA";
var ORDER_FEED_CONTENT_TYPE = "text/xml; charset=UTF-8";
var REASONS = new Set(CANCELLATION_REASONS);
var isCancelReason = (value) => REASONS.has(value);
var invalid = (code, message, details = {}) => new AppError(code, message, { kind: "invalid", retryable: false, details });
function checkInput(input) {
  if (input.sellerId.trim() === "") return invalid("feed_seller_id_missing", "sellerId (MerchantIdentifier) is empty");
  if (input.cancellations.length === 0) return invalid("feed_no_cancellations", "nothing to cancel");
  const orders = /* @__PURE__ */ new Set();
  for (const order of input.cancellations) {
    const amazonOrderId = order.amazonOrderId;
    if (orders.has(amazonOrderId)) {
      return invalid("feed_duplicate_order", `order ${amazonOrderId} appears twice; merge its lines into one message`, {
        amazonOrderId
      });
    }
    orders.add(amazonOrderId);
    if (order.items.length === 0) {
      return invalid("feed_cancel_items_missing", `order ${amazonOrderId}: list every item to cancel`, {
        amazonOrderId
      });
    }
    const seen = /* @__PURE__ */ new Set();
    for (const item of order.items) {
      if (!isCancelReason(item.reason)) {
        return invalid(
          "cancel_reason_invalid",
          `"${item.reason}" is not an Amazon cancel reason (allowed: ${CANCELLATION_REASONS.join(", ")})`,
          {
            amazonOrderId,
            orderItemId: item.orderItemId,
            reason: item.reason
          }
        );
      }
      if (seen.has(item.orderItemId)) {
        return invalid("feed_duplicate_item", `order ${amazonOrderId}: item ${item.orderItemId} listed twice`, {
          amazonOrderId
        });
      }
      seen.add(item.orderItemId);
    }
  }
  return null;
}
function render(input) {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("AmazonEnvelope", {
    "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "xsi:noNamespaceSchemaLocation": "amzn-envelope.xsd"
  });
  const header2 = root.ele("Header");
  header2.ele("DocumentVersion").txt("1.01");
  header2.ele("MerchantIdentifier").txt(input.sellerId.trim());
  root.ele("MessageType").txt("OrderAcknowledgement");
  const messageIds = {};
  input.cancellations.forEach((order, index) => {
    const messageId = index + 1;
    messageIds[messageId] = order.amazonOrderId;
    const message = root.ele("Message");
    message.ele("MessageID").txt(String(messageId));
    const ack = message.ele("OrderAcknowledgement");
    ack.ele("AmazonOrderID").txt(order.amazonOrderId);
    ack.ele("StatusCode").txt("Failure");
    for (const item of order.items) {
      const el = ack.ele("Item");
      el.ele("AmazonOrderItemCode").txt(item.orderItemId);
      el.ele("CancelReason").txt(item.reason);
    }
  });
  return { xml: root.end({ prettyPrint: true }), messageIds };
}
function buildOrderAcknowledgementFeed(input) {
  const problem = checkInput(input);
  if (problem !== null) return err(problem);
  const feed = render(input);
  const errors = xsdErrors(feed.xml);
  if (errors.length > 0) {
    return err(
      invalid("feed_xml_invalid", `order acknowledgement feed fails the Amazon XSD: ${errors[0]}`, { errors })
    );
  }
  return ok(feed);
}

// src/sync/submit-cancellations.ts
var MAX_CANCELLATIONS_PER_FEED = 500;
var FEED_POLL_DELAY_MS = 2e3;
async function submitCancellations(deps, connectionId) {
  const connection = await deps.connections.findById(connectionId);
  if (!connection?.config.active) return ok(0);
  const pending = await deps.cancellations.pending(connectionId, MAX_CANCELLATIONS_PER_FEED);
  if (pending.length === 0) return ok(0);
  const orders = /* @__PURE__ */ new Map();
  for (const c of pending) {
    const order = await deps.orders.findById(c.orderId);
    if (order) orders.set(c.orderId, order.amazonOrderId);
  }
  const feed = buildOrderAcknowledgementFeed({
    sellerId: connection.sellerId,
    cancellations: pending.filter((c) => orders.has(c.orderId) && c.items.length > 0).map((c) => ({
      amazonOrderId: orders.get(c.orderId) ?? "",
      items: c.items.map((i) => ({ orderItemId: i.orderItemId, reason: c.reason }))
    }))
  });
  const now = deps.clock.nowIso();
  if (!feed.ok) {
    await deps.cancellations.setState(
      deps.db,
      pending.map((c) => c.id),
      "failed",
      { error: feed.error.message },
      now
    );
    return ok(0);
  }
  const feedId = newId();
  await deps.db.transaction().execute(async (trx) => {
    await deps.cancellations.insertFeed(
      trx,
      { id: feedId, connectionId, feedType: ORDER_ACKNOWLEDGEMENT_FEED_TYPE, document: feed.value.xml },
      now
    );
    await deps.cancellations.updateFeed(trx, feedId, { report: { messageIds: feed.value.messageIds } }, now);
  });
  const amazon = await deps.amazonFor(connectionId);
  const submitted = await amazon.submitFeed(ORDER_ACKNOWLEDGEMENT_FEED_TYPE, feed.value.xml, ORDER_FEED_CONTENT_TYPE);
  if (!submitted.ok) {
    await deps.cancellations.updateFeed(deps.db, feedId, { state: "not_sent" }, deps.clock.nowIso());
    return submitted;
  }
  const at = deps.clock.nowIso();
  await deps.db.transaction().execute(async (trx) => {
    await deps.cancellations.updateFeed(trx, feedId, { amazonFeedId: submitted.value, state: "submitted" }, at);
    await deps.cancellations.setState(
      trx,
      pending.map((c) => c.id),
      "submitted",
      { feedId },
      at
    );
    for (const c of pending) {
      await deps.orders.addEvent(trx, {
        orderId: c.orderId,
        connectionId,
        occurredAt: at,
        direction: "hub_to_amazon",
        kind: "amazon.cancellation_submitted",
        summary: `Cancellation sent in feed ${submitted.value} (POST_ORDER_ACKNOWLEDGEMENT_DATA, ${c.items.length} line(s), reason ${c.reason})`,
        payload: { feedId: submitted.value, items: c.items, reason: c.reason }
      });
    }
    await deps.jobs.enqueue(
      JOBS.pollFeed,
      { feedId },
      { key: `feed:${feedId}`, runAt: new Date(deps.clock.now().getTime() + FEED_POLL_DELAY_MS), trx, maxAttempts: 40 }
    );
  });
  return ok(pending.length);
}

// src/sync/push-stock.ts
var PATCH_LIMIT = 10;
var LISTINGS_FEED_TYPE = "JSON_LISTINGS_FEED";
async function refreshUnknown(deps, storeId, connectionId) {
  const levels = await deps.stock.forConnection(connectionId);
  const refs = [...new Set(levels.filter((l) => l.storeAvailable === null).map((l) => l.productRef))];
  if (refs.length === 0) return ok(void 0);
  const connector = await deps.connectorFor(storeId);
  if (!connector.ok) return connector;
  const read = await connector.value.readStock(refs);
  if (!read.ok) return read;
  for (const [ref, available] of read.value)
    await deps.stock.setStoreAvailable([connectionId], ref, available, deps.clock.nowIso());
  return ok(void 0);
}
async function pushStock(deps, connectionId) {
  const none = { changed: 0, patched: 0, feedId: null };
  const connection = await deps.connections.findById(connectionId);
  if (!connection?.config.active || !connection.storeId) return ok(none);
  const refreshed = await refreshUnknown(deps, connection.storeId, connectionId);
  if (!refreshed.ok) return refreshed;
  const reserved = await deps.stock.reservedBySku(connectionId);
  const { stockBuffer, maxQuantity } = connection.config;
  const changed = /* @__PURE__ */ new Map();
  for (const level of await deps.stock.forConnection(connectionId)) {
    if (!level.mfn || level.storeAvailable === null) continue;
    const desired = amazonQuantity({
      storeAvailable: level.storeAvailable,
      reserved: reserved.get(level.amazonSku) ?? 0,
      buffer: stockBuffer,
      maxQuantity
    });
    if (shouldPush(desired, level.pushedQuantity)) changed.set(level.amazonSku, desired);
  }
  if (changed.size === 0) return ok(none);
  const amazon = await deps.amazonFor(connectionId);
  if (changed.size > PATCH_LIMIT) return submitStockFeed(deps, connectionId, changed);
  let patched = 0;
  for (const [sku, quantity] of changed) {
    const sent = await amazon.patchListingQuantity(sku, quantity);
    if (sent.ok) {
      await deps.stock.markPushed(connectionId, /* @__PURE__ */ new Map([[sku, quantity]]), deps.clock.nowIso());
      patched += 1;
    } else if (sent.error.retryable) return sent;
    else await deps.stock.markError(connectionId, [sku], sent.error.message, deps.clock.nowIso());
  }
  return ok({ changed: changed.size, patched, feedId: null });
}
async function submitStockFeed(deps, connectionId, quantities) {
  const connection = await deps.connections.findById(connectionId);
  const amazon = await deps.amazonFor(connectionId);
  const feed = amazon.buildListingsFeed(connection?.sellerId ?? "", quantities);
  if (!feed.ok) return feed;
  const built = feed.value;
  const feedId = newId();
  const now = deps.clock.nowIso();
  const meta = { messageIds: built.messageIds, quantities: Object.fromEntries(quantities) };
  await deps.cancellations.insertFeed(
    deps.db,
    { id: feedId, connectionId, feedType: LISTINGS_FEED_TYPE, document: built.content },
    now
  );
  await deps.cancellations.updateFeed(deps.db, feedId, { report: meta }, now);
  const submitted = await amazon.submitFeed(LISTINGS_FEED_TYPE, built.content, built.contentType);
  if (!submitted.ok) {
    await deps.cancellations.updateFeed(deps.db, feedId, { state: "not_sent" }, deps.clock.nowIso());
    return submitted;
  }
  await deps.db.transaction().execute(async (trx) => {
    await deps.cancellations.updateFeed(
      trx,
      feedId,
      { amazonFeedId: submitted.value, state: "submitted" },
      deps.clock.nowIso()
    );
    await deps.jobs.enqueue(
      JOBS.pollFeed,
      { feedId },
      { key: `feed:${feedId}`, runAt: new Date(deps.clock.now().getTime() + FEED_POLL_DELAY_MS), trx, maxAttempts: 40 }
    );
  });
  return ok({ changed: quantities.size, patched: 0, feedId: submitted.value });
}

// src/app/store-side-jobs.ts
async function settle2(result, onFinal = () => Promise.resolve()) {
  const r = await result;
  if (r.ok) return;
  if (r.error.retryable) throw r.error;
  await onFinal(r.error);
}
function storeSideHandlers(deps) {
  const id = (payload, key) => String(payload[key]);
  return {
    [JOBS.deliver]: ({ job }) => settle2(deliverOrder(deps, id(job.payload, "orderId")), async (error) => {
      const orderId = id(job.payload, "orderId");
      const order = await deps.orders.findById(orderId);
      if (!order) return;
      const now = deps.clock.nowIso();
      await deps.orderStore.recordFailure(orderId, { code: error.code, message: error.message }, now);
      await deps.orders.addEvent(deps.db, {
        orderId,
        connectionId: order.connectionId,
        occurredAt: now,
        direction: "hub_to_store",
        kind: "store.delivery_failed",
        summary: `Store delivery failed: ${error.message} (fix it, then retry the order)`,
        payload: error.toJSON()
      });
    }),
    [JOBS.confirmShipment]: ({ job }) => settle2(confirmShipment(deps, id(job.payload, "shipmentId"))),
    [JOBS.submitCancellations]: ({ job }) => settle2(submitCancellations(deps, id(job.payload, "connectionId"))),
    [JOBS.pollFeed]: ({ job }) => settle2(pollFeed(deps, id(job.payload, "feedId"))),
    [JOBS.pushStock]: ({ job }) => settle2(pushStock(deps, id(job.payload, "connectionId"))),
    [JOBS.pollStore]: ({ job }) => settle2(pollStore(deps, id(job.payload, "storeId"))),
    [JOBS.deliverWebhook]: ({ job }) => settle2(deliverWebhook(deps, id(job.payload, "deliveryId")))
  };
}

// src/jobs/embedded-job-queue.ts
import { hostname } from "node:os";

// src/db/job-schedule.repository.ts
import { sql } from "kysely";
function toSchedule(row) {
  return {
    id: row.id,
    name: row.name,
    key: row.key,
    queue: row.queue,
    intervalSeconds: row.interval_seconds,
    nextRunAt: row.next_run_at,
    payload: JSON.parse(row.payload_json),
    maxAttempts: row.max_attempts
  };
}
var JobScheduleRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  /**
   * Creates the schedule due at `firstRunAt`, or updates it. An update keeps the planned next run
   * (capped at one new interval from now), so processes that all declare their schedules at start
   * do not make it fire again.
   */
  async upsert(s) {
    const cap = s.latestNextRunAt;
    const current = sql.ref("schedules.next_run_at");
    await this.db.insertInto("schedules").values({
      id: s.id,
      name: s.name,
      key: s.key,
      queue: s.queue,
      interval_seconds: s.intervalSeconds,
      next_run_at: s.firstRunAt,
      payload_json: JSON.stringify(s.payload),
      max_attempts: s.maxAttempts,
      created_at: s.now,
      updated_at: s.now
    }).onConflict(
      (oc) => oc.columns(["name", "key"]).doUpdateSet({
        queue: s.queue,
        interval_seconds: s.intervalSeconds,
        payload_json: JSON.stringify(s.payload),
        max_attempts: s.maxAttempts,
        next_run_at: sql`case when ${current} > ${cap} then ${cap} else ${current} end`,
        updated_at: s.now
      })
    ).execute();
  }
  async delete(name, key) {
    await this.db.deleteFrom("schedules").where("name", "=", name).where("key", "=", key).execute();
  }
  async find(name, key) {
    const row = await this.db.selectFrom("schedules").selectAll().where("name", "=", name).where("key", "=", key).executeTakeFirst();
    return row ? toSchedule(row) : null;
  }
  async due(now, names, limit = 100) {
    if (names.length === 0) return [];
    const rows2 = await this.db.selectFrom("schedules").selectAll().where("next_run_at", "<=", now).where("name", "in", names).orderBy("next_run_at").limit(limit).execute();
    return rows2.map(toSchedule);
  }
  /** Compare-and-set of the next run: exactly one of several racing runners gets `true`. */
  async advance(db, s, nextRunAt2, now) {
    const result = await db.updateTable("schedules").set({ next_run_at: nextRunAt2, updated_at: now }).where("id", "=", s.id).where("next_run_at", "=", s.nextRunAt).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
};

// src/db/job.repository.ts
import { sql as sql3 } from "kysely";

// src/db/dialect.ts
import { PostgresAdapter, sql as sql2 } from "kysely";
var isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url);
var SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
function parsePostgresUrl(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema");
  parsed.searchParams.delete("schema");
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new AppError("config_invalid", `Invalid schema name in database URL: ${schema}`, {
      kind: "invalid",
      details: { field: "schema" }
    });
  }
  return { connectionString: parsed.toString(), schema };
}
function pgTimestampToIso(value, withZone) {
  const normalised = value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00");
  const date = new Date(withZone ? normalised : `${normalised}Z`);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
function dialectOf(db) {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
async function transaction(db, fn) {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
function lockSkipLocked(query, dialect) {
  return dialect === "postgres" ? query.forUpdate().skipLocked() : query;
}
function setFromExcluded(columns) {
  const set = {};
  for (const column of columns) set[column] = sql2.ref(`excluded.${column}`);
  return set;
}
function isUniqueViolation(error) {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const { code } = error;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

// src/db/job.repository.ts
function toJobInfo(row) {
  return {
    id: row.id,
    name: row.name,
    key: row.key,
    queue: row.queue,
    payload: JSON.parse(row.payload_json),
    state: row.state,
    runAt: row.run_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lockedBy: row.locked_by,
    leaseUntil: row.lease_until
  };
}
var JobRepository = class {
  constructor(db) {
    this.db = db;
    this.dialect = dialectOf(db);
  }
  db;
  dialect;
  /** Inserts the job, or returns the id of the queued/running job that holds the same key. */
  async insert(db, job) {
    const row = {
      id: job.id,
      name: job.name,
      key: job.key,
      queue: job.queue,
      payload_json: JSON.stringify(job.payload),
      state: "queued",
      run_at: job.runAt,
      attempts: 0,
      max_attempts: job.maxAttempts,
      created_at: job.now,
      updated_at: job.now
    };
    if (job.key === null) {
      await db.insertInto("jobs").values(row).execute();
      return job.id;
    }
    for (let tries = 0; tries < 5; tries += 1) {
      const inserted = await db.insertInto("jobs").values(row).onConflict(
        (oc) => oc.column("key").where(sql3`state in ('queued', 'running')`).doNothing()
      ).returning("id").executeTakeFirst();
      if (inserted) return inserted.id;
      const holder = await db.selectFrom("jobs").select("id").where("key", "=", job.key).where("state", "in", ["queued", "running"]).executeTakeFirst();
      if (holder) return holder.id;
    }
    throw new AppError("job_enqueue_contended", `Could not enqueue job ${job.name} with key ${job.key}`, {
      kind: "conflict",
      retryable: true
    });
  }
  /**
   * Atomically takes the oldest due job among `names` whose queue has no running job. SQLite: one
   * UPDATE holds the write lock. PostgreSQL: SKIP LOCKED, and the unique index on running jobs
   * per queue refuses a second claimer in the same queue (reported here as "nothing claimed").
   */
  async claim(input) {
    if (input.names.length === 0) return null;
    const candidate = lockSkipLocked(
      this.db.selectFrom("jobs as j").select("j.id").where("j.state", "=", "queued").where("j.run_at", "<=", input.now).where("j.name", "in", input.names).where(
        (eb) => eb.or([
          eb("j.queue", "is", null),
          eb.not(
            eb.exists(
              eb.selectFrom("jobs as r").select("r.id").whereRef("r.queue", "=", "j.queue").where("r.state", "=", "running")
            )
          )
        ])
      ).orderBy("j.run_at").orderBy("j.created_at").limit(1),
      this.dialect
    );
    try {
      const row = await this.db.updateTable("jobs").set((eb) => ({
        state: "running",
        attempts: eb("attempts", "+", 1),
        locked_by: input.workerId,
        locked_at: input.now,
        lease_until: input.leaseUntil,
        updated_at: input.now
      })).where("id", "=", candidate).where("state", "=", "queued").returningAll().executeTakeFirst();
      return row ? toJobInfo(row) : null;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
  /** Extends the lease; false when the job is no longer ours (reclaimed after our lease expired). */
  async renewLease(id, workerId2, leaseUntil, now) {
    const result = await this.db.updateTable("jobs").set({ lease_until: leaseUntil, updated_at: now }).where("id", "=", id).where("state", "=", "running").where("locked_by", "=", workerId2).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
  /** Ends our run of the job; false when it was reclaimed meanwhile (then nothing is written). */
  async exit(id, workerId2, exit, now) {
    const result = await this.db.updateTable("jobs").set({ ...exit, locked_by: null, locked_at: null, lease_until: null, updated_at: now }).where("id", "=", id).where("state", "=", "running").where("locked_by", "=", workerId2).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
  /** Running jobs whose lease ran out: their process died or hung. */
  async expiredLeases(now, limit = 50) {
    const rows2 = await this.db.selectFrom("jobs").selectAll().where("state", "=", "running").where("lease_until", "<", now).limit(limit).execute();
    return rows2.map(toJobInfo);
  }
  /** Takes an expired job away from its dead owner; only one reaper wins. */
  async reclaim(job, exit, now) {
    const result = await this.db.updateTable("jobs").set({ ...exit, locked_by: null, locked_at: null, lease_until: null, updated_at: now }).where("id", "=", job.id).where("state", "=", "running").where("locked_by", "=", job.lockedBy).where("lease_until", "<", now).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
  async findById(id) {
    const row = await this.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toJobInfo(row) : null;
  }
  /** Housekeeping: removes succeeded jobs last touched before `before`. */
  async deleteSucceededBefore(before) {
    const result = await this.db.deleteFrom("jobs").where("state", "=", "succeeded").where("updated_at", "<", before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
};

// src/lib/clock.ts
var systemClock = {
  now: () => /* @__PURE__ */ new Date(),
  nowIso: () => (/* @__PURE__ */ new Date()).toISOString(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};

// src/jobs/job-events.ts
var JobEventHub = class {
  listeners = /* @__PURE__ */ new Set();
  on(listener) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
  emit(event) {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
      }
    }
  }
};

// src/jobs/retry-policy.ts
function isNonRetryable(error) {
  return isAppError(error) && !error.retryable;
}
var ExponentialBackoff = class {
  baseMs;
  factor;
  maxMs;
  jitter;
  random;
  constructor(options = {}) {
    this.baseMs = options.baseMs ?? 1e3;
    this.factor = options.factor ?? 2;
    this.maxMs = options.maxMs ?? 36e5;
    this.jitter = options.jitter ?? 0.25;
    this.random = options.random ?? Math.random;
  }
  nextDelayMs(attempt, error) {
    if (isNonRetryable(error)) return null;
    const raw = Math.min(this.maxMs, this.baseMs * this.factor ** Math.max(0, attempt - 1));
    const spread = raw * this.jitter * (2 * this.random() - 1);
    return Math.max(0, Math.round(raw + spread));
  }
};
var defaultRetryPolicy = new ExponentialBackoff();

// src/jobs/job-execution.ts
var MAX_ERROR_TEXT = 2e3;
function describeError(error) {
  const text5 = isAppError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
  return text5.slice(0, MAX_ERROR_TEXT);
}
function decideAfterFailure(job, error, policy) {
  if (job.attempts >= job.maxAttempts) return { state: "dead" };
  const delayMs = policy.nextDelayMs(job.attempts, error);
  if (delayMs === null) return { state: isNonRetryable(error) ? "failed" : "dead" };
  return { state: "queued", delayMs };
}
function failureExit(job, error, deps) {
  const decision = decideAfterFailure(job, error, deps.retryPolicy);
  const lastError = describeError(error);
  if (decision.state === "queued") {
    const runAt = new Date(deps.clock.now().getTime() + decision.delayMs).toISOString();
    const exit2 = { state: "queued", run_at: runAt, last_error: lastError };
    return { exit: exit2, event: { type: "retry", job, error, delayMs: decision.delayMs } };
  }
  const exit = { state: decision.state, last_error: lastError };
  return { exit, event: { type: "failed", job, error, state: decision.state } };
}
async function executeJob(deps, job, handler, stop) {
  const controller = new AbortController();
  const onStop = () => controller.abort(new AppError("job_runner_stopping", "The job runner is stopping", { kind: "upstream" }));
  if (stop.aborted) onStop();
  else stop.addEventListener("abort", onStop, { once: true });
  const renew = async () => {
    const now = deps.clock.now();
    const until = new Date(now.getTime() + deps.leaseMs).toISOString();
    const owned = await deps.jobs.renewLease(job.id, deps.workerId, until, now.toISOString());
    if (!owned) {
      controller.abort(new AppError("job_lease_lost", "Another runner took over this job", { kind: "conflict" }));
    }
    return owned;
  };
  const timer = setInterval(
    () => {
      renew().catch((error) => deps.events.emit({ type: "runner_error", error }));
    },
    Math.max(10, Math.floor(deps.leaseMs / 3))
  );
  const heartbeat = async () => {
    if (!await renew())
      throw new AppError("job_lease_lost", "Another runner took over this job", { kind: "conflict" });
  };
  const startedAt = Date.now();
  deps.events.emit({ type: "started", job });
  let failure = null;
  try {
    await handler({ job, signal: controller.signal, heartbeat });
  } catch (error) {
    failure = { error };
  } finally {
    clearInterval(timer);
    stop.removeEventListener("abort", onStop);
  }
  if (failure) return recordFailure(deps, job, failure.error, stop.aborted);
  if (await deps.jobs.exit(job.id, deps.workerId, { state: "succeeded", last_error: null }, deps.clock.nowIso())) {
    deps.events.emit({ type: "succeeded", job, durationMs: Date.now() - startedAt });
  }
}
async function recordFailure(deps, job, error, stopping) {
  const now = deps.clock.nowIso();
  if (stopping) {
    const exit2 = {
      state: "queued",
      run_at: now,
      attempts: job.attempts - 1,
      last_error: describeError(error)
    };
    await deps.jobs.exit(job.id, deps.workerId, exit2, now);
    return;
  }
  const { exit, event } = failureExit(job, error, deps);
  if (await deps.jobs.exit(job.id, deps.workerId, exit, now)) deps.events.emit(event);
}

// src/jobs/job-maintenance.ts
var scheduledJobKey = (name, key) => `${name}:${key}`;
async function reclaimExpiredJobs(deps) {
  const now = deps.clock.nowIso();
  let reclaimed = 0;
  for (const job of await deps.jobs.expiredLeases(now)) {
    const error = new AppError("job_lease_expired", `The runner ${job.lockedBy ?? "?"} stopped renewing its lease`, {
      kind: "upstream",
      retryable: true
    });
    const { exit, event } = failureExit(job, error, deps);
    if (await deps.jobs.reclaim(job, exit, now)) {
      reclaimed += 1;
      deps.events.emit(event);
    }
  }
  return reclaimed;
}
function nextRunAt(s, now) {
  const step = s.intervalSeconds * 1e3;
  const planned = Date.parse(s.nextRunAt) + step;
  return new Date(planned > now.getTime() ? planned : now.getTime() + step).toISOString();
}
async function fireDueSchedules(deps, names) {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  let fired = 0;
  for (const s of await deps.schedules.due(nowIso, names)) {
    const won = await transaction(deps.db, async (trx) => {
      if (!await deps.schedules.advance(trx, s, nextRunAt(s, now), nowIso)) return false;
      await deps.jobs.insert(trx, {
        id: newId(),
        name: s.name,
        key: scheduledJobKey(s.name, s.key),
        queue: s.queue,
        payload: s.payload,
        runAt: nowIso,
        maxAttempts: s.maxAttempts ?? deps.defaultMaxAttempts,
        now: nowIso
      });
      return true;
    });
    if (won) fired += 1;
  }
  return fired;
}

// src/jobs/job-loop.ts
var JobLoop = class {
  constructor(deps) {
    this.deps = deps;
    this.names = Object.keys(deps.handlers);
  }
  deps;
  stopController = new AbortController();
  running = /* @__PURE__ */ new Set();
  names;
  wakeUp = null;
  done = null;
  lastMaintenance = 0;
  /** Set by a wake that came while the loop was busy, so the next sleep is skipped. */
  woken = false;
  start() {
    this.done = this.run();
  }
  /** Stops claiming, aborts the running jobs' signals and waits for them. */
  async stop() {
    this.stopController.abort();
    this.wake();
    await this.done;
    await Promise.allSettled([...this.running]);
  }
  wake() {
    this.woken = true;
    this.wakeUp?.();
  }
  get stopped() {
    return this.stopController.signal.aborted;
  }
  async run() {
    while (!this.stopped) {
      try {
        await this.tick();
      } catch (error) {
        this.deps.onError(error);
      }
      if (!this.stopped) await this.sleep(this.deps.pollIntervalMs);
    }
  }
  async tick() {
    if (Date.now() - this.lastMaintenance >= this.deps.pollIntervalMs) {
      this.lastMaintenance = Date.now();
      await this.deps.maintain(this.names);
    }
    while (!this.stopped && this.running.size < this.deps.concurrency) {
      const job = await this.deps.claim(this.names);
      if (!job) return;
      this.launch(job);
    }
  }
  launch(job) {
    const run = this.deps.execute(job, this.stopController.signal).catch((error) => this.deps.onError(error)).finally(() => {
      this.running.delete(run);
      this.wake();
    });
    this.running.add(run);
  }
  sleep(ms) {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeUp = finish;
    });
  }
};

// src/jobs/embedded-job-queue.ts
var EmbeddedJobQueue = class {
  constructor(db, options = {}) {
    this.db = db;
    const clock = options.clock ?? systemClock;
    this.jobs = new JobRepository(db);
    this.schedules = new JobScheduleRepository(db);
    this.exec = {
      jobs: this.jobs,
      clock,
      workerId: options.workerId ?? `${hostname()}:${process.pid}:${newId().slice(0, 8)}`,
      leaseMs: options.leaseMs ?? 3e4,
      retryPolicy: options.retryPolicy ?? defaultRetryPolicy,
      events: this.events
    };
    const defaultMaxAttempts = options.defaultMaxAttempts ?? 10;
    this.scheduling = { db, jobs: this.jobs, schedules: this.schedules, clock, defaultMaxAttempts };
  }
  db;
  jobs;
  schedules;
  events = new JobEventHub();
  exec;
  scheduling;
  loop = null;
  get workerId() {
    return this.exec.workerId;
  }
  async enqueue(name, payload, options = {}) {
    const now = this.exec.clock.nowIso();
    const id = await this.jobs.insert(options.trx ?? this.db, {
      id: newId(),
      name,
      key: options.key ?? null,
      queue: options.queue ?? null,
      payload,
      runAt: options.runAt === void 0 ? now : toIso(options.runAt),
      maxAttempts: positiveInt("maxAttempts", options.maxAttempts ?? this.scheduling.defaultMaxAttempts),
      now
    });
    if (!options.trx) this.loop?.wake();
    return id;
  }
  async schedule(name, options) {
    const interval = positiveInt("intervalSeconds", options.intervalSeconds);
    const now = this.exec.clock.now();
    await this.schedules.upsert({
      id: newId(),
      name,
      key: options.key,
      queue: options.queue ?? null,
      intervalSeconds: interval,
      payload: options.payload,
      maxAttempts: options.maxAttempts ?? null,
      firstRunAt: now.toISOString(),
      latestNextRunAt: new Date(now.getTime() + interval * 1e3).toISOString(),
      now: now.toISOString()
    });
    this.loop?.wake();
  }
  async unschedule(name, key) {
    await this.schedules.delete(name, key);
  }
  async start(options) {
    if (this.loop) throw new AppError("job_runner_running", "This job queue is already running", { kind: "conflict" });
    this.loop = new JobLoop({
      handlers: options.handlers,
      concurrency: positiveInt("concurrency", options.concurrency ?? 4),
      pollIntervalMs: positiveInt("pollIntervalMs", options.pollIntervalMs ?? 1e3),
      maintain: (names) => this.maintain(names),
      claim: (names) => this.claim(names),
      execute: (job, stop) => this.execute(job, options.handlers, stop),
      onError: (error) => this.events.emit({ type: "runner_error", error })
    });
    this.loop.start();
    return Promise.resolve();
  }
  async stop() {
    const loop = this.loop;
    if (!loop) return;
    await loop.stop();
    this.loop = null;
  }
  async runOnce(handlers) {
    const names = Object.keys(handlers);
    await this.maintain(names);
    const job = await this.claim(names);
    if (!job) return null;
    await this.execute(job, handlers, new AbortController().signal);
    return this.getJob(job.id);
  }
  async drain(handlers) {
    let ran = 0;
    while (await this.runOnce(handlers)) ran += 1;
    return ran;
  }
  async getJob(id) {
    const job = await this.jobs.findById(id);
    if (!job) return null;
    const { lockedBy: _l, leaseUntil: _u, ...info } = job;
    return info;
  }
  onEvent(listener) {
    return this.events.on(listener);
  }
  async maintain(names) {
    await reclaimExpiredJobs(this.exec);
    await fireDueSchedules(this.scheduling, names);
  }
  claim(names) {
    const now = this.exec.clock.now();
    return this.jobs.claim({
      names,
      workerId: this.exec.workerId,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + this.exec.leaseMs).toISOString()
    });
  }
  async execute(job, handlers, stop) {
    const handler = handlers[job.name];
    if (!handler) throw new AppError("job_handler_missing", `No handler for job ${job.name}`, { kind: "internal" });
    await executeJob(this.exec, job, handler, stop);
  }
};
function toIso(value) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new AppError("job_invalid_run_at", `Invalid runAt: ${String(value)}`, { kind: "invalid" });
  }
  return date.toISOString();
}
function positiveInt(field, value) {
  if (!Number.isInteger(value) || value < 1) {
    throw new AppError("job_invalid_option", `${field} must be a positive integer`, {
      kind: "invalid",
      details: { field }
    });
  }
  return value;
}

// test/helpers/test-app.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path4 from "node:path";

// src/app/app-context.ts
import { hostname as hostname3 } from "node:os";

// src/db/json-column.ts
function toJson(value) {
  return value === void 0 || value === null ? null : JSON.stringify(value);
}
function fromJson(text5) {
  if (text5 === null || text5 === void 0 || text5 === "") return null;
  return JSON.parse(text5);
}
var toBool = (value) => value ? 1 : 0;
var fromBool = (value) => value === 1 || value === true;

// src/db/audit-log.repository.ts
var AuditLogRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async record(e) {
    await this.db.insertInto("audit_log").values({
      id: newId(),
      account_id: e.accountId,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      before_json: toJson(e.before),
      after_json: toJson(e.after),
      occurred_at: e.at
    }).execute();
  }
  async list(accountId, limit) {
    const rows2 = await this.db.selectFrom("audit_log").select(["action", "entity_id", "actor", "occurred_at"]).where("account_id", "=", accountId).orderBy("occurred_at", "desc").limit(limit).execute();
    return rows2.map((r) => ({ action: r.action, entityId: r.entity_id, actor: r.actor, occurredAt: r.occurred_at }));
  }
};

// src/db/connection.repository.ts
function toConnection(row) {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    marketplaceId: row.marketplace_id,
    sellerId: row.seller_id,
    region: row.region,
    spApiBaseUrl: row.sp_api_base_url,
    lwaUrl: row.lwa_url,
    clientId: row.client_id,
    config: fromJson(row.settings_json),
    active: fromBool(row.active),
    importCursor: row.import_cursor,
    storeId: row.store_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}
var ConnectionRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async insert(c) {
    await this.db.insertInto("connections").values({
      id: c.id,
      account_id: c.accountId,
      name: c.name,
      marketplace_id: c.marketplaceId,
      seller_id: c.sellerId,
      region: c.region,
      sp_api_base_url: c.spApiBaseUrl,
      lwa_url: c.lwaUrl,
      client_id: c.clientId,
      secrets_encrypted: c.secretsSealed,
      settings_json: JSON.stringify(c.config),
      active: toBool(c.active),
      import_cursor: null,
      import_cursor_kind: null,
      store_id: c.storeId ?? null,
      created_at: c.now,
      updated_at: c.now
    }).execute();
    return await this.findById(c.id);
  }
  async findById(id) {
    const row = await this.db.selectFrom("connections").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toConnection(row) : null;
  }
  /** Finds by id or by name within the account, so the CLI can take either. */
  async findByRef(accountId, ref) {
    const row = await this.db.selectFrom("connections").selectAll().where("account_id", "=", accountId).where((eb) => eb.or([eb("id", "=", ref), eb("name", "=", ref)])).executeTakeFirst();
    return row ? toConnection(row) : null;
  }
  async list(accountId) {
    const rows2 = await this.db.selectFrom("connections").selectAll().where("account_id", "=", accountId).orderBy("created_at").orderBy("id").execute();
    return rows2.map(toConnection);
  }
  async listActive() {
    const rows2 = await this.db.selectFrom("connections").selectAll().where("active", "=", 1).execute();
    return rows2.map(toConnection);
  }
  async sealedSecrets(id) {
    const row = await this.db.selectFrom("connections").select("secrets_encrypted").where("id", "=", id).executeTakeFirst();
    return row?.secrets_encrypted ?? null;
  }
  async update(id, patch, now) {
    await this.db.updateTable("connections").set({
      ...patch.name !== void 0 && { name: patch.name },
      ...patch.marketplaceId !== void 0 && { marketplace_id: patch.marketplaceId },
      ...patch.sellerId !== void 0 && { seller_id: patch.sellerId },
      ...patch.region !== void 0 && { region: patch.region },
      ...patch.spApiBaseUrl !== void 0 && { sp_api_base_url: patch.spApiBaseUrl },
      ...patch.lwaUrl !== void 0 && { lwa_url: patch.lwaUrl },
      ...patch.clientId !== void 0 && { client_id: patch.clientId },
      ...patch.config !== void 0 && { settings_json: JSON.stringify(patch.config) },
      ...patch.active !== void 0 && { active: toBool(patch.active) },
      ...patch.secretsSealed !== void 0 && { secrets_encrypted: patch.secretsSealed },
      ...patch.storeId !== void 0 && { store_id: patch.storeId },
      updated_at: now
    }).where("id", "=", id).execute();
  }
  async setCursor(db, id, cursor, now) {
    await db.updateTable("connections").set({ import_cursor: cursor, import_cursor_kind: "last_updated", updated_at: now }).where("id", "=", id).execute();
  }
};

// src/db/database.ts
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql as sql7
} from "kysely";
import pg from "pg";

// src/db/migrator.ts
import { Migrator, sql as sql5 } from "kysely";

// src/db/migrations/2026_11_28_0001_initial.ts
var initial_exports = {};
__export(initial_exports, {
  down: () => down,
  up: () => up
});
async function up(db) {
  await db.schema.createTable("accounts").addColumn("id", "text", (c) => c.primaryKey()).addColumn("name", "text", (c) => c.notNull()).addColumn("created_at", "text", (c) => c.notNull()).execute();
  await db.schema.createTable("connections").addColumn("id", "text", (c) => c.primaryKey()).addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade")).addColumn("name", "text", (c) => c.notNull()).addColumn("marketplace_id", "text", (c) => c.notNull()).addColumn("seller_id", "text", (c) => c.notNull()).addColumn("region", "text", (c) => c.notNull()).addColumn("sp_api_base_url", "text", (c) => c.notNull()).addColumn("lwa_url", "text", (c) => c.notNull()).addColumn("client_id", "text", (c) => c.notNull()).addColumn("secrets_encrypted", "text", (c) => c.notNull()).addColumn("settings_json", "text", (c) => c.notNull()).addColumn("active", "integer", (c) => c.notNull().defaultTo(1)).addColumn("import_cursor", "text").addColumn("import_cursor_kind", "text").addColumn("import_lock_owner", "text").addColumn("import_lock_until", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).addUniqueConstraint("connections_account_name_uq", ["account_id", "name"]).execute();
  await createOrders(db);
  await createOrderLines(db);
  await db.schema.createTable("order_events").addColumn("id", "text", (c) => c.primaryKey()).addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade")).addColumn("connection_id", "text", (c) => c.notNull()).addColumn("occurred_at", "text", (c) => c.notNull()).addColumn("direction", "text", (c) => c.notNull()).addColumn("kind", "text", (c) => c.notNull()).addColumn("summary", "text", (c) => c.notNull()).addColumn("payload_json", "text").execute();
  await db.schema.createIndex("order_events_order_time_idx").on("order_events").columns(["order_id", "occurred_at"]).execute();
  await createSyncRuns(db);
  await db.schema.createTable("sku_links").addColumn("id", "text", (c) => c.primaryKey()).addColumn("connection_id", "text", (c) => c.notNull().references("connections.id").onDelete("cascade")).addColumn("amazon_sku", "text", (c) => c.notNull()).addColumn("product_ref", "text", (c) => c.notNull()).addColumn("created_at", "text", (c) => c.notNull()).addUniqueConstraint("sku_links_connection_sku_uq", ["connection_id", "amazon_sku"]).execute();
  await db.schema.createTable("audit_log").addColumn("id", "text", (c) => c.primaryKey()).addColumn("account_id", "text").addColumn("actor", "text", (c) => c.notNull()).addColumn("action", "text", (c) => c.notNull()).addColumn("entity", "text", (c) => c.notNull()).addColumn("entity_id", "text").addColumn("before_json", "text").addColumn("after_json", "text").addColumn("occurred_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("audit_log_account_time_idx").on("audit_log").columns(["account_id", "occurred_at"]).execute();
}
async function createOrders(db) {
  let t = db.schema.createTable("orders").addColumn("id", "text", (c) => c.primaryKey()).addColumn("connection_id", "text", (c) => c.notNull().references("connections.id").onDelete("cascade")).addColumn("amazon_order_id", "text", (c) => c.notNull()).addColumn("seller_order_id", "text").addColumn("marketplace_id", "text", (c) => c.notNull()).addColumn("amazon_status", "text").addColumn("status", "text", (c) => c.notNull()).addColumn("fulfillment_channel", "text").addColumn("created_time", "text").addColumn("last_updated_time", "text").addColumn("currency", "text");
  for (const money2 of ["amazon_total", "total_net", "total_tax", "total_gross", "excluded_tax", "adjustment"]) {
    t = t.addColumn(money2, "text");
  }
  for (const json of ["buyer_json", "shipping_address_json", "flags_json", "raw_json", "content_hash"]) {
    t = t.addColumn(json, "text");
  }
  await t.addColumn("skipped", "integer", (c) => c.notNull().defaultTo(0)).addColumn("skip_reason", "text").addColumn("hold_reason", "text").addColumn("error_code", "text").addColumn("error_message", "text").addColumn("store_state", "text").addColumn("store_order_ref", "text").addColumn("imported_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).addUniqueConstraint("orders_connection_amazon_id_uq", ["connection_id", "amazon_order_id"]).execute();
  await db.schema.createIndex("orders_connection_created_idx").on("orders").columns(["connection_id", "created_time"]).execute();
  await db.schema.createIndex("orders_connection_status_idx").on("orders").columns(["connection_id", "status"]).execute();
}
async function createOrderLines(db) {
  await db.schema.createTable("order_lines").addColumn("id", "text", (c) => c.primaryKey()).addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade")).addColumn("amazon_order_item_id", "text", (c) => c.notNull()).addColumn("kind", "text", (c) => c.notNull()).addColumn("seller_sku", "text").addColumn("cropped_sku", "text").addColumn("asin", "text").addColumn("title", "text").addColumn("product_ref", "text").addColumn("quantity_ordered", "integer", (c) => c.notNull()).addColumn("quantity_shipped", "integer", (c) => c.notNull().defaultTo(0)).addColumn("quantity_cancelled", "integer", (c) => c.notNull().defaultTo(0)).addColumn("unit_net", "text", (c) => c.notNull()).addColumn("unit_gross", "text", (c) => c.notNull()).addColumn("line_net", "text", (c) => c.notNull()).addColumn("line_tax", "text", (c) => c.notNull()).addColumn("line_gross", "text", (c) => c.notNull()).addColumn("tax_rate", "text").addColumn("position", "integer", (c) => c.notNull()).addColumn("data_json", "text").addUniqueConstraint("order_lines_order_item_uq", ["order_id", "amazon_order_item_id"]).execute();
}
async function createSyncRuns(db) {
  let t = db.schema.createTable("sync_runs").addColumn("id", "text", (c) => c.primaryKey()).addColumn("connection_id", "text", (c) => c.notNull().references("connections.id").onDelete("cascade")).addColumn("kind", "text", (c) => c.notNull()).addColumn("trigger", "text", (c) => c.notNull()).addColumn("status", "text", (c) => c.notNull()).addColumn("started_at", "text", (c) => c.notNull()).addColumn("finished_at", "text").addColumn("window_start", "text").addColumn("window_end", "text");
  for (const count3 of [
    "orders_seen",
    "orders_created",
    "orders_updated",
    "orders_unchanged",
    "orders_skipped",
    "orders_failed"
  ]) {
    t = t.addColumn(count3, "integer", (c) => c.notNull().defaultTo(0));
  }
  await t.addColumn("api_calls_json", "text").addColumn("throttled", "integer", (c) => c.notNull().defaultTo(0)).addColumn("error_code", "text").addColumn("error_message", "text").addColumn("progress_json", "text").execute();
  await db.schema.createIndex("sync_runs_connection_started_idx").on("sync_runs").columns(["connection_id", "started_at"]).execute();
}
async function down(db) {
  for (const table of [
    "audit_log",
    "sku_links",
    "sync_runs",
    "order_events",
    "order_lines",
    "orders",
    "connections",
    "accounts"
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

// src/db/migrations/2026_11_28_0002_jobs.ts
var jobs_exports = {};
__export(jobs_exports, {
  down: () => down2,
  up: () => up2
});
import { sql as sql4 } from "kysely";
async function up2(db) {
  await db.schema.createTable("jobs").addColumn("id", "text", (c) => c.primaryKey()).addColumn("name", "text", (c) => c.notNull()).addColumn("key", "text").addColumn("queue", "text").addColumn("payload_json", "text", (c) => c.notNull()).addColumn("state", "text", (c) => c.notNull()).addColumn("run_at", "text", (c) => c.notNull()).addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0)).addColumn("max_attempts", "integer", (c) => c.notNull()).addColumn("last_error", "text").addColumn("locked_by", "text").addColumn("locked_at", "text").addColumn("lease_until", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("jobs_state_run_at_idx").on("jobs").columns(["state", "run_at"]).execute();
  await db.schema.createIndex("jobs_state_lease_idx").on("jobs").columns(["state", "lease_until"]).execute();
  await sql4`create unique index jobs_one_running_per_queue_uq on jobs (queue) where state = 'running'`.execute(db);
  await sql4`create unique index jobs_active_key_uq on jobs (key) where state in ('queued', 'running')`.execute(db);
  await db.schema.createTable("schedules").addColumn("id", "text", (c) => c.primaryKey()).addColumn("name", "text", (c) => c.notNull()).addColumn("key", "text", (c) => c.notNull()).addColumn("queue", "text").addColumn("interval_seconds", "integer", (c) => c.notNull()).addColumn("next_run_at", "text", (c) => c.notNull()).addColumn("payload_json", "text", (c) => c.notNull()).addColumn("max_attempts", "integer").addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).addUniqueConstraint("schedules_name_key_uq", ["name", "key"]).execute();
  await db.schema.createIndex("schedules_next_run_idx").on("schedules").column("next_run_at").execute();
}
async function down2(db) {
  await db.schema.dropTable("schedules").execute();
  await db.schema.dropTable("jobs").execute();
}

// src/db/migrations/2026_11_29_0003_store_side.ts
var store_side_exports = {};
__export(store_side_exports, {
  up: () => up3
});
async function up3(db) {
  await db.schema.createTable("stores").addColumn("id", "text", (c) => c.primaryKey()).addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade")).addColumn("name", "text", (c) => c.notNull()).addColumn("platform", "text", (c) => c.notNull()).addColumn("base_url", "text", (c) => c.notNull()).addColumn("settings_json", "text", (c) => c.notNull()).addColumn("secrets_encrypted", "text", (c) => c.notNull()).addColumn("event_cursor", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).addUniqueConstraint("stores_account_name_uq", ["account_id", "name"]).execute();
  await db.schema.alterTable("connections").addColumn("store_id", "text").execute();
  await db.schema.alterTable("orders").addColumn("store_order_number", "text").execute();
  await db.schema.alterTable("orders").addColumn("store_attempts", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex("orders_store_state_idx").on("orders").columns(["connection_id", "store_state"]).execute();
  await createShipments(db);
  await createCancellations(db);
  await createFeeds(db);
  await createStock(db);
  await createWebhooks(db);
}
async function createShipments(db) {
  await db.schema.createTable("shipments").addColumn("id", "text", (c) => c.primaryKey()).addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade")).addColumn("connection_id", "text", (c) => c.notNull()).addColumn("store_id", "text", (c) => c.notNull()).addColumn("store_ref", "text", (c) => c.notNull()).addColumn("carrier_code", "text", (c) => c.notNull()).addColumn("carrier_name", "text").addColumn("shipping_method", "text").addColumn("tracking_number", "text").addColumn("ship_date", "text", (c) => c.notNull()).addColumn("items_json", "text", (c) => c.notNull()).addColumn("package_reference_id", "text", (c) => c.notNull()).addColumn("state", "text", (c) => c.notNull()).addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0)).addColumn("last_error", "text").addColumn("confirmed_at", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).addUniqueConstraint("shipments_store_ref_uq", ["store_id", "store_ref"]).addUniqueConstraint("shipments_order_package_uq", ["order_id", "package_reference_id"]).execute();
  await db.schema.createIndex("shipments_connection_state_idx").on("shipments").columns(["connection_id", "state"]).execute();
}
async function createCancellations(db) {
  await db.schema.createTable("cancellations").addColumn("id", "text", (c) => c.primaryKey()).addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade")).addColumn("connection_id", "text", (c) => c.notNull()).addColumn("store_id", "text", (c) => c.notNull()).addColumn("store_ref", "text", (c) => c.notNull()).addColumn("items_json", "text", (c) => c.notNull()).addColumn("reason", "text", (c) => c.notNull()).addColumn("state", "text", (c) => c.notNull()).addColumn("feed_id", "text").addColumn("last_error", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).addUniqueConstraint("cancellations_store_ref_uq", ["store_id", "store_ref"]).execute();
  await db.schema.createIndex("cancellations_connection_state_idx").on("cancellations").columns(["connection_id", "state"]).execute();
}
async function createFeeds(db) {
  await db.schema.createTable("feeds").addColumn("id", "text", (c) => c.primaryKey()).addColumn("connection_id", "text", (c) => c.notNull()).addColumn("feed_type", "text", (c) => c.notNull()).addColumn("amazon_feed_id", "text").addColumn("state", "text", (c) => c.notNull()).addColumn("processing_status", "text").addColumn("document", "text", (c) => c.notNull()).addColumn("report_json", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).execute();
}
async function createStock(db) {
  await db.schema.createTable("stock_levels").addColumn("connection_id", "text", (c) => c.notNull()).addColumn("amazon_sku", "text", (c) => c.notNull()).addColumn("product_ref", "text", (c) => c.notNull()).addColumn("store_available", "integer").addColumn("mfn", "integer", (c) => c.notNull().defaultTo(1)).addColumn("pushed_quantity", "integer").addColumn("pushed_at", "text").addColumn("last_error", "text").addColumn("updated_at", "text", (c) => c.notNull()).addPrimaryKeyConstraint("stock_levels_pk", ["connection_id", "amazon_sku"]).execute();
  await db.schema.createIndex("stock_levels_product_idx").on("stock_levels").columns(["product_ref"]).execute();
  await db.schema.createTable("stock_adjustments").addColumn("key", "text", (c) => c.primaryKey()).addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade")).addColumn("product_ref", "text", (c) => c.notNull()).addColumn("delta", "integer", (c) => c.notNull()).addColumn("state", "text", (c) => c.notNull()).addColumn("result_quantity", "integer").addColumn("created_at", "text", (c) => c.notNull()).addColumn("applied_at", "text").execute();
}
async function createWebhooks(db) {
  await db.schema.createTable("webhook_deliveries").addColumn("id", "text", (c) => c.primaryKey()).addColumn("store_id", "text", (c) => c.notNull().references("stores.id").onDelete("cascade")).addColumn("topic", "text", (c) => c.notNull()).addColumn("body", "text", (c) => c.notNull()).addColumn("state", "text", (c) => c.notNull()).addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0)).addColumn("last_status", "integer").addColumn("last_error", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("delivered_at", "text").execute();
}

// src/db/migrator.ts
var migrations = {
  "2026_11_28_0001_initial": initial_exports,
  "2026_11_28_0002_jobs": jobs_exports,
  "2026_11_29_0003_store_side": store_side_exports
};
var provider = { getMigrations: () => Promise.resolve(migrations) };
async function runMigrations(db) {
  const schema = dialectOf(db) === "postgres" ? await currentSchema(db) : void 0;
  const migrator = new Migrator({ db, provider, ...schema !== void 0 && { migrationTableSchema: schema } });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== void 0) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    throw new AppError("db_migration_failed", `Database migration ${failed} failed: ${message}`, {
      kind: "internal",
      retryable: false,
      details: { migration: failed },
      cause: error
    });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
async function currentSchema(db) {
  const { rows: rows2 } = await sql5`select current_schema() as schema`.execute(db);
  const schema = rows2[0]?.schema;
  if (!schema) {
    throw new AppError("db_schema_missing", "The PostgreSQL search_path names no existing schema", {
      kind: "internal",
      retryable: false
    });
  }
  return schema;
}

// src/db/pg-introspector.ts
import {
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  PostgresDialect,
  sql as sql6
} from "kysely";
var SearchPathIntrospector = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async getSchemas() {
    const { rows: rows2 } = await sql6`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows2;
  }
  async getTables(options = { withInternalKyselyTables: false }) {
    const internal = options.withInternalKyselyTables ? [] : [DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE];
    const { rows: rows2 } = await sql6`
      select a.attname as column, a.attnotnull as not_null, a.atthasdef as has_default,
        c.relname as table, c.relkind as table_type, ns.nspname as schema,
        typ.typname as type, dtns.nspname as type_schema,
        col_description(a.attrelid, a.attnum) as column_description,
        pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname) as auto_incrementing
      from pg_catalog.pg_attribute a
        join pg_catalog.pg_class c on a.attrelid = c.oid
        join pg_catalog.pg_namespace ns on c.relnamespace = ns.oid
        join pg_catalog.pg_type typ on a.atttypid = typ.oid
        join pg_catalog.pg_namespace dtns on typ.typnamespace = dtns.oid
      where c.relkind in ('r', 'v', 'p') and ns.nspname = any (current_schemas(false))
        and a.attnum >= 0 and not a.attisdropped
        and not (c.relname = any (${internal}::text[]))
      order by ns.nspname, c.relname, a.attnum`.execute(this.db);
    return toTables(rows2);
  }
  async getMetadata(options) {
    return { tables: await this.getTables(options) };
  }
};
function toTables(rows2) {
  const tables = /* @__PURE__ */ new Map();
  for (const row of rows2) {
    const id = `${row.schema}.${row.table}`;
    let table = tables.get(id);
    if (!table) {
      table = { name: row.table, schema: row.schema, isView: row.table_type === "v", columns: [] };
      tables.set(id, table);
    }
    table.columns.push({
      name: row.column,
      dataType: row.type,
      dataTypeSchema: row.type_schema,
      isNullable: !row.not_null,
      hasDefaultValue: row.has_default,
      isAutoIncrementing: row.auto_incrementing !== null,
      ...row.column_description !== null && { comment: row.column_description }
    });
  }
  return [...tables.values()];
}
var SearchPathPostgresDialect = class extends PostgresDialect {
  createIntrospector(db) {
    return new SearchPathIntrospector(db);
  }
};

// src/db/database.ts
async function createDatabase(config) {
  const handle = config.url ? await openPostgres(config.url, config.poolSize ?? 10) : openSqlite(config.sqlitePath);
  if (config.migrate !== false) {
    try {
      await runMigrations(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}
function openSqlite(file) {
  if (!file) {
    throw new AppError("config_invalid", "Either a PostgreSQL URL or a SQLite file path is required", {
      kind: "invalid"
    });
  }
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}
var STATEMENT_CACHE_SIZE = 256;
function withStatementCache(sqlite) {
  const cache = /* @__PURE__ */ new Map();
  return {
    close: () => sqlite.close(),
    prepare: (query) => {
      let statement = cache.get(query);
      if (statement) {
        cache.delete(query);
      } else {
        statement = sqlite.prepare(query);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value);
      }
      cache.set(query, statement);
      return statement;
    }
  };
}
var ImmediateSqliteDriver = class extends SqliteDriver {
  async beginTransaction(connection) {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
};
var ImmediateSqliteAdapter = class extends SqliteAdapter {
  get supportsTransactionalDdl() {
    return true;
  }
};
var ImmediateSqliteDialect = class extends SqliteDialect {
  constructor(settings) {
    super(settings);
    this.settings = settings;
  }
  settings;
  createDriver() {
    return new ImmediateSqliteDriver(this.settings);
  }
  createAdapter() {
    return new ImmediateSqliteAdapter();
  }
};
async function openPostgres(url, poolSize) {
  if (!isPostgresUrl(url)) {
    throw new AppError("config_invalid", "The database URL must start with postgres:// or postgresql://", {
      kind: "invalid",
      details: { field: "url" }
    });
  }
  const { connectionString, schema } = parsePostgresUrl(url);
  const settings = ["-c TimeZone=UTC", ...schema ? [`-c search_path=${schema}`] : []];
  const pool = new pg.Pool({ connectionString, max: poolSize, options: settings.join(" "), types: pgTypes });
  pool.on("error", () => void 0);
  const db = new Kysely({ dialect: new SearchPathPostgresDialect({ pool }) });
  try {
    if (schema) await ensureSchema(db, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect: "postgres", close: () => db.destroy() };
}
async function ensureSchema(db, schema) {
  try {
    await sql7`create schema if not exists ${sql7.id(schema)}`.execute(db);
  } catch (error) {
    const { rows: rows2 } = await sql7`select 1 from pg_namespace where nspname = ${schema}`.execute(db);
    if (rows2.length === 0) throw error;
  }
}
var pgTypes = {
  getTypeParser: ((oid, format) => {
    if (format === "binary") return pg.types.getTypeParser(oid, "binary");
    switch (oid) {
      case 20:
        return (value) => Number(value);
      case 1184:
        return (value) => pgTimestampToIso(value, true);
      case 1114:
        return (value) => pgTimestampToIso(value, false);
      case 1082:
        return (value) => value;
      default:
        return pg.types.getTypeParser(oid, "text");
    }
  })
};

// src/db/order-row.mapper.ts
function toOrder(row) {
  return {
    id: row.id,
    connectionId: row.connection_id,
    amazonOrderId: row.amazon_order_id,
    sellerOrderId: row.seller_order_id,
    marketplaceId: row.marketplace_id,
    amazonStatus: row.amazon_status,
    status: row.status,
    fulfillmentChannel: row.fulfillment_channel,
    createdTime: row.created_time,
    lastUpdatedTime: row.last_updated_time,
    currency: row.currency,
    totals: {
      net: row.total_net,
      tax: row.total_tax,
      gross: row.total_gross,
      excludedTax: row.excluded_tax,
      adjustment: row.adjustment,
      amazonTotal: row.amazon_total
    },
    buyer: fromJson(row.buyer_json),
    shippingAddress: fromJson(row.shipping_address_json),
    flags: fromJson(row.flags_json),
    raw: fromJson(row.raw_json),
    contentHash: row.content_hash,
    skipReason: row.skip_reason,
    holdReason: row.hold_reason,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    storeState: row.store_state,
    storeOrderRef: row.store_order_ref,
    importedAt: row.imported_at,
    updatedAt: row.updated_at
  };
}
function fromOrder(o) {
  return {
    id: o.id,
    connection_id: o.connectionId,
    amazon_order_id: o.amazonOrderId,
    seller_order_id: o.sellerOrderId,
    marketplace_id: o.marketplaceId,
    amazon_status: o.amazonStatus,
    status: o.status,
    fulfillment_channel: o.fulfillmentChannel,
    created_time: o.createdTime,
    last_updated_time: o.lastUpdatedTime,
    currency: o.currency,
    amazon_total: o.totals.amazonTotal,
    total_net: o.totals.net,
    total_tax: o.totals.tax,
    total_gross: o.totals.gross,
    excluded_tax: o.totals.excludedTax,
    adjustment: o.totals.adjustment,
    buyer_json: toJson(o.buyer),
    shipping_address_json: toJson(o.shippingAddress),
    flags_json: toJson(o.flags),
    raw_json: toJson(o.raw),
    content_hash: o.contentHash,
    skipped: o.status === "skipped" ? 1 : 0,
    skip_reason: o.skipReason,
    hold_reason: o.holdReason,
    error_code: o.errorCode,
    error_message: o.errorMessage,
    store_state: o.storeState,
    store_order_ref: o.storeOrderRef,
    imported_at: o.importedAt,
    updated_at: o.updatedAt
  };
}
function toOrderLine(row) {
  return {
    amazonOrderItemId: row.amazon_order_item_id,
    kind: row.kind,
    sellerSku: row.seller_sku,
    croppedSku: row.cropped_sku,
    asin: row.asin,
    title: row.title ?? "",
    productRef: row.product_ref,
    quantityOrdered: row.quantity_ordered,
    quantityShipped: row.quantity_shipped,
    quantityCancelled: row.quantity_cancelled,
    unitNet: row.unit_net,
    unitGross: row.unit_gross,
    lineNet: row.line_net,
    lineTax: row.line_tax,
    lineGross: row.line_gross,
    taxRate: row.tax_rate,
    position: row.position,
    data: fromJson(row.data_json) ?? {}
  };
}
function fromOrderLine(orderId, id, l) {
  return {
    id,
    order_id: orderId,
    amazon_order_item_id: l.amazonOrderItemId,
    kind: l.kind,
    seller_sku: l.sellerSku,
    cropped_sku: l.croppedSku,
    asin: l.asin,
    title: l.title,
    product_ref: l.productRef,
    quantity_ordered: l.quantityOrdered,
    quantity_shipped: l.quantityShipped,
    quantity_cancelled: l.quantityCancelled,
    unit_net: l.unitNet,
    unit_gross: l.unitGross,
    line_net: l.lineNet,
    line_tax: l.lineTax,
    line_gross: l.lineGross,
    tax_rate: l.taxRate,
    position: l.position,
    data_json: toJson(l.data)
  };
}
function toOrderEvent(row) {
  return {
    id: row.id,
    orderId: row.order_id,
    connectionId: row.connection_id,
    occurredAt: row.occurred_at,
    direction: row.direction,
    kind: row.kind,
    summary: row.summary,
    payload: fromJson(row.payload_json)
  };
}

// src/db/order.repository.ts
var LINE_BATCH = 100;
var LINE_UPDATE_COLUMNS = [
  "kind",
  "seller_sku",
  "cropped_sku",
  "asin",
  "title",
  "quantity_ordered",
  "quantity_shipped",
  "quantity_cancelled",
  "unit_net",
  "unit_gross",
  "line_net",
  "line_tax",
  "line_gross",
  "tax_rate",
  "position",
  "data_json"
];
var OrderRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async findState(db, connectionId, amazonOrderId) {
    const row = await db.selectFrom("orders").select(["id", "content_hash", "last_updated_time", "status", "amazon_status", "error_code", "imported_at"]).where("connection_id", "=", connectionId).where("amazon_order_id", "=", amazonOrderId).executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      contentHash: row.content_hash,
      lastUpdatedTime: row.last_updated_time,
      status: row.status,
      amazonStatus: row.amazon_status,
      errorCode: row.error_code,
      importedAt: row.imported_at
    };
  }
  /** Inserts or replaces the order row (keyed by connection + Amazon order id). */
  async upsertOrder(db, order) {
    const row = fromOrder(order);
    const {
      id: _id,
      connection_id: _c,
      amazon_order_id: _a,
      imported_at: _i,
      store_state: _s,
      store_order_ref: _r,
      hold_reason: _h,
      ...changes
    } = row;
    await db.insertInto("orders").values(row).onConflict((oc) => oc.columns(["connection_id", "amazon_order_id"]).doUpdateSet(changes)).execute();
  }
  /** Makes the stored lines equal `lines`, keeping row ids of lines that stay (keyed by Amazon item id). */
  async replaceLines(db, orderId, lines, fresh = false) {
    if (!fresh) await this.deleteLinesNotIn(db, orderId, lines);
    await this.upsertLines(db, orderId, lines);
  }
  async deleteLinesNotIn(db, orderId, lines) {
    const keep = lines.map((l) => l.amazonOrderItemId);
    let stale = db.deleteFrom("order_lines").where("order_id", "=", orderId);
    if (keep.length > 0 && keep.length <= 500) stale = stale.where("amazon_order_item_id", "not in", keep);
    if (keep.length <= 500) await stale.execute();
    else {
      const existing = await db.selectFrom("order_lines").select("amazon_order_item_id").where("order_id", "=", orderId).execute();
      const keepSet = new Set(keep);
      const gone = existing.map((r) => r.amazon_order_item_id).filter((id) => !keepSet.has(id));
      for (let i = 0; i < gone.length; i += LINE_BATCH) {
        await db.deleteFrom("order_lines").where("order_id", "=", orderId).where("amazon_order_item_id", "in", gone.slice(i, i + LINE_BATCH)).execute();
      }
    }
  }
  async upsertLines(db, orderId, lines) {
    for (let i = 0; i < lines.length; i += LINE_BATCH) {
      const rows2 = lines.slice(i, i + LINE_BATCH).map((l) => fromOrderLine(orderId, newId(), l));
      await db.insertInto("order_lines").values(rows2).onConflict(
        (oc) => oc.columns(["order_id", "amazon_order_item_id"]).doUpdateSet(setFromExcluded(LINE_UPDATE_COLUMNS))
      ).execute();
    }
  }
  async addEvent(db, event) {
    await db.insertInto("order_events").values({
      id: newId(),
      order_id: event.orderId,
      connection_id: event.connectionId,
      occurred_at: event.occurredAt,
      direction: event.direction,
      kind: event.kind,
      summary: event.summary,
      payload_json: toJson(event.payload)
    }).execute();
  }
  async findById(id, db = this.db) {
    const row = await db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toOrder(row) : null;
  }
  async findByAmazonId(connectionIds, amazonOrderId) {
    if (connectionIds.length === 0) return null;
    const row = await this.db.selectFrom("orders").selectAll().where("connection_id", "in", connectionIds).where("amazon_order_id", "=", amazonOrderId).executeTakeFirst();
    return row ? toOrder(row) : null;
  }
  async lines(orderId, db = this.db) {
    const rows2 = await db.selectFrom("order_lines").selectAll().where("order_id", "=", orderId).orderBy("position").execute();
    return rows2.map(toOrderLine);
  }
  async events(orderId) {
    const rows2 = await this.db.selectFrom("order_events").selectAll().where("order_id", "=", orderId).orderBy("occurred_at").orderBy("id").execute();
    return rows2.map(toOrderEvent);
  }
  async list(filter) {
    if (filter.connectionIds.length === 0) return { orders: [], total: 0 };
    let q = this.db.selectFrom("orders").where("connection_id", "in", filter.connectionIds);
    if (filter.status) q = q.where("status", "=", filter.status);
    if (filter.amazonStatus) q = q.where("amazon_status", "=", filter.amazonStatus);
    if (filter.search) {
      const term = `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb("amazon_order_id", "like", term), eb("seller_order_id", "like", term)]));
    }
    const countRow = await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
    const rows2 = await q.selectAll().orderBy("created_time", "desc").orderBy("amazon_order_id").limit(filter.limit).offset(filter.offset).execute();
    return { orders: rows2.map(toOrder), total: Number(countRow?.n ?? 0) };
  }
  async listFailed(connectionId, limit) {
    const rows2 = await this.db.selectFrom("orders").selectAll().where("connection_id", "=", connectionId).where("error_code", "is not", null).orderBy("updated_at").limit(limit).execute();
    return rows2.map(toOrder);
  }
};

// src/db/sku-link.repository.ts
var SkuLinkRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async linksFor(connectionId, amazonSkus) {
    const links = /* @__PURE__ */ new Map();
    const unique = [...new Set(amazonSkus)];
    for (let i = 0; i < unique.length; i += 200) {
      const rows2 = await this.db.selectFrom("sku_links").select(["amazon_sku", "product_ref"]).where("connection_id", "=", connectionId).where("amazon_sku", "in", unique.slice(i, i + 200)).execute();
      for (const r of rows2) links.set(r.amazon_sku, r.product_ref);
    }
    return links;
  }
  async recentSkus(connectionId, limit) {
    const rows2 = await this.db.selectFrom("order_lines").innerJoin("orders", "orders.id", "order_lines.order_id").select("order_lines.seller_sku").distinct().where("orders.connection_id", "=", connectionId).where("order_lines.kind", "=", "item").where("order_lines.seller_sku", "is not", null).orderBy("order_lines.seller_sku").limit(limit).execute();
    return rows2.map((r) => r.seller_sku).filter((s) => s !== null);
  }
  /** Creates or replaces the link of an Amazon SKU. */
  async link(connectionId, amazonSku, productRef, now) {
    await this.db.insertInto("sku_links").values({
      id: newId(),
      connection_id: connectionId,
      amazon_sku: amazonSku,
      product_ref: productRef,
      created_at: now
    }).onConflict(
      (oc) => oc.columns(["connection_id", "amazon_sku"]).doUpdateSet({ product_ref: productRef, created_at: now })
    ).execute();
  }
  async unlink(connectionId, amazonSku) {
    const r = await this.db.deleteFrom("sku_links").where("connection_id", "=", connectionId).where("amazon_sku", "=", amazonSku).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
  async list(connectionId) {
    const rows2 = await this.db.selectFrom("sku_links").select(["amazon_sku", "product_ref", "created_at"]).where("connection_id", "=", connectionId).orderBy("amazon_sku").execute();
    return rows2.map((r) => ({ amazonSku: r.amazon_sku, productRef: r.product_ref, createdAt: r.created_at }));
  }
};

// src/db/sync-run.repository.ts
function toSyncRun(r) {
  return {
    id: r.id,
    connectionId: r.connection_id,
    kind: r.kind,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    ordersSeen: r.orders_seen,
    ordersCreated: r.orders_created,
    ordersUpdated: r.orders_updated,
    ordersUnchanged: r.orders_unchanged,
    ordersSkipped: r.orders_skipped,
    ordersFailed: r.orders_failed,
    apiCalls: fromJson(r.api_calls_json) ?? {},
    throttled: r.throttled,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    progress: fromJson(r.progress_json)
  };
}
var SyncRunRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async start(run) {
    await this.db.insertInto("sync_runs").values({
      id: run.id,
      connection_id: run.connectionId,
      kind: run.kind,
      trigger: run.trigger,
      status: "running",
      started_at: run.startedAt,
      finished_at: null,
      window_start: null,
      window_end: null,
      orders_seen: 0,
      orders_created: 0,
      orders_updated: 0,
      orders_unchanged: 0,
      orders_skipped: 0,
      orders_failed: 0,
      api_calls_json: "{}",
      throttled: 0,
      error_code: null,
      error_message: null,
      progress_json: null
    }).execute();
  }
  async progress(db, id, p) {
    await db.updateTable("sync_runs").set({
      window_start: p.windowStart,
      orders_seen: p.ordersSeen,
      orders_created: p.ordersCreated,
      orders_updated: p.ordersUpdated,
      orders_unchanged: p.ordersUnchanged,
      orders_skipped: p.ordersSkipped,
      orders_failed: p.ordersFailed,
      api_calls_json: toJson(p.apiCalls),
      throttled: p.throttled,
      progress_json: toJson({ pages: p.pages, orders: p.ordersSeen })
    }).where("id", "=", id).execute();
  }
  async finish(db, id, f) {
    await db.updateTable("sync_runs").set({
      status: f.status,
      finished_at: f.finishedAt,
      window_end: f.windowEnd,
      error_code: f.errorCode,
      error_message: f.errorMessage
    }).where("id", "=", id).execute();
  }
  async findById(id) {
    const r = await this.db.selectFrom("sync_runs").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toSyncRun(r) : null;
  }
  async list(connectionIds, limit) {
    if (connectionIds.length === 0) return [];
    const rows2 = await this.db.selectFrom("sync_runs").selectAll().where("connection_id", "in", connectionIds).orderBy("started_at", "desc").orderBy("id", "desc").limit(limit).execute();
    return rows2.map(toSyncRun);
  }
  /** Runs left 'running' by a process that died are marked failed when a new run starts. */
  async failAbandoned(connectionId, now) {
    await this.db.updateTable("sync_runs").set({
      status: "failed",
      finished_at: now,
      error_code: "sync_interrupted",
      error_message: "The process running this sync stopped before it finished; the next run re-read the window."
    }).where("connection_id", "=", connectionId).where("status", "=", "running").execute();
  }
};

// src/lib/logger.ts
import { pino } from "pino";
var REDACTED_PATHS = [
  "*.clientSecret",
  "*.refreshToken",
  "*.accessToken",
  "*.secret",
  "*.password",
  '*["x-amz-access-token"]',
  "clientSecret",
  "refreshToken",
  "accessToken"
];
function createLogger(level = "info") {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } }, pino.destination(2));
}
var silentLogger = pino({ level: "silent" });

// src/amazon/marketplaces.ts
var ROWS = [
  ["A2EUQ1WTGCTBG2", "CA", "Amazon.ca", "NA", "CAD", false],
  ["ATVPDKIKX0DER", "US", "Amazon.com", "NA", "USD", false],
  ["A1AM78C64UM0Y8", "MX", "Amazon.com.mx", "NA", "MXN", false],
  ["A2Q3Y263D00KWC", "BR", "Amazon.com.br", "NA", "BRL", false],
  ["A28R8C7NBKEWEA", "IE", "Amazon.ie", "EU", "EUR", true],
  ["A1RKKUPIHCS9HS", "ES", "Amazon.es", "EU", "EUR", true],
  ["A1F83G8C2ARO7P", "UK", "Amazon.co.uk", "EU", "GBP", true],
  ["A13V1IB3VIYZZH", "FR", "Amazon.fr", "EU", "EUR", true],
  ["AMEN7PMS3EDWL", "BE", "Amazon.com.be", "EU", "EUR", true],
  ["A1805IZSGTT6HS", "NL", "Amazon.nl", "EU", "EUR", true],
  ["A1PA6795UKMFR9", "DE", "Amazon.de", "EU", "EUR", true],
  ["APJ6JRA9NG5V4", "IT", "Amazon.it", "EU", "EUR", true],
  ["A2NODRKZP88ZB9", "SE", "Amazon.se", "EU", "SEK", true],
  ["AE08WJ6YKNBMC", "ZA", "Amazon.co.za", "EU", "ZAR", true],
  ["A1C3SOZRARQ6R3", "PL", "Amazon.pl", "EU", "PLN", true],
  ["ARBP9OOSHTCHU", "EG", "Amazon.eg", "EU", "EGP", true],
  ["A33AVAJ2PDY3EV", "TR", "Amazon.com.tr", "EU", "TRY", true],
  ["A17E79C6D8DWNP", "SA", "Amazon.sa", "EU", "SAR", true],
  ["A2VIGQ35RCS4UG", "AE", "Amazon.ae", "EU", "AED", true],
  ["A21TJRUUN4KGV", "IN", "Amazon.in", "EU", "INR", false],
  ["A19VAU5U5O7RUS", "SG", "Amazon.sg", "FE", "SGD", true],
  ["A39IBJ37TRP1C6", "AU", "Amazon.com.au", "FE", "AUD", true],
  ["A1VC38T7YXB528", "JP", "Amazon.co.jp", "FE", "JPY", false]
];
var MARKETPLACES = ROWS.map(
  ([id, countryCode, name, region, currency, taxIncludedDefault]) => ({
    id,
    countryCode,
    name,
    region,
    currency,
    taxIncludedDefault
  })
);
var byId = new Map(MARKETPLACES.map((m) => [m.id, m]));
var byCountry = new Map([
  ...MARKETPLACES.map((m) => [m.countryCode, m]),
  ["GB", byId.get("A1F83G8C2ARO7P")]
]);
function marketplaceById(id) {
  return byId.get(id.trim()) ?? null;
}
function marketplaceByCountryCode(code) {
  return byCountry.get(code.trim().toUpperCase()) ?? null;
}
function marketplaceFor(idOrCountry) {
  return marketplaceById(idOrCountry) ?? marketplaceByCountryCode(idOrCountry);
}
var LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token";
var SP_API_HOSTS = {
  NA: "https://sellingpartnerapi-na.amazon.com",
  EU: "https://sellingpartnerapi-eu.amazon.com",
  FE: "https://sellingpartnerapi-fe.amazon.com"
};
var SP_API_SANDBOX_HOSTS = {
  NA: "https://sandbox.sellingpartnerapi-na.amazon.com",
  EU: "https://sandbox.sellingpartnerapi-eu.amazon.com",
  FE: "https://sandbox.sellingpartnerapi-fe.amazon.com"
};
function regionEndpoints(region, options = {}) {
  return {
    spApiBaseUrl: (options.amazonSandbox ? SP_API_SANDBOX_HOSTS : SP_API_HOSTS)[region],
    lwaUrl: LWA_TOKEN_URL
  };
}
function regionOfSpApiUrl(url) {
  let host;
  try {
    host = new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
  for (const region of ["NA", "EU", "FE"]) {
    if (host === new URL(SP_API_HOSTS[region]).host) return { region, amazonSandbox: false };
    if (host === new URL(SP_API_SANDBOX_HOSTS[region]).host) return { region, amazonSandbox: true };
  }
  return null;
}

// src/lib/secret-box.ts
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
var SecretBox = class {
  key;
  constructor(key) {
    this.key = parseKey(key);
  }
  static generateKey() {
    return randomBytes(32).toString("hex");
  }
  seal(plaintext) {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return ["v1", iv, cipher.getAuthTag(), data].map((p) => typeof p === "string" ? p : p.toString("base64url")).join(":");
  }
  open(sealed) {
    const [version, iv, tag, data] = sealed.split(":");
    if (version !== "v1" || !iv || !tag || data === void 0) {
      throw new AppError("secret_unreadable", "Stored secret has an unknown format", {
        kind: "internal",
        retryable: false
      });
    }
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
    } catch (cause) {
      throw new AppError(
        "secret_unreadable",
        "Stored secret cannot be decrypted: is ORDERBRIDGE_SECRET_KEY the key it was saved with?",
        {
          kind: "internal",
          retryable: false,
          cause
        }
      );
    }
  }
};
function parseKey(key) {
  const buf = /^[0-9a-f]{64}$/i.test(key) ? Buffer.from(key, "hex") : Buffer.from(key, "base64");
  if (buf.length !== 32) {
    throw new AppError("config_invalid", "ORDERBRIDGE_SECRET_KEY must be 32 bytes (64 hex characters or base64)", {
      kind: "invalid"
    });
  }
  return buf;
}
function maskSecret(secret) {
  return secret.length <= 4 ? "****" : `****${secret.slice(-4)}`;
}

// src/sync/connection-input.ts
import { z as z4 } from "zod";
var newConnectionSchema = z4.object({
  name: z4.string().trim().min(1, "name is required").max(100),
  marketplaceId: z4.string().trim().min(1, "marketplace is required (a marketplace id such as A1PA6795UKMFR9 or a country code such as DE)"),
  sellerId: z4.string().trim().regex(/^[A-Z0-9]{8,20}$/, "Seller ID (merchant token) looks like A2EUQ1WTGCTBG2: 8\u201320 capital letters and digits"),
  clientId: z4.string().trim().min(1, "LWA client id is required"),
  clientSecret: z4.string().min(1, "LWA client secret is required"),
  refreshToken: z4.string().trim().regex(
    /^Atzr\|/,
    'the refresh token starts with "Atzr|" (MWS auth tokens "amzn.mws.\u2026" stopped working in 2024: authorise the SP-API app instead)'
  ),
  spApiBaseUrl: z4.url({ protocol: /^https?$/, error: "SP-API base URL must be an http(s) URL" }).optional(),
  lwaUrl: z4.url({ protocol: /^https?$/, error: "LWA token URL must be an http(s) URL" }).optional(),
  active: z4.boolean().optional(),
  /** The store (id or name) that receives this connection's orders. */
  store: z4.string().trim().min(1, "store must be a store id or name").nullable().optional(),
  config: z4.record(z4.string(), z4.unknown()).optional()
});
var connectionUpdateSchema = newConnectionSchema.omit({ config: true }).partial().extend({ config: z4.record(z4.string(), z4.unknown()).optional() });

// src/sync/zod-error.ts
function zodToAppError(code, error) {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const text5 = issues.map((i) => i.path ? `${i.path}: ${i.message}` : i.message).join("; ");
  return new AppError(code, `Invalid input: ${text5}`, { kind: "invalid", details: { issues } });
}

// src/sync/connection.service.ts
var ConnectionService = class {
  constructor(connections, skuLinks, audit, secrets, clock, stores = null) {
    this.connections = connections;
    this.skuLinks = skuLinks;
    this.audit = audit;
    this.secrets = secrets;
    this.clock = clock;
    this.stores = stores;
  }
  connections;
  skuLinks;
  audit;
  secrets;
  clock;
  stores;
  /** The store a connection names (id or name, in the same account); null input = no store. */
  async storeIdFor(accountId, ref) {
    if (ref === null || ref === void 0) return ok(null);
    const store2 = await this.stores?.findByRef(accountId, ref);
    if (!store2) return err(new AppError("store_not_found", `No store "${ref}" in this account`, { kind: "not_found" }));
    return ok(store2.id);
  }
  async add(accountId, input, actor) {
    const parsed = newConnectionSchema.safeParse(input);
    if (!parsed.success) return err(zodToAppError("connection_invalid", parsed.error));
    const c = parsed.data;
    const marketplace = marketplaceFor(c.marketplaceId);
    if (!marketplace) return err(unknownMarketplace(c.marketplaceId));
    if (await this.connections.findByRef(accountId, c.name)) {
      return err(
        new AppError("connection_name_taken", `A connection named "${c.name}" already exists`, { kind: "conflict" })
      );
    }
    const config = parseOrdersConfig(
      { ...c.config ?? {}, ...c.active === void 0 ? {} : { active: c.active } },
      {
        taxIncludedDefault: marketplace.taxIncludedDefault,
        now: this.clock.now()
      }
    );
    if (!config.ok) return err(config.error);
    const storeId = await this.storeIdFor(accountId, c.store);
    if (!storeId.ok) return storeId;
    const endpoints = regionEndpoints(marketplace.region);
    const now = this.clock.nowIso();
    const created = await this.connections.insert({
      id: newId(),
      accountId,
      name: c.name,
      marketplaceId: marketplace.id,
      sellerId: c.sellerId,
      region: marketplace.region,
      spApiBaseUrl: c.spApiBaseUrl ?? endpoints.spApiBaseUrl,
      lwaUrl: c.lwaUrl ?? endpoints.lwaUrl,
      clientId: c.clientId,
      secretsSealed: this.seal({ clientSecret: c.clientSecret, refreshToken: c.refreshToken }),
      config: config.value,
      active: config.value.active,
      storeId: storeId.value,
      now
    });
    await this.audit.record({
      accountId,
      actor,
      action: "connection.created",
      entity: "connection",
      entityId: created.id,
      before: null,
      after: created,
      at: now
    });
    return ok(await this.view(created));
  }
  async list(accountId) {
    const all = await this.connections.list(accountId);
    return Promise.all(all.map((c) => this.view(c)));
  }
  async get(accountId, ref) {
    const found = await this.connections.findByRef(accountId, ref);
    return found ? ok(await this.view(found)) : err(notFound(ref));
  }
  async update(accountId, ref, input, actor) {
    const current = await this.connections.findByRef(accountId, ref);
    if (!current) return err(notFound(ref));
    const parsed = connectionUpdateSchema.safeParse(input);
    if (!parsed.success) return err(zodToAppError("connection_invalid", parsed.error));
    const u = parsed.data;
    const configPatch = { ...u.config ?? {}, ...u.active === void 0 ? {} : { active: u.active } };
    const config = updateOrdersConfig(current.config, configPatch, {
      taxIncludedDefault: current.config.taxIncluded,
      now: this.clock.now()
    });
    if (!config.ok) return err(config.error);
    const patch = { config: config.value, active: config.value.active };
    if (u.name !== void 0) patch.name = u.name;
    if (u.sellerId !== void 0) patch.sellerId = u.sellerId;
    if (u.clientId !== void 0) patch.clientId = u.clientId;
    if (u.spApiBaseUrl !== void 0) patch.spApiBaseUrl = u.spApiBaseUrl;
    if (u.lwaUrl !== void 0) patch.lwaUrl = u.lwaUrl;
    if (u.store !== void 0) {
      const storeId = await this.storeIdFor(accountId, u.store);
      if (!storeId.ok) return storeId;
      patch.storeId = storeId.value;
    }
    if (u.clientSecret !== void 0 || u.refreshToken !== void 0) {
      const old = await this.secretsOf(current.id);
      patch.secretsSealed = this.seal({
        clientSecret: u.clientSecret ?? old.clientSecret,
        refreshToken: u.refreshToken ?? old.refreshToken
      });
    }
    const now = this.clock.nowIso();
    await this.connections.update(current.id, patch, now);
    const updated = await this.connections.findById(current.id);
    await this.audit.record({
      accountId,
      actor,
      action: "connection.updated",
      entity: "connection",
      entityId: current.id,
      before: current,
      after: updated,
      at: now
    });
    return ok(await this.view(updated));
  }
  /** Live preview of SKU crop rules on the connection's recent SKUs (or the ones given). */
  async previewCrop(accountId, ref, rules, skus) {
    const current = await this.connections.findByRef(accountId, ref);
    if (!current) return err(notFound(ref));
    const valid = validateSkuCropRules(rules ?? current.config.skuCrop);
    if (!valid.ok) return err(valid.error);
    const sample = skus && skus.length > 0 ? skus : await this.skuLinks.recentSkus(current.id, 50);
    return ok(previewSkuCrop(valid.value, sample));
  }
  async secretsOf(connectionId) {
    const sealed = await this.connections.sealedSecrets(connectionId);
    if (!sealed)
      throw new AppError("connection_secrets_missing", "The connection has no stored credentials", {
        kind: "invalid",
        retryable: false
      });
    return JSON.parse(this.secrets.open(sealed));
  }
  seal(s) {
    return this.secrets.seal(JSON.stringify(s));
  }
  async view(c) {
    const s = await this.secretsOf(c.id);
    return { ...c, clientSecretHint: maskSecret(s.clientSecret), refreshTokenHint: maskSecret(s.refreshToken) };
  }
};
function notFound(ref) {
  return new AppError("connection_not_found", `No connection "${ref}"`, { kind: "not_found" });
}
function unknownMarketplace(value) {
  return new AppError(
    "marketplace_unknown",
    `Unknown Amazon marketplace "${value}": use a marketplace id (e.g. A1PA6795UKMFR9) or a country code (e.g. DE)`,
    {
      kind: "invalid"
    }
  );
}

// src/sync/import-lock.ts
import { hostname as hostname2 } from "node:os";
var ImportLock = class {
  constructor(db, connectionId, owner, leaseMs) {
    this.db = db;
    this.connectionId = connectionId;
    this.owner = owner;
    this.leaseMs = leaseMs;
  }
  db;
  connectionId;
  owner;
  leaseMs;
  async acquire(now) {
    if (await this.tryTake(now, null)) return true;
    const holder = await this.db.selectFrom("connections").select("import_lock_owner").where("id", "=", this.connectionId).executeTakeFirst();
    const stale = holder?.import_lock_owner;
    return stale ? isDeadLocalProcess(stale) && await this.tryTake(now, stale) : false;
  }
  /** Extends the lease; false when another process took it over (ours had expired). */
  async renew(now) {
    const result = await this.db.updateTable("connections").set({ import_lock_until: this.until(now) }).where("id", "=", this.connectionId).where("import_lock_owner", "=", this.owner).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
  async release() {
    await this.db.updateTable("connections").set({ import_lock_owner: null, import_lock_until: null }).where("id", "=", this.connectionId).where("import_lock_owner", "=", this.owner).execute();
  }
  /** Compare-and-set: free or expired lease, or exactly the dead holder we saw. */
  async tryTake(now, deadHolder) {
    const result = await this.db.updateTable("connections").set({ import_lock_owner: this.owner, import_lock_until: this.until(now) }).where("id", "=", this.connectionId).where(
      (eb) => deadHolder !== null ? eb("import_lock_owner", "=", deadHolder) : eb.or([eb("import_lock_until", "is", null), eb("import_lock_until", "<", now.toISOString())])
    ).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
  until(now) {
    return new Date(now.getTime() + this.leaseMs).toISOString();
  }
};
function isDeadLocalProcess(owner) {
  const [host, pidText] = owner.split(":");
  const pid = Number(pidText);
  if (host !== hostname2() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === "ESRCH";
  }
}

// src/sync/build-order.ts
import { createHash } from "node:crypto";

// src/domain/money.ts
import BigJs from "big.js";
var Big = BigJs();
Big.DP = 30;
Big.RM = Big.roundHalfUp;
Big.strict = true;
var PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
function parseDecimal(value) {
  if (typeof value === "string" && value.length <= 60 && PLAIN_DECIMAL.test(value)) return ok(value);
  const shown = typeof value === "string" ? `"${value.slice(0, 60)}"` : String(value);
  return err(
    new AppError("money_invalid_decimal", `${shown} is not a plain decimal amount (expected e.g. "12.30" or "-5")`, {
      kind: "invalid",
      details: { value: typeof value === "string" ? value.slice(0, 60) : typeof value }
    })
  );
}
function big(value) {
  const parsed = parseDecimal(value);
  if (!parsed.ok) throw parsed.error;
  return new Big(parsed.value);
}
function str(value, decimals) {
  const out = decimals === void 0 ? value.toFixed() : value.toFixed(decimals);
  return value.eq("0") ? out.replace(/^-/, "") : out;
}
var add = (a, b) => str(big(a).plus(big(b)));
var sub = (a, b) => str(big(a).minus(big(b)));
var mul = (a, b) => str(big(a).times(big(b)));
var neg = (a) => str(big(a).neg());
var abs = (a) => str(big(a).abs());
var isZero = (a) => big(a).eq("0");
var isNegative = (a) => big(a).lt("0");
var compare = (a, b) => big(a).cmp(big(b));
var equals = (a, b) => big(a).eq(big(b));
function sum(values) {
  let total = new Big("0");
  for (const v of values) total = total.plus(big(v));
  return str(total);
}
function divisor(b) {
  const d = big(b);
  if (d.eq("0"))
    throw new AppError("money_division_by_zero", "Division by zero", { kind: "internal", retryable: false });
  return d;
}
function div(a, b, decimals = 10) {
  return str(big(a).div(divisor(b)).round(decimals, Big.roundHalfUp), decimals);
}
function quotient(a, b, minDecimals, maxDecimals) {
  const exact = big(a).div(divisor(b));
  const rounded = exact.round(maxDecimals, Big.roundHalfUp);
  const decimalsUsed = Math.max(0, rounded.c.length - rounded.e - 1);
  return str(rounded, Math.max(minDecimals, Math.min(decimalsUsed, maxDecimals)));
}
function roundTo(amount, decimals) {
  return str(big(amount).round(decimals, Big.roundHalfUp), decimals);
}
var MINOR_UNITS = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4
};
function minorUnits(currency) {
  if (currency === null) return 2;
  return MINOR_UNITS[currency.toUpperCase()] ?? 2;
}
function smallestUnit(decimals) {
  return decimals <= 0 ? "1" : `0.${"0".repeat(decimals - 1)}1`;
}

// src/domain/money-line.ts
var UNIT_PRICE_MAX_DECIMALS = 4;
function splitComponent(amount, tax, t, decimals) {
  const a = roundTo(amount, decimals);
  const tx = roundTo(tax, decimals);
  const zero2 = roundTo("0", decimals);
  if (t.excludeTax) {
    const net = t.taxIncluded ? roundTo(sub(a, tx), decimals) : a;
    return { net, tax: zero2, gross: net, excluded: tx };
  }
  if (t.ignoreAmazonTax) {
    return { net: a, tax: zero2, gross: a, excluded: t.taxIncluded ? zero2 : tx };
  }
  if (t.taxIncluded) return { net: roundTo(sub(a, tx), decimals), tax: tx, gross: a, excluded: zero2 };
  return { net: a, tax: tx, gross: roundTo(add(a, tx), decimals), excluded: zero2 };
}
function negateComponent(c, decimals) {
  return {
    net: roundTo(neg(c.net), decimals),
    tax: roundTo(neg(c.tax), decimals),
    gross: roundTo(neg(c.gross), decimals),
    excluded: roundTo(neg(c.excluded), decimals)
  };
}
function addComponents(a, b, decimals) {
  return {
    net: roundTo(add(a.net, b.net), decimals),
    tax: roundTo(add(a.tax, b.tax), decimals),
    gross: roundTo(add(a.gross, b.gross), decimals),
    excluded: roundTo(add(a.excluded, b.excluded), decimals)
  };
}
function deriveTaxRate(tax, net, decimals = 4) {
  if (isZero(net)) return null;
  if (isZero(tax)) return roundTo("0", decimals);
  if (isNegative(tax) !== isNegative(net)) return null;
  return div(mul(abs(tax), "100"), abs(net), decimals);
}
function unitPrice(lineAmount, quantity, decimals) {
  if (!Number.isInteger(quantity) || quantity <= 0) return roundTo("0", decimals);
  return quotient(lineAmount, String(quantity), decimals, Math.max(decimals, UNIT_PRICE_MAX_DECIMALS));
}
function makeLine(input, decimals) {
  const { money: money2 } = input;
  return {
    kind: input.kind,
    orderItemId: input.orderItemId,
    description: input.description,
    quantity: input.quantity,
    unitNet: unitPrice(money2.net, input.quantity, decimals),
    unitGross: unitPrice(money2.gross, input.quantity, decimals),
    lineNet: money2.net,
    lineTax: money2.tax,
    lineGross: money2.gross,
    taxRate: deriveTaxRate(money2.tax, money2.net),
    excludedTax: money2.excluded
  };
}

// src/domain/order-money-items.ts
var hasMoney = (c) => !isZero(c.amount) || !isZero(c.tax);
function itemLabel(item) {
  return item.title ?? item.sellerSku ?? item.asin ?? item.orderItemId;
}
function unpricedLines(item, label, d) {
  const zero2 = roundTo("0", d);
  const money2 = { net: zero2, tax: zero2, gross: zero2, excluded: zero2 };
  const line = {
    kind: "item",
    orderItemId: item.orderItemId,
    description: label,
    quantity: item.quantityOrdered
  };
  return {
    lines: [makeLine({ ...line, money: money2 }, d)],
    warnings: [
      `Item ${item.orderItemId} (${label}) is not priced yet (Amazon withholds prices while Pending): written at zero.`
    ],
    priced: false,
    amazonTax: []
  };
}
function buildItemLines(order, item, options, d) {
  const label = itemLabel(item);
  if (item.money === null) return unpricedLines(item, label, d);
  const m = item.money;
  const treatment = {
    taxIncluded: options.taxIncluded,
    ignoreAmazonTax: options.ignoreAmazonTax,
    excludeTax: order.isReplacement || item.taxCollectedByAmazon && options.facilitatorTax === "drop"
  };
  const split = (c) => splitComponent(c.amount, c.tax, treatment, d);
  const out = { lines: [], warnings: [], priced: true, amazonTax: [] };
  const push = (kind, description, money2, quantity = 1) => {
    out.lines.push(makeLine({ kind, orderItemId: item.orderItemId, description, quantity, money: money2 }, d));
  };
  const charge = (kind, c, description, sign = 1) => {
    out.amazonTax.push(sign === 1 ? c.tax : neg(c.tax));
    if (hasMoney(c)) push(kind, description, sign === 1 ? split(c) : negateComponent(split(c), d));
  };
  out.amazonTax.push(m.item.tax);
  push("item", label, split(m.item), item.quantityOrdered);
  if (item.quantityOrdered === 0) {
    out.warnings.push(`Item ${item.orderItemId} (${label}) has quantity 0: amounts kept, unit price 0.`);
  }
  const promoIds = item.promotionIds.length > 0 ? ` ${item.promotionIds.join(", ")}` : "";
  charge("promotion", m.promotionDiscount, `Promotion${promoIds} \u2013 ${label}`, -1);
  const service = order.serviceLevel ? ` (${order.serviceLevel})` : "";
  charge("shipping", m.shipping, `Shipping${service} \u2013 ${label}`);
  charge("shipping_discount", m.shippingDiscount, `Shipping discount \u2013 ${label}`, -1);
  charge("gift_wrap", m.giftWrap, `Gift wrap${item.giftWrapLevel ? ` (${item.giftWrapLevel})` : ""} \u2013 ${label}`);
  const cod = codFee(m, split, d, label);
  if (cod) {
    out.amazonTax.push(...cod.amazonTax);
    push("cod_fee", cod.description, cod.money);
  }
  charge("other", m.other, `Other charge \u2013 ${label}`);
  if (treatment.excludeTax && out.amazonTax.some((t) => !isZero(t))) {
    const why = order.isReplacement ? "replacement order" : "tax collected and remitted by Amazon";
    out.warnings.push(`Item ${item.orderItemId} (${label}): tax not carried on the store order (${why}).`);
  }
  return out;
}
function codFee(m, split, d, label) {
  const discount = m.codFeeDiscount;
  if (discount === void 0 || !hasMoney(discount)) {
    if (!hasMoney(m.codFee)) return null;
    return { money: split(m.codFee), description: `Cash on delivery fee \u2013 ${label}`, amazonTax: [m.codFee.tax] };
  }
  return {
    money: addComponents(split(m.codFee), negateComponent(split(discount), d), d),
    description: `Cash on delivery fee ${m.codFee.amount} less discount ${discount.amount} \u2013 ${label}`,
    amazonTax: [m.codFee.tax, neg(discount.tax)]
  };
}

// src/domain/order-money.ts
function computeOrderMoney(order, options) {
  const d = minorUnits(order.currency);
  const collected = collectLines(order, options, d);
  const { lines, warnings } = collected;
  const amazonTotal = order.amazonTotal === null ? null : roundTo(checked2(order.amazonTotal), d);
  const totals = sumLines(lines, d, amazonTotal);
  const result = { currency: order.currency, lines, totals, warnings };
  if (amazonTotal === null) {
    if (collected.allPriced && order.items.length > 0) {
      warnings.push("Amazon sent no order total: the store total can't be checked.");
    }
    return result;
  }
  if (!collected.allPriced) return result;
  const difference = roundTo(sub(sub(amazonTotal, totals.excludedTax), totals.gross), d);
  if (isZero(difference)) return result;
  if (compare(abs(difference), mul(smallestUnit(d), String(lines.length))) > 0) {
    warnings.push(explainDifference(difference, sum(collected.amazonTax), options, amazonTotal, totals.gross));
  }
  lines.push(adjustmentLine(difference, amazonTotal, d));
  return { ...result, totals: sumLines(lines, d, amazonTotal, difference) };
}
function collectLines(order, options, d) {
  const out = { lines: [], warnings: [], amazonTax: [], allPriced: true };
  for (const item of order.items) {
    const built = buildItemLines(order, item, options, d);
    out.lines.push(...built.lines);
    out.warnings.push(...built.warnings);
    out.amazonTax.push(...built.amazonTax);
    out.allPriced &&= built.priced;
  }
  if (order.currency === null && out.lines.some((l) => !isZero(l.lineGross))) {
    out.warnings.push("Amazon sent no currency for this order: amounts are rounded to 2 decimals.");
  }
  return out;
}
function adjustmentLine(difference, amazonTotal, d) {
  const zero2 = roundTo("0", d);
  const money2 = { net: difference, tax: zero2, gross: difference, excluded: zero2 };
  const description = `Adjustment to Amazon's total ${amazonTotal}`;
  return { ...makeLine({ kind: "adjustment", orderItemId: null, description, quantity: 1, money: money2 }, d), taxRate: null };
}
function checked2(value) {
  const parsed = parseDecimal(value);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}
function sumLines(lines, d, amazonTotal, adjustment = "0") {
  return {
    net: roundTo(sum(lines.map((l) => l.lineNet)), d),
    tax: roundTo(sum(lines.map((l) => l.lineTax)), d),
    gross: roundTo(sum(lines.map((l) => l.lineGross)), d),
    excludedTax: roundTo(sum(lines.map((l) => l.excludedTax)), d),
    adjustment: roundTo(adjustment, d),
    amazonTotal
  };
}
function explainDifference(difference, amazonTax, options, amazonTotal, linesGross) {
  const head = `Amazon's total ${amazonTotal} differs from the sum of the lines ${linesGross} by ${difference} (more than rounding); an adjustment line makes up the difference.`;
  if (!isZero(amazonTax) && options.taxIncluded && equals(difference, amazonTax)) {
    return `${head} The gap equals Amazon's tax: this marketplace's prices look net, so "Tax is included in prices" should probably be "no".`;
  }
  if (!isZero(amazonTax) && !options.taxIncluded && equals(difference, neg(amazonTax))) {
    return `${head} The gap equals minus Amazon's tax: this marketplace's prices look tax-inclusive, so "Tax is included in prices" should probably be "yes".`;
  }
  return `${head} The tax-included setting may not match this marketplace, or Amazon charged something OrderBridge does not know about.`;
}

// src/sync/build-order.ts
function buildOrder(connection, amazon, raw, currentStatus, skuLinks) {
  const config = connection.config;
  const selected = config.orderTypes.includes(amazon.fulfillmentChannel);
  const transition2 = selected ? nextStatus(currentStatus, amazon) : null;
  const status = !selected ? "skipped" : transition2?.legal ? transition2.status : currentStatus ?? "failed";
  const money2 = computeOrderMoney(amazon, {
    taxIncluded: config.taxIncluded,
    ignoreAmazonTax: config.ignoreAmazonTax,
    facilitatorTax: config.facilitatorTax
  });
  const items = new Map(amazon.items.map((i) => [i.orderItemId, i]));
  const lines = money2.lines.map((m, position) => toOrderLine2(m, position, items, config.skuCrop, skuLinks));
  return {
    order: {
      connectionId: connection.id,
      amazonOrderId: amazon.amazonOrderId,
      sellerOrderId: amazon.sellerOrderId,
      marketplaceId: amazon.marketplaceId,
      amazonStatus: amazon.status,
      status,
      fulfillmentChannel: amazon.fulfillmentChannel,
      createdTime: amazon.createdTime,
      lastUpdatedTime: amazon.lastUpdatedTime,
      currency: money2.currency ?? amazon.currency,
      totals: { ...money2.totals },
      buyer: amazon.buyer,
      shippingAddress: amazon.shippingAddress,
      flags: flagsOf(amazon),
      raw,
      contentHash: contentHash(raw, connection),
      skipReason: selected ? null : `fulfilment channel ${amazon.fulfillmentChannel} is not selected in Order types`,
      holdReason: null,
      errorCode: null,
      errorMessage: null,
      storeState: null,
      storeOrderRef: null
    },
    lines,
    warnings: [...amazon.warnings, ...money2.warnings],
    illegalTransition: transition2 && !transition2.legal ? transition2.reason : null
  };
}
function toOrderLine2(m, position, items, rules, skuLinks) {
  const item = m.orderItemId ? items.get(m.orderItemId) : void 0;
  const isItem = m.kind === "item";
  const sku = isItem ? item?.sellerSku ?? null : null;
  const cropped = sku === null ? null : cropSku(sku, rules);
  return {
    amazonOrderItemId: isItem ? m.orderItemId ?? `line-${position}` : `${m.orderItemId ?? "order"}:${m.kind}`,
    kind: m.kind,
    sellerSku: sku,
    croppedSku: cropped,
    asin: isItem ? item?.asin ?? null : null,
    title: isItem ? item?.title ?? m.description : m.description,
    productRef: sku === null ? null : skuLinks.get(sku) ?? null,
    quantityOrdered: m.quantity,
    quantityShipped: isItem ? item?.quantityShipped ?? 0 : 0,
    quantityCancelled: isItem && item?.cancelledBy ? m.quantity - (item.quantityShipped ?? 0) : 0,
    unitNet: m.unitNet,
    unitGross: m.unitGross,
    lineNet: m.lineNet,
    lineTax: m.lineTax,
    lineGross: m.lineGross,
    taxRate: m.taxRate,
    position,
    data: {
      excludedTax: m.excludedTax,
      ...isItem && item ? {
        promotionIds: item.promotionIds,
        buyerCancelRequested: item.buyerCancelRequested,
        buyerCancelReason: item.buyerCancelReason,
        taxCollectedByAmazon: item.taxCollectedByAmazon,
        taxReportingScheme: item.taxReportingScheme,
        iossNumber: item.iossNumber,
        gift: item.isGift ? { message: item.giftMessage, wrapLevel: item.giftWrapLevel } : null,
        condition: item.condition,
        conditionNote: item.conditionNote,
        serialNumbers: item.serialNumbers
      } : {}
    }
  };
}
function flagsOf(a) {
  return {
    prime: a.isPrime,
    business: a.isBusiness,
    replacement: a.isReplacement,
    replacedOrderId: a.replacedOrderId,
    gift: a.items.some((i) => i.isGift),
    buyerCancelRequested: a.items.some((i) => i.buyerCancelRequested),
    programs: [...a.programs],
    paymentMethod: a.paymentMethod,
    serviceLevel: a.serviceLevel,
    latestShipDate: a.latestShipDate,
    latestDeliveryDate: a.latestDeliveryDate,
    iossNumbers: [...new Set(a.items.map((i) => i.iossNumber).filter((n) => n !== null))]
  };
}
function contentHash(raw, connection) {
  const c = connection.config;
  const settings = [c.taxIncluded, c.ignoreAmazonTax, c.facilitatorTax, c.orderTypes, c.skuCrop];
  return createHash("sha256").update(canonicalJson(raw)).update(JSON.stringify(settings)).digest("hex");
}
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// src/sync/order-completeness.ts
var IMPORT_INCLUDED_DATA = [
  "BUYER",
  "RECIPIENT",
  "PROCEEDS",
  "FULFILLMENT",
  "PROMOTION",
  "CANCELLATION",
  "TAX",
  "PACKAGES"
];
var PRICED_STATUSES = /* @__PURE__ */ new Set(["UNSHIPPED", "PARTIALLY_SHIPPED", "SHIPPED"]);
function missingData(order) {
  if (!PRICED_STATUSES.has(order.status)) return null;
  if (order.items.length === 0) return "order has no items";
  const unpriced = order.items.filter((i) => i.money === null && i.quantityOrdered > 0);
  if (unpriced.length > 0 && !order.isReplacement) return `prices missing on ${unpriced.length} item(s)`;
  if (order.fulfillmentChannel === "MFN" && order.status !== "SHIPPED" && order.shippingAddress === null) {
    return "delivery address missing";
  }
  return null;
}

// src/sync/save-failed-order.ts
async function saveFailedOrder(db, orders, input) {
  return db.transaction().execute(async (trx) => {
    const existing = await orders.findState(trx, input.connectionId, input.amazonOrderId);
    const id = existing?.id ?? newId();
    if (existing) {
      await trx.updateTable("orders").set({ error_code: input.error.code, error_message: input.error.message, updated_at: input.now }).where("id", "=", id).execute();
    } else {
      await trx.insertInto("orders").values({
        id,
        connection_id: input.connectionId,
        amazon_order_id: input.amazonOrderId,
        seller_order_id: null,
        marketplace_id: input.marketplaceId,
        amazon_status: null,
        status: "failed",
        fulfillment_channel: null,
        created_time: null,
        last_updated_time: null,
        currency: null,
        amazon_total: null,
        total_net: null,
        total_tax: null,
        total_gross: null,
        excluded_tax: null,
        adjustment: null,
        buyer_json: null,
        shipping_address_json: null,
        flags_json: null,
        raw_json: JSON.stringify(input.raw ?? null),
        content_hash: null,
        skipped: 0,
        skip_reason: null,
        hold_reason: null,
        error_code: input.error.code,
        error_message: input.error.message,
        store_state: null,
        store_order_ref: null,
        imported_at: input.now,
        updated_at: input.now
      }).execute();
    }
    await orders.addEvent(trx, {
      orderId: id,
      connectionId: input.connectionId,
      occurredAt: input.now,
      direction: "amazon_to_hub",
      kind: "order.import_failed",
      summary: `Import failed: ${input.error.message}`,
      payload: { code: input.error.code, details: input.error.details }
    });
    return id;
  });
}

// src/sync/order-changes.ts
var isZero2 = (amount) => amount === null || isZero(amount);
var show = (value) => value ?? "\u2014";
function describeChanges(before, beforeLines, after, afterLines) {
  const changes = [...headerChanges(before, after), ...moneyChanges(before, after)];
  if (JSON.stringify(before.shippingAddress) !== JSON.stringify(after.shippingAddress))
    changes.push("delivery address changed");
  if (JSON.stringify(before.buyer) !== JSON.stringify(after.buyer)) changes.push("buyer details changed");
  const lineChange = linesChange(beforeLines, afterLines);
  if (lineChange) changes.push(lineChange);
  if (after.flags?.buyerCancelRequested && !before.flags?.buyerCancelRequested)
    changes.push("buyer requested cancellation");
  return changes.length > 0 ? changes : ["Amazon data changed (no field OrderBridge tracks)"];
}
function headerChanges(before, after) {
  const changes = [];
  if (before.amazonStatus !== after.amazonStatus)
    changes.push(`Amazon status ${show(before.amazonStatus)} \u2192 ${show(after.amazonStatus)}`);
  if (before.status !== after.status) changes.push(`status ${before.status} \u2192 ${after.status}`);
  return changes;
}
function moneyChanges(before, after) {
  const changes = [];
  if (before.totals.amazonTotal !== after.totals.amazonTotal) {
    changes.push(`Amazon total ${show(before.totals.amazonTotal)} \u2192 ${show(after.totals.amazonTotal)}`);
  }
  if (before.totals.tax !== after.totals.tax) {
    changes.push(`tax ${show(before.totals.tax)} \u2192 ${show(after.totals.tax)}`);
    if (after.flags?.business && isZero2(after.totals.tax) && !isZero2(before.totals.tax)) {
      changes.push("VAT removed on a business order \u2014 reverse charge applied by Amazon? Check the invoice");
    }
  }
  return changes;
}
function linesChange(beforeLines, afterLines) {
  const key = (l) => `${l.amazonOrderItemId}|${l.quantityOrdered}|${l.quantityShipped}|${l.quantityCancelled}|${l.lineGross}`;
  const beforeKeys = new Set(beforeLines.map(key));
  const changed = afterLines.some((l) => !beforeKeys.has(key(l))) || beforeLines.length !== afterLines.length;
  if (!changed) return null;
  const shipped = afterLines.filter((l) => l.kind === "item").reduce((n, l) => n + l.quantityShipped, 0);
  return `lines changed (${afterLines.length} lines, ${shipped} unit(s) shipped)`;
}

// src/sync/save-order.ts
async function saveOrder(ctx, key, build) {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await ctx.orders.findState(trx, key.connectionId, key.amazonOrderId);
    const built = build(existing && existing.status !== "failed" ? existing.status : null);
    const { order } = built;
    if (existing && existing.contentHash === order.contentHash && existing.status !== "failed" && existing.errorCode === null) {
      return { outcome: "unchanged", orderId: existing.id, built };
    }
    if (existing?.lastUpdatedTime && order.lastUpdatedTime && existing.status !== "failed" && order.lastUpdatedTime < existing.lastUpdatedTime) {
      return { outcome: "stale", orderId: existing.id, built };
    }
    const id = existing?.id ?? newId();
    const full = { ...order, id, importedAt: existing?.importedAt ?? ctx.now, updatedAt: ctx.now };
    let summary;
    let kind;
    if (existing && existing.status !== "failed") {
      const before = await ctx.orders.findById(id, trx);
      const beforeLines = await ctx.orders.lines(id, trx);
      summary = before ? describeChanges(before, beforeLines, order, built.lines).join("; ") : "updated";
      kind = "order.updated";
    } else {
      summary = importSummary(full, built);
      kind = "order.imported";
    }
    await ctx.orders.upsertOrder(trx, full);
    await ctx.orders.replaceLines(trx, id, built.lines, existing === null);
    const base = { orderId: id, connectionId: order.connectionId, occurredAt: ctx.now };
    for (const e of ctx.extraEvents) await ctx.orders.addEvent(trx, { ...base, ...e });
    await ctx.orders.addEvent(trx, {
      ...base,
      direction: "amazon_to_hub",
      kind,
      summary,
      payload: {
        amazonStatus: order.amazonStatus,
        status: order.status,
        lastUpdatedTime: order.lastUpdatedTime,
        warnings: built.warnings
      }
    });
    if (built.illegalTransition) {
      await ctx.orders.addEvent(trx, {
        ...base,
        direction: "internal",
        kind: "order.transition_refused",
        summary: built.illegalTransition,
        payload: null
      });
    }
    await ctx.afterChange?.(trx, id);
    return { outcome: existing && existing.status !== "failed" ? "updated" : "created", orderId: id, built };
  });
}
function importSummary(order, built) {
  const items = built.lines.filter((l) => l.kind === "item").length;
  const total = order.totals.amazonTotal ? `${order.currency ?? ""} ${order.totals.amazonTotal}`.trim() : "no total yet";
  const skipped = order.status === "skipped" ? ` \u2014 skipped: ${order.skipReason ?? ""}` : "";
  return `Imported from Amazon: ${order.amazonStatus ?? "?"}, ${items} item line(s), ${total}${skipped}`;
}

// src/sync/import-one-order.ts
async function importOneOrder(ctx, raw, source) {
  const extraEvents = [];
  try {
    let adapted = ctx.amazon.adaptOrder(raw);
    if (!adapted.ok) return await recordFailure2(ctx, raw, adapted.error);
    const missing = source === "searchOrders" ? missingData(adapted.value) : null;
    if (missing) {
      const fetched = await ctx.amazon.getOrder(adapted.value.amazonOrderId, IMPORT_INCLUDED_DATA);
      extraEvents.push({
        direction: "hub_to_amazon",
        kind: "amazon.get_order",
        summary: `getOrder: ${missing} in the search result${fetched.ok ? "" : ` \u2014 failed: ${fetched.error.message}`}`,
        payload: { reason: missing, ok: fetched.ok }
      });
      if (!fetched.ok) return await recordFailure2(ctx, raw, fetched.error);
      raw = fetched.value;
      adapted = ctx.amazon.adaptOrder(raw);
      if (!adapted.ok) return await recordFailure2(ctx, raw, adapted.error);
    }
    return await store(ctx, adapted.value, raw, extraEvents);
  } catch (cause) {
    return recordFailure2(ctx, raw, toAppError(cause));
  }
}
async function store(ctx, order, raw, extraEvents) {
  if (Date.parse(order.createdTime) < Date.parse(ctx.connection.config.syncFromDate)) return "skipped";
  const skus = order.items.map((i) => i.sellerSku).filter((s) => s !== null);
  const links = await ctx.skuLinks.linksFor(ctx.connection.id, skus);
  const saved = await saveOrder(
    {
      db: ctx.db,
      orders: ctx.orders,
      now: ctx.clock.nowIso(),
      extraEvents,
      afterChange: ctx.onOrderChanged && ((trx, orderId) => ctx.onOrderChanged?.(trx, orderId, ctx.connection) ?? Promise.resolve())
    },
    { connectionId: ctx.connection.id, amazonOrderId: order.amazonOrderId },
    (current) => buildOrder(ctx.connection, order, raw, current, links)
  );
  if (saved.built.order.status === "skipped") return "skipped";
  return saved.outcome;
}
async function recordFailure2(ctx, raw, error) {
  const amazonOrderId = orderIdOf(raw);
  ctx.logger.warn({ connectionId: ctx.connection.id, amazonOrderId, code: error.code }, "order import failed");
  if (amazonOrderId === null) return "failed";
  await saveFailedOrder(ctx.db, ctx.orders, {
    connectionId: ctx.connection.id,
    amazonOrderId,
    marketplaceId: ctx.connection.marketplaceId,
    raw,
    error: error instanceof AppError ? error : toAppError(error),
    now: ctx.clock.nowIso()
  });
  return "failed";
}
function orderIdOf(raw) {
  if (raw === null || typeof raw !== "object") return null;
  const id = raw.orderId;
  return typeof id === "string" && id.length > 0 && id.length <= 64 ? id : null;
}

// src/sync/import-window.ts
function windowStart(connection) {
  const syncFromMs = Date.parse(connection.config.syncFromDate);
  const cursorMs = connection.importCursor ? Date.parse(connection.importCursor) : Number.NaN;
  if (Number.isNaN(cursorMs)) return new Date(syncFromMs).toISOString();
  const startMs = cursorMs - connection.config.lookbackOverlapSeconds * 1e3;
  return new Date(Math.max(startMs, syncFromMs)).toISOString();
}

// src/sync/import-run.ts
var FAILED_RETRY_LIMIT = 20;
var MAX_WINDOW_RESTARTS = 2;
var ImportRun = class {
  constructor(deps, connection, amazon, lock, options) {
    this.deps = deps;
    this.connection = connection;
    this.amazon = amazon;
    this.lock = lock;
    this.options = options;
    this.statsAtStart = amazon.stats();
  }
  deps;
  connection;
  amazon;
  lock;
  options;
  counts = {
    ordersSeen: 0,
    ordersCreated: 0,
    ordersUpdated: 0,
    ordersUnchanged: 0,
    ordersSkipped: 0,
    ordersFailed: 0
  };
  pages = 0;
  statsAtStart;
  summary;
  async execute(runId) {
    const from = windowStart(this.connection);
    this.summary = this.snapshot(runId, "running", from, null, null);
    await this.deps.syncRuns.start({
      id: runId,
      connectionId: this.connection.id,
      kind: "orders.pull",
      trigger: this.options.trigger,
      startedAt: this.deps.clock.nowIso()
    });
    await this.retryFailedOrders();
    const result = await this.readWindow(from);
    const status = result.error ? "failed" : this.counts.ordersFailed > 0 ? "partial" : "succeeded";
    const cursor = result.error ? this.connection.importCursor : result.windowEnd;
    await this.deps.db.transaction().execute(async (trx) => {
      if (!result.error && result.windowEnd) {
        await this.deps.connections.setCursor(trx, this.connection.id, result.windowEnd, this.deps.clock.nowIso());
      }
      await this.deps.syncRuns.progress(trx, runId, this.progressRow(from));
      await this.deps.syncRuns.finish(trx, runId, {
        status,
        finishedAt: this.deps.clock.nowIso(),
        windowEnd: result.windowEnd,
        errorCode: result.error?.code ?? null,
        errorMessage: result.error?.message ?? null
      });
    });
    this.summary = this.snapshot(runId, status, from, result.windowEnd, cursor, result.error);
    this.options.onProgress?.(this.summary);
    return this.summary;
  }
  /** Reads every page of one window; restarts the window when Amazon's page token expired. */
  async readWindow(from) {
    for (let attempt = 0; ; attempt++) {
      const result = await this.readPages(from);
      if (result.error?.code === "amazon_pagination_token_expired" && attempt < MAX_WINDOW_RESTARTS) continue;
      return result;
    }
  }
  /**
   * Reads the pages of one window. The next page is requested as soon as its token is known, so its
   * wait for Amazon's rate limit overlaps the storing of the current page.
   */
  async readPages(from) {
    const fetchPage = (token) => this.amazon.searchOrders({
      lastUpdatedAfter: from,
      marketplaceIds: [this.connection.marketplaceId],
      includedData: IMPORT_INCLUDED_DATA,
      maxResultsPerPage: 100,
      paginationToken: token
    });
    let next = fetchPage(null);
    let windowEnd = null;
    while (next !== null) {
      const page = await next;
      if (!page.ok) return { windowEnd, error: page.error };
      windowEnd ??= page.value.lastUpdatedBefore;
      const token = page.value.nextToken;
      next = token !== null && !this.options.signal?.aborted ? fetchPage(token) : null;
      for (const raw of page.value.orders) this.count(await this.importOrder(raw, "searchOrders"));
      this.pages++;
      await this.reportProgress(from);
      if (this.options.signal?.aborted) return { windowEnd, error: abortedError() };
    }
    return { windowEnd, error: null };
  }
  importOrder(raw, source) {
    return importOneOrder({ ...this.deps, amazon: this.amazon, connection: this.connection }, raw, source);
  }
  async retryFailedOrders() {
    const failed = await this.deps.orders.listFailed(this.connection.id, FAILED_RETRY_LIMIT);
    for (const order of failed) {
      const fetched = await this.amazon.getOrder(order.amazonOrderId, IMPORT_INCLUDED_DATA);
      if (!fetched.ok) continue;
      this.count(await this.importOrder(fetched.value, "getOrder"));
    }
  }
  count(outcome) {
    this.counts.ordersSeen++;
    const key = {
      created: "ordersCreated",
      updated: "ordersUpdated",
      unchanged: "ordersUnchanged",
      stale: "ordersUnchanged",
      skipped: "ordersSkipped",
      failed: "ordersFailed"
    };
    this.counts[key[outcome]]++;
  }
  async reportProgress(from) {
    await this.deps.syncRuns.progress(this.deps.db, this.summary.runId, this.progressRow(from));
    if (!await this.lock.renew(this.deps.clock.now())) {
      this.deps.logger.warn({ connectionId: this.connection.id }, "import lease lost");
    }
    this.summary = this.snapshot(this.summary.runId, "running", from, null, null);
    this.options.onProgress?.(this.summary);
  }
  apiCalls() {
    const now = this.amazon.stats();
    const calls = {};
    for (const [op2, n] of Object.entries(now.calls)) {
      const delta = n - (this.statsAtStart.calls[op2] ?? 0);
      if (delta > 0) calls[op2] = delta;
    }
    return { calls, throttled: now.throttled - this.statsAtStart.throttled };
  }
  progressRow(from) {
    const api = this.apiCalls();
    return { ...this.counts, windowStart: from, pages: this.pages, apiCalls: api.calls, throttled: api.throttled };
  }
  snapshot(runId, status, from, windowEnd, cursor, error = null) {
    const api = this.apiCalls();
    return {
      runId,
      connectionId: this.connection.id,
      status,
      ...this.counts,
      pages: this.pages,
      windowStart: from,
      windowEnd,
      cursor,
      apiCalls: api.calls,
      throttled: api.throttled,
      error: error ? { code: error.code, message: error.message } : null
    };
  }
};
function abortedError() {
  return new AppError("sync_aborted", "The sync was stopped before it finished; the next run re-reads the window", {
    kind: "conflict",
    retryable: true
  });
}

// src/sync/import-orders.ts
var LEASE_MS = 5 * 6e4;
async function importOrders(deps, connectionId, options) {
  const connection = await deps.connections.findById(connectionId);
  if (!connection)
    return err(
      new AppError("connection_not_found", `Connection ${connectionId} does not exist`, { kind: "not_found" })
    );
  if (!connection.active) {
    return err(
      new AppError(
        "connection_inactive",
        `Order synchronization of "${connection.name}" is Disabled; activate it to sync orders`,
        {
          kind: "conflict",
          retryable: false
        }
      )
    );
  }
  const lock = new ImportLock(deps.db, connection.id, deps.owner, LEASE_MS);
  if (!await lock.acquire(deps.clock.now())) {
    return err(
      new AppError("sync_already_running", `An order sync of "${connection.name}" is already running`, {
        kind: "conflict",
        retryable: true
      })
    );
  }
  try {
    await deps.syncRuns.failAbandoned(connection.id, deps.clock.nowIso());
    const amazon = await deps.amazonFor(connection);
    const run = new ImportRun(deps, connection, amazon, lock, options);
    return ok(await run.execute(newId()));
  } finally {
    await lock.release();
  }
}

// src/sync/order-query.service.ts
var OrderQueryService = class {
  constructor(connections, orders) {
    this.connections = connections;
    this.orders = orders;
  }
  connections;
  orders;
  async list(accountId, filter) {
    const ids = await this.connectionIds(accountId, filter.connection);
    if (!ids.ok) return ids;
    return ok(await this.orders.list({ ...filter, connectionIds: ids.value }));
  }
  /** Finds by OrderBridge id or Amazon order id. */
  async details(accountId, ref) {
    const ids = await this.connectionIds(accountId, void 0);
    if (!ids.ok) return ids;
    const byId2 = await this.orders.findById(ref);
    const order = byId2 && ids.value.includes(byId2.connectionId) ? byId2 : await this.orders.findByAmazonId(ids.value, ref);
    if (!order) return err(new AppError("order_not_found", `No order "${ref}"`, { kind: "not_found" }));
    return ok({ order, lines: await this.orders.lines(order.id), timeline: await this.orders.events(order.id) });
  }
  async connectionIds(accountId, connection) {
    if (connection === void 0) return ok((await this.connections.list(accountId)).map((c) => c.id));
    const found = await this.connections.findByRef(accountId, connection);
    if (!found)
      return err(new AppError("connection_not_found", `No connection "${connection}"`, { kind: "not_found" }));
    return ok([found.id]);
  }
};

// src/sync/store.service.ts
import { ZodError, z as z7 } from "zod";

// src/stores/hub-api/hub-api.connector.ts
var HUB_TOPICS = {
  ping: "ping",
  orderCreated: "order.created",
  orderCancelled: "order.cancelled",
  orderNote: "order.note",
  stockAdjust: "stock.adjust"
};
var HubApiConnector = class _HubApiConnector {
  constructor(config, deps, settings) {
    this.config = config;
    this.deps = deps;
    this.settings = settings;
  }
  config;
  deps;
  settings;
  static id = "hub-api";
  platform = _HubApiConnector.id;
  hub() {
    if (this.deps.hub) return ok(this.deps.hub);
    return err(
      new AppError("hub_port_missing", "The hub-api connector needs OrderBridge\u2019s hub port (StoreConnectorDeps.hub)", {
        kind: "internal",
        retryable: false
      })
    );
  }
  async send(topic, data) {
    const hub = this.hub();
    if (!hub.ok) return hub;
    await hub.value.sendWebhook(this.config.id, topic, data);
    return ok(void 0);
  }
  async test() {
    const hub = this.hub();
    if (!hub.ok) return hub;
    if (this.settings.webhookUrl) {
      const sent = await this.send(HUB_TOPICS.ping, { storeId: this.config.id, storeName: this.config.name });
      if (!sent.ok) return sent;
    }
    return ok({ storeName: this.config.name });
  }
  /** Every value is a product of the store whose ref is the value itself (the store resolves its catalogue). */
  async findProducts(attribute, values) {
    const hub = this.hub();
    if (!hub.ok) return hub;
    const unique = [...new Set(values)];
    const stock = await hub.value.postedStock(this.config.id, unique);
    const found = /* @__PURE__ */ new Map();
    for (const value of unique) {
      found.set(value, {
        ref: value,
        sku: attribute === "sku" ? value : null,
        name: value,
        available: stock.get(value) ?? null
      });
    }
    return ok(found);
  }
  /** The store acknowledges orders itself; OrderBridge never asks. */
  findOrder() {
    return Promise.resolve(ok(null));
  }
  /** Offers the order: it waits in `GET /api/hub/stores/:storeId/orders?state=new` until acknowledged. */
  async createOrder(draft) {
    const sent = await this.send(HUB_TOPICS.orderCreated, draft);
    if (!sent.ok) return sent;
    return ok({ ref: draft.orderId, number: "", acknowledged: false });
  }
  cancelOrder(order, note) {
    return this.send(HUB_TOPICS.orderCancelled, { storeOrderRef: order.ref, storeOrderNumber: order.number, note });
  }
  addOrderNote(order, note) {
    return this.send(HUB_TOPICS.orderNote, { storeOrderRef: order.ref, storeOrderNumber: order.number, note });
  }
  async readStock(productRefs) {
    const hub = this.hub();
    if (!hub.ok) return hub;
    return ok(await hub.value.postedStock(this.config.id, productRefs));
  }
  /** Asks the store to change its stock; the store applies each `key` once. Returns the expected quantity. */
  async adjustStock(productRef, delta, key) {
    const hub = this.hub();
    if (!hub.ok) return hub;
    await hub.value.sendWebhook(this.config.id, HUB_TOPICS.stockAdjust, { productRef, delta, key });
    const posted = (await hub.value.postedStock(this.config.id, [productRef])).get(productRef);
    return ok(posted === void 0 ? delta : posted + delta);
  }
  /** Nothing to poll: the store posts its shipments, cancellations and stock. */
  pollEvents(cursor) {
    return Promise.resolve(ok({ events: [], cursor }));
  }
};

// src/stores/hub-api/index.ts
var hubApiPlatform = {
  id: HubApiConnector.id,
  title: "OrderBridge Hub API (the store pulls orders)",
  parseSettings: (settings) => hubApiSettingsSchema.parse(settings ?? {}),
  parseSecrets: (secrets) => hubApiSecretsSchema.parse(secrets ?? {}),
  create: (config, deps) => new HubApiConnector(config, deps, readHubApiSettings(config.settings))
};

// src/stores/woocommerce/woocommerce-catalog.index.ts
var CATALOG_TTL_MS = 5 * 6e4;
var CatalogIndex = class {
  constructor(client, nowMs) {
    this.client = client;
    this.nowMs = nowMs;
  }
  client;
  nowMs;
  cached = null;
  invalidate() {
    this.cached = null;
  }
  async products() {
    const now = this.nowMs();
    if (this.cached && now - this.cached.at < CATALOG_TTL_MS) return ok(this.cached.rows);
    const parents = await this.client.getAll("/wc/v3/products", { orderby: "id", order: "asc" });
    if (!parents.ok) return parents;
    const rows2 = [];
    for (const p of parents.value) {
      rows2.push({ product: p, parentId: void 0 });
      if (p.type !== "variable" || (p.variations ?? []).length === 0) continue;
      const variations = await this.client.getAll(`/wc/v3/products/${p.id}/variations`, {
        orderby: "id",
        order: "asc"
      });
      if (!variations.ok) return variations;
      for (const v of variations.value)
        rows2.push({ product: { ...v, type: "variation", name: v.name || p.name }, parentId: p.id });
    }
    this.cached = { at: now, rows: rows2 };
    return ok(rows2);
  }
};

// src/stores/woocommerce/woocommerce-events.poller.ts
import { z as z5 } from "zod";

// src/stores/woocommerce/woocommerce-product.mapper.ts
function parseRef(ref) {
  const m = /^(\d+)(?::(\d+))?$/.exec(ref);
  if (!m) return null;
  return { productId: Number(m[1]), variationId: m[2] === void 0 ? 0 : Number(m[2]) };
}
function refOf(p, parentId) {
  const parent = parentId ?? p.parent_id ?? 0;
  return p.type === "variation" && parent > 0 ? `${parent}:${p.id}` : String(p.id);
}
var availableOf = (p) => p.manage_stock === true && typeof p.stock_quantity === "number" ? p.stock_quantity : null;
function toStoreProduct(p, parentId) {
  return { ref: refOf(p, parentId), sku: p.sku === "" ? null : p.sku, name: p.name, available: availableOf(p) };
}
var GTIN_META = [
  "_global_unique_id",
  "_ts_gtin",
  "_gtin",
  "gtin",
  "_ean",
  "ean",
  "_alg_ean",
  "_wpm_gtin_code",
  "_wc_gpf_gtin"
];
var MPN_META = ["_mpn", "mpn", "_ts_mpn", "_wc_gpf_mpn"];
var text2 = (v) => typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : null;
function attributeValues(p, names) {
  const wanted = names.map((n) => n.toLowerCase().replace(/^pa_/, ""));
  const out = [];
  for (const a of p.attributes ?? []) {
    const name = (a.slug ?? a.name).toLowerCase().replace(/^pa_/, "");
    if (!wanted.includes(name) && !wanted.includes(a.name.toLowerCase())) continue;
    if (a.option !== void 0) out.push(a.option);
    out.push(...a.options ?? []);
  }
  return out;
}
function identifierValues(p, attribute) {
  const metaFor = (keys) => p.meta_data.filter((m) => keys.includes(m.key)).flatMap((m) => text2(m.value) ?? []);
  let values;
  if (attribute === "gtin" || attribute === "ean") {
    values = [p.global_unique_id ?? "", ...metaFor(GTIN_META), ...attributeValues(p, ["gtin", "ean"])];
  } else if (attribute === "mpn") {
    values = [...metaFor(MPN_META), ...attributeValues(p, ["mpn"])];
  } else if (attribute === "sku") {
    values = [p.sku];
  } else if (attribute === "global_unique_id") {
    values = [p.global_unique_id ?? ""];
  } else {
    values = [...metaFor([attribute]), ...attributeValues(p, [attribute])];
  }
  return values.map((v) => v.trim()).filter((v) => v !== "");
}

// src/stores/woocommerce/woocommerce.types.ts
var META = {
  orderId: "_orderbridge_order_id",
  amazonOrderId: "_amazon_order_id",
  marketplaceId: "_amazon_marketplace_id",
  amazonItemId: "_amazon_order_item_id",
  vatId: "_amazon_buyer_vat_id",
  stockAdjustments: "_orderbridge_stock_adjustments",
  tracking: "_wc_shipment_tracking_items"
};
var metaValue = (meta, key) => meta?.find((m) => m.key === key)?.value;
function gmtToIso(value) {
  const ms = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

// src/stores/woocommerce/woocommerce-event.mapper.ts
function orderEvents(order) {
  const orderId = metaValue(order.meta_data, META.orderId);
  if (typeof orderId !== "string" || orderId === "") return [];
  const events = [];
  const modified = gmtToIso(order.date_modified_gmt);
  for (const item of trackingItems(order)) {
    const number = item.tracking_number?.trim() ?? "";
    const custom = item.custom_tracking_provider?.trim() ?? "";
    const provider2 = item.tracking_provider?.trim() ?? "";
    events.push({
      kind: "shipment",
      storeRef: `${order.id}:${item.tracking_id ?? number}`,
      orderId,
      carrier: provider2 || custom || null,
      carrierName: custom || null,
      shippingMethod: order.shipping_lines[0]?.method_title ?? null,
      trackingNumber: number || null,
      shipDate: shipDate(item.date_shipped) ?? modified,
      items: null
    });
  }
  if (order.status === "cancelled") {
    events.push({
      kind: "cancellation",
      storeRef: `${order.id}:cancelled`,
      orderId,
      items: null,
      occurredAt: modified
    });
  }
  return events;
}
function trackingItems(order) {
  const value = metaValue(order.meta_data, META.tracking);
  return Array.isArray(value) ? value.filter((v) => typeof v === "object" && v !== null) : [];
}
function shipDate(value) {
  const seconds = typeof value === "number" ? value : Number(value);
  if (value === void 0 || value === "" || !Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(seconds * 1e3).toISOString();
}
function stockEvent(p, parentId) {
  const available = availableOf(p);
  if (available === null) return null;
  return {
    kind: "stock",
    productRef: refOf(p, parentId),
    sku: p.sku === "" ? null : p.sku,
    available,
    occurredAt: gmtToIso(p.date_modified_gmt)
  };
}

// src/stores/woocommerce/woocommerce-events.poller.ts
var INITIAL_LOOKBACK_MS = 24 * 36e5;
var OVERLAP_MS = 5e3;
var MAX_PAGES2 = 20;
var cursorSchema = z5.strictObject({ orders: z5.iso.datetime(), products: z5.iso.datetime() });
function parseCursor(cursor, nowMs) {
  if (cursor === null) {
    const start = new Date(nowMs - INITIAL_LOOKBACK_MS).toISOString();
    return ok({ orders: start, products: start });
  }
  try {
    return ok(cursorSchema.parse(JSON.parse(cursor)));
  } catch {
    return err(
      new AppError("woocommerce_invalid_cursor", "The WooCommerce event cursor is not valid.", {
        kind: "invalid",
        retryable: false
      })
    );
  }
}
var since = (iso) => new Date(Date.parse(iso) - OVERLAP_MS).toISOString().slice(0, 19);
var later = (a, b) => Date.parse(b) > Date.parse(a) ? b : a;
async function pollEvents(client, cursor, nowMs) {
  const parsed = parseCursor(cursor, nowMs);
  if (!parsed.ok) return parsed;
  const orders = await orderEventsSince(client, parsed.value.orders);
  if (!orders.ok) return orders;
  const stock = await stockEventsSince(client, parsed.value.products);
  if (!stock.ok) return stock;
  const next = { orders: orders.value.cursor, products: stock.value.cursor };
  return ok({ events: [...orders.value.events, ...stock.value.events], cursor: JSON.stringify(next) });
}
var COMMON = { dates_are_gmt: true, orderby: "modified", order: "asc" };
async function orderEventsSince(client, from) {
  const params = { ...COMMON, modified_after: since(from), include_meta: `${META.orderId},${META.tracking}` };
  const orders = await client.getAll("/wc/v3/orders", params, MAX_PAGES2);
  if (!orders.ok) return orders;
  let cursor = from;
  const events = [];
  for (const o of orders.value) {
    events.push(...orderEvents(o));
    cursor = later(cursor, gmtToIso(o.date_modified_gmt));
  }
  return ok({ events, cursor });
}
async function stockEventsSince(client, from) {
  const params = { ...COMMON, modified_after: since(from) };
  const products = await client.getAll("/wc/v3/products", params, MAX_PAGES2);
  if (!products.ok) return products;
  let cursor = from;
  const events = [];
  for (const p of products.value) {
    cursor = later(cursor, gmtToIso(p.date_modified_gmt));
    if (p.type !== "variable") {
      const e = stockEvent(p);
      if (e) events.push(e);
      continue;
    }
    const variations = await client.getAll(`/wc/v3/products/${p.id}/variations`, params, MAX_PAGES2);
    if (!variations.ok) return variations;
    for (const v of variations.value) {
      const e = stockEvent({ ...v, type: "variation" }, p.id);
      if (e) events.push(e);
    }
  }
  return ok({ events, cursor });
}

// src/stores/woocommerce/woocommerce-order.mapper.ts
var RECONCILIATION_FEE_NAME = "Amazon total reconciliation";
function address(a) {
  return {
    first_name: a.firstName,
    last_name: a.lastName,
    company: a.company ?? "",
    address_1: a.line1,
    address_2: [a.line2, a.line3].filter((x) => x !== null && x !== "").join(", "),
    city: a.city,
    state: a.stateOrRegion ?? "",
    postcode: a.postalCode ?? "",
    country: a.countryCode,
    phone: a.phone ?? ""
  };
}
var itemMeta = (item) => [{ key: META.amazonItemId, value: item.orderItemId }];
function lineItem(item, productId, variationId) {
  return {
    product_id: productId,
    ...variationId > 0 ? { variation_id: variationId } : {},
    quantity: item.quantity,
    name: item.title,
    subtotal: item.lineNet,
    total: item.lineNet,
    meta_data: itemMeta(item)
  };
}
function unlinkedFee(item) {
  const sku = item.sku === null ? "" : ` (SKU ${item.sku})`;
  return {
    name: `${item.title}${sku} \xD7 ${item.quantity}`,
    total: item.lineNet,
    tax_status: isZero(item.lineTax) ? "none" : "taxable",
    meta_data: [...itemMeta(item), { key: "_amazon_quantity", value: String(item.quantity) }]
  };
}
var chargeFee = (c) => ({
  name: c.title,
  total: c.net,
  tax_status: isZero(c.tax) ? "none" : "taxable",
  meta_data: [{ key: "_amazon_charge_kind", value: c.kind }]
});
function orderMeta(draft) {
  const meta = [
    { key: META.orderId, value: draft.orderId },
    { key: META.amazonOrderId, value: draft.amazonOrderId },
    { key: META.marketplaceId, value: draft.marketplaceId }
  ];
  if (draft.customer.vatId !== null) meta.push({ key: META.vatId, value: draft.customer.vatId });
  if (draft.lowerStock === false) meta.push({ key: "_order_stock_reduced", value: "yes" });
  return meta;
}
function toCreateBody(draft, shippingMethodId) {
  const lines = [];
  const fees = [];
  for (const item of draft.items) {
    const ref = item.productRef === null ? null : parseRef(item.productRef);
    if (ref === null) fees.push(unlinkedFee(item));
    else lines.push(lineItem(item, ref.productId, ref.variationId));
  }
  const shipping = draft.charges.filter((c) => c.kind === "shipping");
  fees.push(...draft.charges.filter((c) => c.kind !== "shipping").map(chargeFee));
  const shippingLines = (shipping.length > 0 ? shipping : [null]).map((c) => ({
    method_id: shippingMethodId,
    method_title: draft.shippingMethod,
    total: c?.net ?? "0"
  }));
  const billing = {
    ...address(draft.billingAddress),
    email: draft.customer.email,
    phone: draft.customer.phone ?? draft.billingAddress.phone ?? ""
  };
  if (billing.company === "" && draft.customer.company !== null) billing.company = draft.customer.company;
  return {
    status: "pending",
    set_paid: false,
    currency: draft.currency,
    payment_method: "amazon",
    payment_method_title: "Amazon",
    transaction_id: draft.amazonOrderId,
    billing,
    shipping: address(draft.shippingAddress),
    line_items: lines,
    shipping_lines: shippingLines,
    fee_lines: fees,
    meta_data: orderMeta(draft)
  };
}

// src/stores/woocommerce/woocommerce-order.creator.ts
var FIND_ORDER_LOOKBACK_MS = 30 * 864e5;
var SCAN_MARGIN_MS = 36e5;
var MAX_SCAN_PAGES = 100;
var gmtParam = (ms) => new Date(ms).toISOString().slice(0, 19);
var decimalsOf = (amount) => amount.split(".")[1]?.length ?? 0;
var toRef = (o) => ({ ref: String(o.id), number: o.number || String(o.id) });
var WooOrderCreator = class {
  constructor(client, config) {
    this.client = client;
    this.config = config;
  }
  client;
  config;
  known = /* @__PURE__ */ new Map();
  async find(orderId, sinceMs = null) {
    const cached = this.known.get(orderId);
    if (cached !== void 0) {
      const res = await this.client.get(`/wc/v3/orders/${cached}`);
      if (res.ok) return ok(res.value.data);
      if (res.error.code !== "woocommerce_not_found") return res;
      this.known.delete(orderId);
    }
    const after = sinceMs ?? this.config.nowMs() - FIND_ORDER_LOOKBACK_MS;
    const params = {
      after: gmtParam(after),
      dates_are_gmt: true,
      orderby: "date",
      order: "desc",
      include_meta: META.orderId
    };
    for (let page = 1; page <= MAX_SCAN_PAGES; page++) {
      const res = await this.client.get("/wc/v3/orders", { ...params, per_page: 100, page });
      if (!res.ok) return res;
      const hit = res.value.data.find((o) => metaValue(o.meta_data, META.orderId) === orderId);
      if (hit) {
        this.known.set(orderId, hit.id);
        const full = await this.client.get(`/wc/v3/orders/${hit.id}`);
        return full.ok ? ok(full.value.data) : full;
      }
      if (res.value.data.length < 100 || page >= (res.value.totalPages ?? page)) break;
    }
    return ok(null);
  }
  async create(draft) {
    const since2 = Date.parse(draft.createdTime) - SCAN_MARGIN_MS;
    const sinceMs = Number.isNaN(since2) ? null : Math.min(since2, this.config.nowMs() - SCAN_MARGIN_MS);
    const existing = await this.find(draft.orderId, sinceMs);
    if (!existing.ok) return existing;
    if (existing.value) return this.finishIfPending(existing.value, draft);
    const posted = await this.client.post("/wc/v3/orders", toCreateBody(draft, this.config.shippingMethodId));
    if (posted.ok) {
      this.known.set(draft.orderId, posted.value.data.id);
      return this.finalize(posted.value.data, draft);
    }
    if (!posted.error.retryable) return posted;
    const after = await this.find(draft.orderId, sinceMs);
    if (after.ok && after.value) return this.finishIfPending(after.value, draft);
    return posted;
  }
  finishIfPending(order, draft) {
    return order.status === "pending" ? this.finalize(order, draft) : Promise.resolve(ok(toRef(order)));
  }
  /** Reconciliation fee (exact Amazon gross), notes, then status (+ paid) in one PUT. */
  async finalize(order, draft) {
    const target = roundTo(draft.totals.gross, decimalsOf(order.total));
    const diff = sub(target, order.total);
    const body = { status: this.config.orderStatus };
    if (this.config.orderStatus === "processing") body.set_paid = true;
    if (!equals(diff, "0")) {
      const fee = order.fee_lines.find((f) => f.name === RECONCILIATION_FEE_NAME);
      body.fee_lines = [
        fee ? { id: fee.id, total: add(fee.total, diff) } : {
          name: RECONCILIATION_FEE_NAME,
          total: diff,
          tax_status: "none",
          meta_data: [{ key: "_amazon_charge_kind", value: "adjustment" }]
        }
      ];
    }
    const notes = await this.addMissingNotes(order.id, draft.notes);
    if (!notes.ok) return notes;
    const put = await this.client.put(`/wc/v3/orders/${order.id}`, body);
    if (!put.ok) return put;
    if (!equals(put.value.data.total, target)) {
      const note = `OrderBridge: the store total ${put.value.data.total} differs from Amazon's ${target} ${draft.currency}.`;
      const res = await this.client.post(`/wc/v3/orders/${order.id}/notes`, { note, customer_note: false });
      if (!res.ok) return res;
    }
    return ok(toRef(put.value.data));
  }
  /** One private note per draft note, skipping texts the order already has (retries). */
  async addMissingNotes(orderId, notes) {
    if (notes.length === 0) return ok(void 0);
    const existing = await this.client.get(`/wc/v3/orders/${orderId}/notes`);
    if (!existing.ok) return existing;
    const have = new Set(existing.value.data.map((n) => n.note));
    for (const note of notes) {
      if (have.has(note)) continue;
      const res = await this.client.post(`/wc/v3/orders/${orderId}/notes`, { note, customer_note: false });
      if (!res.ok) return res;
    }
    return ok(void 0);
  }
};

// src/stores/woocommerce/woocommerce-product.finder.ts
var CHUNK = 40;
function normaliseAttribute(attribute) {
  const lower = attribute.toLowerCase();
  if (["sku", "ean", "gtin", "mpn"].includes(lower)) return lower;
  return attribute.replace(/^custom:/, "");
}
function chunks(values) {
  const out = [];
  for (const v of values.filter((x) => x.includes(","))) out.push([v]);
  const plain = values.filter((x) => !x.includes(","));
  for (let i = 0; i < plain.length; i += CHUNK) out.push(plain.slice(i, i + CHUNK));
  return out;
}
async function viaFilter(client, param, values, found) {
  for (const chunk of chunks(values)) {
    const res = await client.getAll("/wc/v3/products", {
      [param]: chunk.join(","),
      orderby: "id",
      order: "asc"
    });
    if (!res.ok) return res;
    for (const p of res.value) {
      const value = param === "sku" ? p.sku : p.global_unique_id ?? "";
      if (chunk.includes(value) && !found.has(value)) found.set(value, toStoreProduct(p));
    }
  }
  return ok(void 0);
}
async function findProducts(client, index, attribute, values) {
  const attr = normaliseAttribute(attribute);
  const wanted = [...new Set(values.filter((v) => v.trim() !== ""))];
  const found = /* @__PURE__ */ new Map();
  if (wanted.length === 0) return ok(found);
  if (attr === "sku" || attr === "gtin" || attr === "ean") {
    const res = await viaFilter(client, attr === "sku" ? "sku" : "global_unique_id", wanted, found);
    if (!res.ok) return res;
    if (attr === "sku") return ok(found);
  }
  const left = new Set(wanted.filter((v) => !found.has(v)));
  if (left.size === 0) return ok(found);
  const catalog = await index.products();
  if (!catalog.ok) return catalog;
  const rows2 = [...catalog.value].sort((a, b) => Number(b.parentId !== void 0) - Number(a.parentId !== void 0));
  for (const { product, parentId } of rows2) {
    for (const value of identifierValues(product, attr)) {
      if (left.has(value) && !found.has(value)) found.set(value, toStoreProduct(product, parentId));
    }
  }
  return ok(found);
}

// src/stores/woocommerce/woocommerce-stock.ts
var MAX_ADJUSTMENT_KEYS = 200;
var pathOf = (productId, variationId) => variationId > 0 ? `/wc/v3/products/${productId}/variations/${variationId}` : `/wc/v3/products/${productId}`;
async function readStock(client, refs) {
  const byParent = /* @__PURE__ */ new Map();
  for (const ref of refs) {
    const r = parseRef(ref);
    if (r === null) continue;
    const key = r.variationId > 0 ? r.productId : 0;
    byParent.set(key, [...byParent.get(key) ?? [], r.variationId > 0 ? r.variationId : r.productId]);
  }
  const out = /* @__PURE__ */ new Map();
  for (const [parent, ids] of byParent) {
    const path5 = parent > 0 ? `/wc/v3/products/${parent}/variations` : "/wc/v3/products";
    for (let i = 0; i < ids.length; i += 100) {
      const res = await client.getAll(path5, { include: ids.slice(i, i + 100).join(",") });
      if (!res.ok) return res;
      for (const p of res.value) {
        const available = availableOf(p);
        const ref = parent > 0 ? `${parent}:${p.id}` : refOf(p);
        if (available !== null && refs.includes(ref)) out.set(ref, available);
      }
    }
  }
  return ok(out);
}
function appliedKeys(p) {
  let value = metaValue(p.meta_data, META.stockAdjustments);
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      value = [];
    }
  }
  return Array.isArray(value) ? value.filter((k) => typeof k === "string") : [];
}
async function adjustStock(client, ref, delta, key) {
  const r = parseRef(ref);
  if (r === null) {
    return err(
      new AppError("woocommerce_invalid_product_ref", `"${ref}" is not a WooCommerce product ref.`, {
        kind: "invalid"
      })
    );
  }
  const path5 = pathOf(r.productId, r.variationId);
  const read = await client.get(path5);
  if (!read.ok) return read;
  const product = read.value.data;
  const current = availableOf(product);
  if (current === null) {
    return err(
      new AppError(
        "woocommerce_stock_not_managed",
        `WooCommerce does not manage stock for product ${ref}; enable "Manage stock".`,
        {
          kind: "invalid",
          details: { productRef: ref }
        }
      )
    );
  }
  const keys = appliedKeys(product);
  if (keys.includes(key)) return ok(current);
  const next = current + delta;
  const put = await client.put(path5, {
    stock_quantity: next,
    meta_data: [{ key: META.stockAdjustments, value: [...keys, key].slice(-MAX_ADJUSTMENT_KEYS) }]
  });
  if (!put.ok) return put;
  return ok(availableOf(put.value.data) ?? next);
}

// src/stores/woocommerce/woocommerce.client.ts
import axios from "axios";

// src/stores/woocommerce/woocommerce.errors.ts
function parseErrorBody(text5) {
  try {
    const parsed = JSON.parse(text5);
    return typeof parsed === "object" && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}
function httpError(status, text5, where, retryAfter) {
  const body = parseErrorBody(text5);
  const wcCode = body?.code ?? null;
  const wcMessage = body?.message ?? null;
  const details = {
    status,
    wooCode: wcCode,
    wooMessage: wcMessage,
    request: where,
    params: body?.data?.params ?? null
  };
  const said = wcMessage ? `: ${wcMessage}${wcCode ? ` (${wcCode})` : ""}` : "";
  if (status === 401 || status === 403 || status === 404 && wcCode === "rest_no_route") {
    return accessError(status, where, said, details);
  }
  if (status === 404) {
    return new AppError("woocommerce_not_found", `WooCommerce: not found (${where})${said}.`, {
      kind: "not_found",
      details
    });
  }
  if (status === 429) {
    const withRetry = { ...details, retryAfter: retryAfter ?? null };
    return new AppError("woocommerce_rate_limited", `WooCommerce throttled ${where} (429).`, {
      kind: "rate_limited",
      details: withRetry
    });
  }
  if (status >= 500) {
    const message2 = `WooCommerce is unavailable: ${where} answered ${status}${said}.`;
    return new AppError("woocommerce_unavailable", message2, { kind: "upstream", details });
  }
  const message = `WooCommerce rejected ${where} (${status})${said}.`;
  return new AppError("woocommerce_invalid_request", message, { kind: "invalid", details });
}
function accessError(status, where, said, details) {
  if (status === 401) {
    const message2 = `WooCommerce rejected the API credentials${said}. Check the consumer key and secret (WooCommerce \u203A Settings \u203A Advanced \u203A REST API).`;
    return new AppError("woocommerce_auth_failed", message2, { kind: "auth", retryable: false, details });
  }
  if (status === 403) {
    const message2 = `The WooCommerce API key may not do ${where}${said}; it needs Read/Write permission.`;
    return new AppError("woocommerce_forbidden", message2, { kind: "auth", retryable: false, details });
  }
  const message = `No WooCommerce REST API route for ${where}; check the store URL and that WooCommerce is active.`;
  return new AppError("woocommerce_api_not_found", message, { kind: "invalid", retryable: false, details });
}
function networkError(where, timedOut, reason) {
  const message = timedOut ? `WooCommerce did not answer ${where} in time.` : `Could not reach WooCommerce for ${where}: ${reason}.`;
  return new AppError("woocommerce_unavailable", message, {
    kind: "upstream",
    details: { request: where, reason: timedOut ? "timeout" : reason, outcomeUnknown: true }
  });
}
function invalidResponse(where, why) {
  return new AppError("woocommerce_invalid_response", `WooCommerce answered ${where} with ${why}.`, {
    kind: "upstream",
    retryable: false
  });
}

// src/stores/woocommerce/woocommerce.client.ts
var PER_PAGE = 100;
var WooClient = class {
  http;
  constructor(options) {
    const token = Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString("base64");
    this.http = axios.create({
      baseURL: `${options.baseUrl.replace(/\/+$/, "")}/wp-json`,
      timeout: options.timeoutMs,
      headers: { authorization: `Basic ${token}`, accept: "application/json" },
      responseType: "text",
      transformResponse: [(data) => data],
      validateStatus: () => true,
      maxRedirects: 0
    });
  }
  get(path5, params = {}) {
    return this.send("GET", path5, params, void 0);
  }
  post(path5, body) {
    return this.send("POST", path5, {}, body);
  }
  put(path5, body) {
    return this.send("PUT", path5, {}, body);
  }
  /** Every page of a list (per_page 100), stopping after `maxPages`. */
  async getAll(path5, params, maxPages = 50) {
    const rows2 = [];
    for (let page = 1; page <= maxPages; page++) {
      const res = await this.get(path5, { ...params, per_page: PER_PAGE, page });
      if (!res.ok) return res;
      rows2.push(...res.value.data);
      const last = res.value.totalPages ?? (res.value.data.length < PER_PAGE ? page : page + 1);
      if (page >= last || res.value.data.length === 0) break;
    }
    return ok(rows2);
  }
  async send(method, path5, params, body) {
    const where = `${method} ${path5}`;
    let res;
    try {
      res = await this.http.request({ method, url: path5, params, data: body });
    } catch (error) {
      return err(toNetworkError(error, where));
    }
    const text5 = typeof res.data === "string" ? res.data : "";
    const header2 = (name) => {
      const v = res.headers[name];
      return typeof v === "string" ? v : typeof v === "number" ? String(v) : void 0;
    };
    if (res.status < 200 || res.status >= 300) return err(httpError(res.status, text5, where, header2("retry-after")));
    let data;
    try {
      data = JSON.parse(text5);
    } catch {
      return err(invalidResponse(where, `a non-JSON body (${header2("content-type") ?? "no content type"})`));
    }
    const pages = header2("x-wp-totalpages");
    return ok({ data, totalPages: pages === void 0 ? null : Number(pages) });
  }
};
function toNetworkError(error, where) {
  if (axios.isAxiosError(error)) {
    const timedOut = error.code === "ECONNABORTED" || error.code === "ETIMEDOUT";
    return networkError(where, timedOut, error.code ?? "network error");
  }
  return networkError(where, false, error instanceof Error ? error.message : String(error));
}

// src/stores/woocommerce/woocommerce.settings.ts
import { z as z6 } from "zod";
var wooSettingsSchema = z6.strictObject({
  /** Status of a created order once it is complete and reconciled. */
  orderStatus: z6.enum(["processing", "on-hold"]).default("processing"),
  /** Secret of the store's `order.updated` webhook (for parseWebhook). Also accepted in secrets. */
  webhookSecret: z6.string().min(1, "must not be empty").optional(),
  /** `method_id` of the shipping line (default `flat_rate`); the title is the draft's shipping method. */
  shippingMethodId: z6.string().min(1, "must not be empty").max(100).optional()
});
var wooSecretsSchema = z6.strictObject({
  consumerKey: z6.string().min(1, "is required (ck_\u2026)"),
  consumerSecret: z6.string().min(1, "is required (cs_\u2026)"),
  webhookSecret: z6.string().min(1, "must not be empty").optional()
});

// src/stores/woocommerce/woocommerce.webhook.ts
import { createHmac as createHmac2, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
var headerOf = (w, name) => {
  const key = Object.keys(w.headers).find((k) => k.toLowerCase() === name);
  return key === void 0 ? void 0 : w.headers[key];
};
function signatureValid(rawBody, secret, given) {
  const expected = Buffer.from(createHmac2("sha256", secret).update(rawBody, "utf8").digest("base64"));
  const actual = Buffer.from(given.trim());
  return expected.length === actual.length && timingSafeEqual2(expected, actual);
}
function parseWooWebhook(webhook, secret) {
  const signature = headerOf(webhook, "x-wc-webhook-signature");
  if (signature === void 0 && /^webhook_id=\d+$/.test(webhook.rawBody.trim())) return ok([]);
  if (secret === void 0) {
    return err(
      new AppError(
        "woocommerce_webhook_not_configured",
        "No webhook secret is configured for this WooCommerce store.",
        { kind: "invalid", retryable: false }
      )
    );
  }
  if (signature === void 0 || !signatureValid(webhook.rawBody, secret, signature)) {
    return err(
      new AppError("woocommerce_webhook_signature_invalid", "The WooCommerce webhook signature does not match.", {
        kind: "auth",
        retryable: false
      })
    );
  }
  return mapPayload(headerOf(webhook, "x-wc-webhook-topic") ?? "", webhook.rawBody);
}
function mapPayload(topic, rawBody) {
  let payload;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    const message = "The WooCommerce webhook body is not JSON.";
    return err(new AppError("woocommerce_webhook_invalid_body", message, { kind: "invalid", retryable: false }));
  }
  if (typeof payload !== "object" || payload === null) return ok([]);
  if (topic === "order.created" || topic === "order.updated" || topic === "order.restored") {
    const order = payload;
    return ok(
      Array.isArray(order.meta_data) ? orderEvents({ ...order, shipping_lines: order.shipping_lines ?? [] }) : []
    );
  }
  if (topic === "product.updated" || topic === "product.created") {
    const product = payload;
    const event = Array.isArray(product.meta_data) ? stockEvent(product) : null;
    return ok(event ? [event] : []);
  }
  return ok([]);
}

// src/stores/woocommerce/woocommerce.connector.ts
var WooCommerceConnector = class _WooCommerceConnector {
  constructor(config, deps) {
    this.deps = deps;
    this.settings = wooSettingsSchema.parse(config.settings);
    this.secrets = wooSecretsSchema.parse(config.secrets);
    this.client = new WooClient({
      baseUrl: config.baseUrl,
      consumerKey: this.secrets.consumerKey,
      consumerSecret: this.secrets.consumerSecret,
      timeoutMs: deps.timeoutMs
    });
    const nowMs = () => Date.parse(deps.now());
    this.catalog = new CatalogIndex(this.client, nowMs);
    this.creator = new WooOrderCreator(this.client, {
      orderStatus: this.settings.orderStatus,
      shippingMethodId: this.settings.shippingMethodId ?? "flat_rate",
      nowMs
    });
  }
  deps;
  static id = "woocommerce";
  platform = _WooCommerceConnector.id;
  client;
  settings;
  secrets;
  catalog;
  creator;
  /** The site index names the store; one authenticated list call proves the key works. */
  async test() {
    const auth = await this.client.get("/wc/v3/orders", { per_page: 1 });
    if (!auth.ok) return auth;
    const site = await this.client.get("/");
    const name = site.ok && typeof site.value.data.name === "string" ? site.value.data.name : "";
    return ok({ storeName: name || "WooCommerce" });
  }
  findProducts(attribute, values) {
    return findProducts(this.client, this.catalog, attribute, values);
  }
  async findOrder(orderId) {
    const res = await this.creator.find(orderId);
    if (!res.ok) return res;
    return ok(res.value ? { ref: String(res.value.id), number: res.value.number || String(res.value.id) } : null);
  }
  createOrder(draft) {
    return this.creator.create(draft);
  }
  /** PUT status cancelled (WooCommerce restores stock) unless already cancelled; the note once. */
  async cancelOrder(order, note) {
    const current = await this.client.get(`/wc/v3/orders/${order.ref}`);
    if (!current.ok) return current;
    if (current.value.data.status !== "cancelled") {
      const put = await this.client.put(`/wc/v3/orders/${order.ref}`, { status: "cancelled" });
      if (!put.ok) return put;
    }
    if (note.trim() === "") return ok(void 0);
    const notes = await this.client.get(`/wc/v3/orders/${order.ref}/notes`);
    if (!notes.ok) return notes;
    if (notes.value.data.some((n) => n.note === note)) return ok(void 0);
    return this.addOrderNote(order, note);
  }
  async addOrderNote(order, note) {
    const res = await this.client.post(`/wc/v3/orders/${order.ref}/notes`, { note, customer_note: false });
    return res.ok ? ok(void 0) : res;
  }
  readStock(productRefs) {
    return readStock(this.client, productRefs);
  }
  async adjustStock(productRef, delta, key) {
    const res = await adjustStock(this.client, productRef, delta, key);
    if (res.ok) this.catalog.invalidate();
    return res;
  }
  pollEvents(cursor) {
    return pollEvents(this.client, cursor, Date.parse(this.deps.now()));
  }
  parseWebhook(webhook) {
    return parseWooWebhook(webhook, this.secrets.webhookSecret ?? this.settings.webhookSecret);
  }
};

// src/stores/woocommerce/index.ts
var woocommercePlatform = {
  id: WooCommerceConnector.id,
  title: "WooCommerce",
  parseSettings: (settings) => wooSettingsSchema.parse(settings ?? {}),
  parseSecrets: (secrets) => {
    const parsed = wooSecretsSchema.parse(secrets);
    return Object.fromEntries(Object.entries(parsed).filter((e) => typeof e[1] === "string"));
  },
  create: (config, deps) => new WooCommerceConnector(config, deps)
};

// src/stores/registry.ts
var PLATFORMS = [hubApiPlatform, woocommercePlatform];
var PLATFORM_IDS = PLATFORMS.map((p) => p.id);
function platformFor(id) {
  return PLATFORMS.find((p) => p.id === id) ?? null;
}

// src/sync/store.service.ts
var newStoreSchema = z7.object({
  name: z7.string().trim().min(1, "name is required").max(100),
  platform: z7.string().trim().min(1, `platform is required (${PLATFORM_IDS.join(", ")})`),
  baseUrl: z7.url({ protocol: /^https?$/, error: "store URL must be an http(s) URL" }),
  settings: z7.record(z7.string(), z7.unknown()).optional(),
  secrets: z7.record(z7.string(), z7.string()).optional()
});
var CONNECTOR_TIMEOUT_MS = 2e4;
var pollSchema = z7.coerce.number({ error: "pollIntervalSeconds must be a number" }).int("pollIntervalSeconds must be a whole number").min(1, "pollIntervalSeconds must be at least 1").max(86400, "pollIntervalSeconds must be at most 86400");
var StoreService = class {
  constructor(stores, audit, secrets, clock, hub = null) {
    this.stores = stores;
    this.audit = audit;
    this.secrets = secrets;
    this.clock = clock;
    this.hub = hub;
  }
  stores;
  audit;
  secrets;
  clock;
  hub;
  cache = /* @__PURE__ */ new Map();
  async add(accountId, input, actor) {
    const parsed = newStoreSchema.safeParse(input);
    if (!parsed.success) return err(zodToAppError("store_invalid", parsed.error));
    const s = parsed.data;
    const platform = platformFor(s.platform);
    if (!platform) {
      return err(
        new AppError(
          "store_platform_unknown",
          `Unknown store platform "${s.platform}"; use one of ${PLATFORM_IDS.join(", ")}`,
          {
            kind: "invalid"
          }
        )
      );
    }
    let settings;
    let secrets;
    try {
      const { pollIntervalSeconds, ...platformSettings } = s.settings ?? {};
      settings = {
        ...platform.parseSettings(platformSettings),
        ...pollIntervalSeconds !== void 0 && { pollIntervalSeconds: pollSchema.parse(pollIntervalSeconds) }
      };
      secrets = platform.parseSecrets(s.secrets ?? {});
    } catch (error) {
      if (error instanceof ZodError) return err(zodToAppError("store_invalid", error));
      return err(toAppError(error));
    }
    if (await this.stores.findByRef(accountId, s.name)) {
      return err(new AppError("store_name_taken", `A store named "${s.name}" already exists`, { kind: "conflict" }));
    }
    const now = this.clock.nowIso();
    const store2 = await this.stores.insert({
      id: newId(),
      accountId,
      name: s.name,
      platform: platform.id,
      baseUrl: s.baseUrl.replace(/\/+$/, ""),
      settings,
      secretsSealed: this.secrets.seal(JSON.stringify(secrets)),
      now
    });
    await this.audit.record({
      accountId,
      actor,
      action: "store.created",
      entity: "store",
      entityId: store2.id,
      before: null,
      after: store2,
      at: now
    });
    return ok(this.view(store2, secrets));
  }
  async list(accountId) {
    const stores = await this.stores.list(accountId);
    return Promise.all(stores.map(async (s) => this.view(s, await this.openSecrets(s.id))));
  }
  async get(accountId, ref) {
    const store2 = await this.stores.findByRef(accountId, ref);
    if (!store2) return err(storeNotFound(ref));
    return ok(this.view(store2, await this.openSecrets(store2.id)));
  }
  /** One cheap authenticated call to the store. */
  async test(accountId, ref) {
    const store2 = await this.stores.findByRef(accountId, ref);
    if (!store2) return err(storeNotFound(ref));
    const connector = await this.connectorFor(store2.id);
    if (!connector.ok) return connector;
    const tested = await connector.value.test();
    return tested.ok ? ok({ storeName: tested.value.storeName, platform: store2.platform }) : tested;
  }
  /** The connector of a store, rebuilt when the store changed. */
  async connectorFor(storeId) {
    const store2 = await this.stores.findById(storeId);
    if (!store2) return err(storeNotFound(storeId));
    const cached = this.cache.get(storeId);
    if (cached?.updatedAt === store2.updatedAt) return ok(cached.connector);
    const platform = platformFor(store2.platform);
    if (!platform) {
      return err(
        new AppError("store_platform_unknown", `Unknown store platform "${store2.platform}"`, { kind: "invalid" })
      );
    }
    const { pollIntervalSeconds: _poll, ...settings } = store2.settings;
    const connector = platform.create(
      { ...store2, settings, secrets: await this.openSecrets(storeId) },
      { now: () => this.clock.nowIso(), timeoutMs: CONNECTOR_TIMEOUT_MS, ...this.hub && { hub: this.hub } }
    );
    this.cache.set(storeId, { updatedAt: store2.updatedAt, connector });
    return ok(connector);
  }
  async findByRef(accountId, ref) {
    return this.stores.findByRef(accountId, ref);
  }
  async openSecrets(storeId) {
    const sealed = await this.stores.sealedSecrets(storeId);
    return sealed ? JSON.parse(this.secrets.open(sealed)) : {};
  }
  view(store2, secrets) {
    const secretHints = Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, maskSecret(v)]));
    return { ...store2, secretHints };
  }
};
function storeNotFound(ref) {
  return new AppError("store_not_found", `No store "${ref}" in this account`, { kind: "not_found" });
}

// src/sync/retry-order.ts
async function retryOrder(deps, orderId) {
  const order = await deps.orders.findById(orderId);
  if (!order) return err(new AppError("order_not_found", `No order ${orderId}`, { kind: "not_found" }));
  const connection = await deps.connections.findById(order.connectionId);
  if (!connection?.storeId) {
    return err(
      new AppError("connection_has_no_store", "The order\u2019s connection has no store: link a store first", {
        kind: "conflict"
      })
    );
  }
  const now = deps.clock.nowIso();
  const shipments = (await deps.shipments.forOrder(orderId)).filter((s) => s.state === "failed");
  const cancellations = (await deps.cancellations.forOrder(orderId)).filter((c) => c.state === "failed");
  await deps.db.transaction().execute(async (trx) => {
    if (order.status !== "failed") {
      await deps.orderStore.clearError(trx, orderId, now);
    }
    for (const s of shipments) await deps.shipments.setState(trx, s.id, "pending", null, now);
    await deps.cancellations.setState(
      trx,
      cancellations.map((c) => c.id),
      "pending",
      { error: null },
      now
    );
    await deps.orders.addEvent(trx, {
      orderId,
      connectionId: order.connectionId,
      occurredAt: now,
      direction: "internal",
      kind: "order.retry_requested",
      summary: `Retry requested: delivery${shipments.length ? `, ${shipments.length} shipment(s)` : ""}${cancellations.length ? `, ${cancellations.length} cancellation(s)` : ""}`,
      payload: null
    });
    await enqueueDelivery(deps, orderId, connection.storeId, trx);
    for (const s of shipments) {
      await deps.jobs.enqueue(
        JOBS.confirmShipment,
        { shipmentId: s.id },
        { key: `ship:${s.id}`, queue: `ship:${orderId}`, trx }
      );
    }
    if (cancellations.length > 0) {
      await deps.jobs.enqueue(
        JOBS.submitCancellations,
        { connectionId: order.connectionId },
        { key: `cancel-submit:${order.connectionId}`, queue: `feeds:${order.connectionId}`, trx }
      );
    }
  });
  return ok({ delivery: true, shipments: shipments.length, cancellations: cancellations.length });
}

// src/sync/sku-link.service.ts
var cleanSku = (value, what) => {
  const v = value.trim();
  if (v === "" || v.length > 200) {
    return err(new AppError("sku_link_invalid", `${what} must be 1\u2013200 characters`, { kind: "invalid" }));
  }
  return ok(v);
};
var SkuLinkService = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  async link(connection, amazonSku, productRef) {
    const sku = cleanSku(amazonSku, "Amazon SKU");
    if (!sku.ok) return sku;
    const ref = cleanSku(productRef, "store product ref");
    if (!ref.ok) return ref;
    const now = this.deps.clock.nowIso();
    await this.deps.skuLinks.link(connection.id, sku.value, ref.value, now);
    const released = await this.deps.orderStore.heldForSkus(connection.id, [sku.value]);
    if (connection.storeId) {
      for (const orderId of released) await enqueueDelivery(this.deps, orderId, connection.storeId);
    }
    return ok({ link: { amazonSku: sku.value, productRef: ref.value, createdAt: now }, released });
  }
  async unlink(connection, amazonSku) {
    const removed = await this.deps.skuLinks.unlink(connection.id, amazonSku.trim());
    if (!removed) {
      return err(new AppError("sku_link_not_found", `No link for Amazon SKU "${amazonSku}"`, { kind: "not_found" }));
    }
    return ok(void 0);
  }
  list(connection) {
    return this.deps.skuLinks.list(connection.id);
  }
};

// src/sync/store-side.service.ts
var notFound2 = (what, ref) => new AppError(`${what}_not_found`, `No ${what} "${ref}" in this account`, { kind: "not_found" });
var StoreSideService = class {
  constructor(deps) {
    this.deps = deps;
    this.links = new SkuLinkService(deps);
  }
  deps;
  links;
  async connection(accountId, ref) {
    const c = await this.deps.connections.findByRef(accountId, ref);
    return c ? ok(c) : err(notFound2("connection", ref));
  }
  async connectionIds(accountId, ref) {
    if (ref === void 0) return ok((await this.deps.connections.list(accountId)).map((c2) => c2.id));
    const c = await this.connection(accountId, ref);
    return c.ok ? ok([c.value.id]) : c;
  }
  /** An order of this account, by OrderBridge id or Amazon order id. */
  async order(accountId, ref) {
    const ids = (await this.deps.connections.list(accountId)).map((c) => c.id);
    const byId2 = await this.deps.orders.findById(ref);
    const order = byId2 && ids.includes(byId2.connectionId) ? byId2 : await this.deps.orders.findByAmazonId(ids, ref);
    return order ? ok(order) : err(notFound2("order", ref));
  }
  async shipments(accountId, f) {
    const ids = await this.connectionIds(accountId, f.connection);
    return ids.ok ? ok(await this.deps.shipments.list(ids.value, f.state ?? null, f.limit)) : ids;
  }
  async cancellations(accountId, f) {
    const ids = await this.connectionIds(accountId, f.connection);
    return ids.ok ? ok(await this.deps.cancellations.list(ids.value, f.limit)) : ids;
  }
  /** Sends every pending shipment now (the worker does this on its own; for the CLI and "push now"). */
  async pushShipments(accountId, connection) {
    const pending = await this.shipments(accountId, {
      ...connection !== void 0 && { connection },
      state: "pending",
      limit: 1e3
    });
    if (!pending.ok) return pending;
    const counts = { confirmed: 0, rejected: 0, not_pending: 0, inactive: 0, retry_later: 0 };
    for (const s of pending.value) {
      const r = await confirmShipment(this.deps, s.id);
      if (r.ok) counts[r.value] += 1;
      else counts.retry_later += 1;
    }
    return ok(counts);
  }
  async pushStock(accountId, connection) {
    const c = await this.connection(accountId, connection);
    return c.ok ? pushStock(this.deps, c.value.id) : c;
  }
  async pollStore(accountId, storeId) {
    const store2 = await this.deps.stores.findById(storeId);
    if (store2?.accountId !== accountId) return err(notFound2("store", storeId));
    return pollStore(this.deps, storeId);
  }
  async retry(accountId, orderRef) {
    const order = await this.order(accountId, orderRef);
    return order.ok ? retryOrder(this.deps, order.value.id) : order;
  }
  async needsAttention(accountId, limit) {
    const ids = (await this.deps.connections.list(accountId)).map((c) => c.id);
    return this.deps.orderStore.needsAttention(ids, limit);
  }
  async linkSku(accountId, connection, amazonSku, productRef) {
    const c = await this.connection(accountId, connection);
    return c.ok ? this.links.link(c.value, amazonSku, productRef) : c;
  }
  async unlinkSku(accountId, connection, amazonSku) {
    const c = await this.connection(accountId, connection);
    return c.ok ? this.links.unlink(c.value, amazonSku) : c;
  }
  async skuLinks(accountId, connection) {
    const c = await this.connection(accountId, connection);
    return c.ok ? ok(await this.links.list(c.value)) : c;
  }
};

// src/db/cancellation.repository.ts
function toCancellation(r) {
  return {
    id: r.id,
    orderId: r.order_id,
    connectionId: r.connection_id,
    storeId: r.store_id,
    storeRef: r.store_ref,
    items: fromJson(r.items_json) ?? [],
    reason: r.reason,
    state: r.state,
    feedId: r.feed_id,
    lastError: r.last_error,
    createdAt: r.created_at
  };
}
var toFeed = (r) => ({
  id: r.id,
  connectionId: r.connection_id,
  feedType: r.feed_type,
  amazonFeedId: r.amazon_feed_id,
  state: r.state,
  processingStatus: r.processing_status,
  document: r.document,
  report: fromJson(r.report_json),
  createdAt: r.created_at
});
var CancellationRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async insert(db, c, now) {
    const result = await db.insertInto("cancellations").values({
      id: c.id,
      order_id: c.orderId,
      connection_id: c.connectionId,
      store_id: c.storeId,
      store_ref: c.storeRef,
      items_json: JSON.stringify(c.items),
      reason: c.reason,
      state: c.state,
      feed_id: null,
      last_error: c.lastError,
      created_at: now,
      updated_at: now
    }).onConflict((oc) => oc.columns(["store_id", "store_ref"]).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  async forOrder(orderId, db = this.db) {
    const rows2 = await db.selectFrom("cancellations").selectAll().where("order_id", "=", orderId).orderBy("created_at").execute();
    return rows2.map(toCancellation);
  }
  async pending(connectionId, limit) {
    const rows2 = await this.db.selectFrom("cancellations").selectAll().where("connection_id", "=", connectionId).where("state", "=", "pending").orderBy("created_at").limit(limit).execute();
    return rows2.map(toCancellation);
  }
  async forFeed(feedId) {
    const rows2 = await this.db.selectFrom("cancellations").selectAll().where("feed_id", "=", feedId).execute();
    return rows2.map(toCancellation);
  }
  async list(connectionIds, limit) {
    if (connectionIds.length === 0) return [];
    const rows2 = await this.db.selectFrom("cancellations").selectAll().where("connection_id", "in", [...connectionIds]).orderBy("created_at", "desc").limit(limit).execute();
    return rows2.map(toCancellation);
  }
  async setState(db, ids, state, patch, now) {
    if (ids.length === 0) return;
    await db.updateTable("cancellations").set({
      state,
      updated_at: now,
      ...patch.feedId !== void 0 && { feed_id: patch.feedId },
      ...patch.error !== void 0 && { last_error: patch.error }
    }).where("id", "in", [...ids]).execute();
  }
  async insertFeed(db, f, now) {
    await db.insertInto("feeds").values({
      id: f.id,
      connection_id: f.connectionId,
      feed_type: f.feedType,
      amazon_feed_id: null,
      state: "preparing",
      processing_status: null,
      document: f.document,
      report_json: null,
      created_at: now,
      updated_at: now
    }).execute();
  }
  async updateFeed(db, id, patch, now) {
    await db.updateTable("feeds").set({
      updated_at: now,
      ...patch.amazonFeedId !== void 0 && { amazon_feed_id: patch.amazonFeedId },
      ...patch.state !== void 0 && { state: patch.state },
      ...patch.processingStatus !== void 0 && { processing_status: patch.processingStatus },
      ...patch.report !== void 0 && { report_json: toJson(patch.report) }
    }).where("id", "=", id).execute();
  }
  async findFeed(id) {
    const row = await this.db.selectFrom("feeds").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toFeed(row) : null;
  }
};

// src/db/order-store.repository.ts
var OrderStoreRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async setStoreState(db, orderId, patch, now) {
    await db.updateTable("orders").set({
      store_state: patch.storeState,
      ...patch.status !== void 0 && { status: patch.status },
      ...patch.storeOrderRef !== void 0 && { store_order_ref: patch.storeOrderRef },
      ...patch.storeOrderNumber !== void 0 && { store_order_number: patch.storeOrderNumber },
      ...patch.holdReason !== void 0 && { hold_reason: patch.holdReason },
      ...patch.skipReason !== void 0 && { skip_reason: patch.skipReason },
      ...patch.error !== void 0 && {
        error_code: patch.error?.code ?? null,
        error_message: patch.error?.message ?? null
      },
      updated_at: now
    }).where("id", "=", orderId).execute();
  }
  async clearError(db, orderId, now) {
    await db.updateTable("orders").set({ error_code: null, error_message: null, updated_at: now }).where("id", "=", orderId).execute();
  }
  async setHold(db, orderId, reason, now) {
    await db.updateTable("orders").set({ status: "held", hold_reason: reason, updated_at: now }).where("id", "=", orderId).execute();
  }
  /** Records a failed delivery attempt; the order waits in needs-attention until retried. */
  async recordFailure(orderId, error, now) {
    await this.db.updateTable("orders").set((eb) => ({
      error_code: error.code,
      error_message: error.message,
      store_attempts: eb("store_attempts", "+", 1),
      updated_at: now
    })).where("id", "=", orderId).execute();
  }
  async setLineProducts(db, orderId, refs) {
    for (const [orderItemId, productRef] of refs) {
      await db.updateTable("order_lines").set({ product_ref: productRef }).where("order_id", "=", orderId).where("amazon_order_item_id", "=", orderItemId).execute();
    }
  }
  async storeOrderNumber(orderId) {
    const row = await this.db.selectFrom("orders").select("store_order_number").where("id", "=", orderId).executeTakeFirst();
    return row?.store_order_number ?? null;
  }
  /** Orders of a connection that are held for one of these SKUs (cropped or as sold). */
  async heldForSkus(connectionId, skus) {
    if (skus.length === 0) return [];
    const rows2 = await this.db.selectFrom("orders").innerJoin("order_lines", "order_lines.order_id", "orders.id").select("orders.id").distinct().where("orders.connection_id", "=", connectionId).where("orders.status", "=", "held").where("order_lines.product_ref", "is", null).where(
      (eb) => eb.or([eb("order_lines.seller_sku", "in", [...skus]), eb("order_lines.cropped_sku", "in", [...skus])])
    ).execute();
    return rows2.map((r) => r.id);
  }
  /** Orders whose store side may be behind (the periodic sweep re-checks them). */
  async needingDelivery(connectionId, limit) {
    const rows2 = await this.db.selectFrom("orders").select("id").where("connection_id", "=", connectionId).where(
      (eb) => eb.or([
        eb.and([
          eb("status", "in", ["pending", "ready", "cancel_requested"]),
          eb.or([eb("store_state", "is", null), eb("store_state", "in", ["waiting", "reserved"])])
        ]),
        eb.and([eb("status", "=", "cancelled"), eb("store_state", "in", ["created", "reserved", "stock_taken"])]),
        eb.and([eb("status", "in", ["shipped", "skipped"]), eb("store_state", "=", "reserved")])
      ])
    ).where("error_code", "is", null).orderBy("updated_at").limit(limit).execute();
    return rows2.map((r) => r.id);
  }
  /** The needs-attention list: held orders and orders whose last store or Amazon step failed. */
  async needsAttention(connectionIds, limit) {
    if (connectionIds.length === 0) return [];
    const rows2 = await this.db.selectFrom("orders").selectAll().where("connection_id", "in", [...connectionIds]).where((eb) => eb.or([eb("status", "=", "held"), eb("error_code", "is not", null)])).orderBy("updated_at", "desc").limit(limit).execute();
    return rows2.map(toOrder);
  }
};

// src/db/shipment.repository.ts
function toShipment(r) {
  return {
    id: r.id,
    orderId: r.order_id,
    connectionId: r.connection_id,
    storeId: r.store_id,
    storeRef: r.store_ref,
    carrierCode: r.carrier_code,
    carrierName: r.carrier_name,
    shippingMethod: r.shipping_method,
    trackingNumber: r.tracking_number,
    shipDate: r.ship_date,
    items: fromJson(r.items_json) ?? [],
    packageReferenceId: r.package_reference_id,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    confirmedAt: r.confirmed_at,
    createdAt: r.created_at
  };
}
var ShipmentRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  /** Inserts unless the store shipment is already recorded; returns whether it was new. */
  async insert(db, s, now) {
    const result = await db.insertInto("shipments").values({
      id: s.id,
      order_id: s.orderId,
      connection_id: s.connectionId,
      store_id: s.storeId,
      store_ref: s.storeRef,
      carrier_code: s.carrierCode,
      carrier_name: s.carrierName,
      shipping_method: s.shippingMethod,
      tracking_number: s.trackingNumber,
      ship_date: s.shipDate,
      items_json: JSON.stringify(s.items),
      package_reference_id: s.packageReferenceId,
      state: s.state,
      last_error: s.lastError,
      confirmed_at: null,
      created_at: now,
      updated_at: now
    }).onConflict((oc) => oc.columns(["store_id", "store_ref"]).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  async findById(id) {
    const row = await this.db.selectFrom("shipments").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toShipment(row) : null;
  }
  async forOrder(orderId, db = this.db) {
    const rows2 = await db.selectFrom("shipments").selectAll().where("order_id", "=", orderId).orderBy("created_at").execute();
    return rows2.map(toShipment);
  }
  async list(connectionIds, state, limit) {
    if (connectionIds.length === 0) return [];
    let q = this.db.selectFrom("shipments").selectAll().where("connection_id", "in", [...connectionIds]);
    if (state) q = q.where("state", "=", state);
    const rows2 = await q.orderBy("created_at", "desc").limit(limit).execute();
    return rows2.map(toShipment);
  }
  async markAttempt(id, now) {
    await this.db.updateTable("shipments").set((eb) => ({ attempts: eb("attempts", "+", 1), updated_at: now })).where("id", "=", id).execute();
  }
  async setState(db, id, state, error, now) {
    await db.updateTable("shipments").set({ state, last_error: error, updated_at: now, ...state === "confirmed" && { confirmed_at: now } }).where("id", "=", id).execute();
  }
};

// src/db/stock.repository.ts
var toStockLevel = (r) => ({
  connectionId: r.connection_id,
  amazonSku: r.amazon_sku,
  productRef: r.product_ref,
  storeAvailable: r.store_available,
  mfn: fromBool(r.mfn),
  pushedQuantity: r.pushed_quantity,
  pushedAt: r.pushed_at,
  lastError: r.last_error
});
var RESERVING_STATES = ["reserved"];
var RESERVING_STATUSES = ["ready", "held", "cancel_requested"];
var StockRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  /** Remembers which store product sells as this Amazon SKU (learned when an order line is resolved). */
  async track(db, connectionId, amazonSku, productRef, mfn, now) {
    await db.insertInto("stock_levels").values({
      connection_id: connectionId,
      amazon_sku: amazonSku,
      product_ref: productRef,
      store_available: null,
      mfn: toBool(mfn),
      pushed_quantity: null,
      pushed_at: null,
      last_error: null,
      updated_at: now
    }).onConflict(
      (oc) => oc.columns(["connection_id", "amazon_sku"]).doUpdateSet({ product_ref: productRef, updated_at: now })
    ).execute();
  }
  /** Sets the store's quantity of a product on every connection of the store; returns the connections changed. */
  async setStoreAvailable(connectionIds, productRef, available, now) {
    if (connectionIds.length === 0) return [];
    const rows2 = await this.db.updateTable("stock_levels").set({ store_available: available, updated_at: now }).where("connection_id", "in", [...connectionIds]).where("product_ref", "=", productRef).where((eb) => eb.or([eb("store_available", "is", null), eb("store_available", "!=", available)])).returning("connection_id").execute();
    return [...new Set(rows2.map((r) => r.connection_id))];
  }
  async forConnection(connectionId) {
    const rows2 = await this.db.selectFrom("stock_levels").selectAll().where("connection_id", "=", connectionId).orderBy("amazon_sku").execute();
    return rows2.map(toStockLevel);
  }
  async markPushed(connectionId, skus, now) {
    for (const [sku, quantity] of skus) {
      await this.db.updateTable("stock_levels").set({ pushed_quantity: quantity, pushed_at: now, last_error: null, updated_at: now }).where("connection_id", "=", connectionId).where("amazon_sku", "=", sku).execute();
    }
  }
  async markError(connectionId, skus, error, now) {
    if (skus.length === 0) return;
    await this.db.updateTable("stock_levels").set({ last_error: error, updated_at: now }).where("connection_id", "=", connectionId).where("amazon_sku", "in", [...skus]).execute();
  }
  /** Units per Amazon SKU of orders that are not in the store yet (pending or waiting for delivery). */
  async reservedBySku(connectionId) {
    const rows2 = await this.db.selectFrom("order_lines").innerJoin("orders", "orders.id", "order_lines.order_id").select(["order_lines.seller_sku as sku"]).select(
      (eb) => eb.fn.sum(eb("order_lines.quantity_ordered", "-", eb.ref("order_lines.quantity_cancelled"))).as("units")
    ).where("orders.connection_id", "=", connectionId).where("order_lines.kind", "=", "item").where("orders.fulfillment_channel", "=", "MFN").where(
      (eb) => eb.or([
        eb("orders.store_state", "in", RESERVING_STATES),
        eb.and([
          eb("orders.status", "in", RESERVING_STATUSES),
          eb.or([eb("orders.store_state", "is", null), eb("orders.store_state", "=", "waiting")])
        ])
      ])
    ).groupBy("order_lines.seller_sku").execute();
    const map = /* @__PURE__ */ new Map();
    for (const r of rows2) if (r.sku !== null) map.set(r.sku, Number(r.units));
    return map;
  }
  /** Records a Stock-only adjustment before it is sent; false when the key was recorded before. */
  async recordAdjustment(db, a, now) {
    await db.insertInto("stock_adjustments").values({
      key: a.key,
      order_id: a.orderId,
      product_ref: a.productRef,
      delta: a.delta,
      state: "pending",
      result_quantity: null,
      created_at: now,
      applied_at: null
    }).onConflict((oc) => oc.column("key").doNothing()).execute();
  }
  async markAdjustmentApplied(key, quantity, now) {
    await this.db.updateTable("stock_adjustments").set({ state: "applied", result_quantity: quantity, applied_at: now }).where("key", "=", key).execute();
  }
  async adjustmentsFor(orderId) {
    const rows2 = await this.db.selectFrom("stock_adjustments").selectAll().where("order_id", "=", orderId).orderBy("key").execute();
    return rows2.map((r) => ({ key: r.key, productRef: r.product_ref, delta: r.delta, state: r.state }));
  }
};

// src/db/store.repository.ts
function toStore(row) {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    platform: row.platform,
    baseUrl: row.base_url,
    settings: fromJson(row.settings_json) ?? {},
    eventCursor: row.event_cursor,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}
var StoreRepository = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async insert(s) {
    await this.db.insertInto("stores").values({
      id: s.id,
      account_id: s.accountId,
      name: s.name,
      platform: s.platform,
      base_url: s.baseUrl,
      settings_json: JSON.stringify(s.settings),
      secrets_encrypted: s.secretsSealed,
      event_cursor: null,
      created_at: s.now,
      updated_at: s.now
    }).execute();
    return await this.findById(s.id);
  }
  async findById(id) {
    const row = await this.db.selectFrom("stores").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toStore(row) : null;
  }
  /** By id or by name within the account. */
  async findByRef(accountId, ref) {
    const row = await this.db.selectFrom("stores").selectAll().where("account_id", "=", accountId).where((eb) => eb.or([eb("id", "=", ref), eb("name", "=", ref)])).executeTakeFirst();
    return row ? toStore(row) : null;
  }
  async list(accountId) {
    const rows2 = await this.db.selectFrom("stores").selectAll().where("account_id", "=", accountId).orderBy("created_at").orderBy("id").execute();
    return rows2.map(toStore);
  }
  async sealedSecrets(id) {
    const row = await this.db.selectFrom("stores").select("secrets_encrypted").where("id", "=", id).executeTakeFirst();
    return row?.secrets_encrypted ?? null;
  }
  async update(id, patch, now) {
    await this.db.updateTable("stores").set({
      ...patch.name !== void 0 && { name: patch.name },
      ...patch.baseUrl !== void 0 && { base_url: patch.baseUrl },
      ...patch.settings !== void 0 && { settings_json: JSON.stringify(patch.settings) },
      ...patch.secretsSealed !== void 0 && { secrets_encrypted: patch.secretsSealed },
      updated_at: now
    }).where("id", "=", id).execute();
  }
  /** Saved after the events up to the cursor are stored, so a crash re-reads (harmlessly) instead of skipping. */
  async setEventCursor(id, cursor, now) {
    await this.db.updateTable("stores").set({ event_cursor: cursor, updated_at: now }).where("id", "=", id).execute();
  }
  /** Connections that deliver to this store. */
  async connectionIds(storeId) {
    const rows2 = await this.db.selectFrom("connections").select("id").where("store_id", "=", storeId).execute();
    return rows2.map((r) => r.id);
  }
};

// src/app/hub-port.ts
function createHubPort(deps) {
  return {
    async sendWebhook(storeId, topic, data) {
      const id = newId();
      const now = deps.clock.nowIso();
      const body = JSON.stringify({ id, topic, createdAt: now, data });
      await deps.db.transaction().execute(async (trx) => {
        await trx.insertInto("webhook_deliveries").values({
          id,
          store_id: storeId,
          topic,
          body,
          state: "pending",
          last_status: null,
          last_error: null,
          created_at: now,
          delivered_at: null
        }).execute();
        await deps.jobs.enqueue(
          JOBS.deliverWebhook,
          { deliveryId: id },
          { key: `webhook:${id}`, queue: `webhooks:${storeId}`, maxAttempts: 15, trx }
        );
      });
    },
    async postedStock(storeId, productRefs) {
      const connectionIds = await deps.storeRepo.connectionIds(storeId);
      const result = /* @__PURE__ */ new Map();
      if (connectionIds.length === 0 || productRefs.length === 0) return result;
      const rows2 = await deps.db.selectFrom("stock_levels").select(["product_ref", "store_available"]).where("connection_id", "in", connectionIds).where("product_ref", "in", [...productRefs]).execute();
      for (const r of rows2) if (r.store_available !== null) result.set(r.product_ref, r.store_available);
      return result;
    }
  };
}

// src/amazon/lwa-token-provider.ts
import axios2 from "axios";

// src/amazon/lwa-errors.ts
function lwaError(status, body) {
  const code = typeof body?.error === "string" ? body.error : null;
  const description = typeof body?.error_description === "string" ? body.error_description : "";
  const details = { status, lwaError: code, description };
  if (code === "invalid_client" || code === "unauthorized_client") {
    return new AppError("amazon_auth_invalid_client", "Amazon rejected the LWA client id or client secret", {
      kind: "auth",
      retryable: false,
      details
    });
  }
  if (code === "invalid_grant") {
    return new AppError(
      "amazon_auth_refresh_revoked",
      "The refresh token is invalid or was revoked; re-authorise the connection (authorise the app again in Seller Central)",
      { kind: "auth", retryable: false, details }
    );
  }
  if (status >= 500 || status === 429 || code === "server_error" || code === "temporarily_unavailable") {
    return new AppError("amazon_unavailable", `Login with Amazon is unavailable (HTTP ${status})`, {
      kind: "upstream",
      details
    });
  }
  if (status === 200) {
    return new AppError("amazon_malformed_response", "Login with Amazon answered without an access token", {
      kind: "upstream",
      details
    });
  }
  return new AppError(
    "amazon_auth_failed",
    `Login with Amazon refused the token request: ${code ?? `HTTP ${status}`} ${description}`.trim(),
    { kind: "auth", retryable: false, details }
  );
}
function lwaUnreachable(lwaUrl, cause) {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new AppError("amazon_unavailable", `Login with Amazon (${hostOf(lwaUrl)}) could not be reached: ${message}`, {
    kind: "upstream",
    // Axios errors carry the request body (with the secrets): keep only the message.
    cause: new Error(message)
  });
}
function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return "an invalid LWA URL";
  }
}

// src/amazon/lwa-token-cache.ts
import { createHash as createHash2 } from "node:crypto";
var LwaTokenCache = class {
  tokens = /* @__PURE__ */ new Map();
  inflight = /* @__PURE__ */ new Map();
  static key(parts) {
    return createHash2("sha256").update(parts.join("\0")).digest("hex");
  }
  /** A token still fresh at `nowMs` (before its early-refresh time), or null. */
  fresh(key, nowMs) {
    const cached = this.tokens.get(key);
    return cached && nowMs < cached.refreshAtMs ? cached.accessToken : null;
  }
  store(key, token) {
    this.tokens.set(key, token);
  }
  /** Forgets the token — only if it is still the one Amazon refused (a newer one stays). */
  invalidate(key, accessToken) {
    const cached = this.tokens.get(key);
    if (cached && (accessToken === void 0 || cached.accessToken === accessToken)) this.tokens.delete(key);
  }
  /** Runs `exchange` unless one is already running for this key; every caller gets its result. */
  singleFlight(key, exchange) {
    let running = this.inflight.get(key);
    if (!running) {
      running = exchange().finally(() => this.inflight.delete(key));
      this.inflight.set(key, running);
    }
    return running;
  }
  clear() {
    this.tokens.clear();
  }
};
var sharedLwaTokenCache = new LwaTokenCache();

// src/amazon/lwa-token-provider.ts
var EARLY_REFRESH_MS = 5 * 6e4;
var DEFAULT_TTL_SECONDS = 3600;
var LwaTokenProvider = class _LwaTokenProvider {
  constructor(credentials, clock, options = {}) {
    this.clock = clock;
    const { lwaUrl, clientId, clientSecret } = credentials;
    const grantless = "scope" in credentials;
    const grant = grantless ? { grant_type: "client_credentials", scope: credentials.scope } : { grant_type: "refresh_token", refresh_token: credentials.refreshToken };
    this.lwaUrl = lwaUrl;
    this.fields = { ...grant, client_id: clientId, client_secret: clientSecret };
    const subject = grantless ? `scope:${credentials.scope}` : credentials.refreshToken;
    this.key = LwaTokenCache.key([lwaUrl, clientId, subject]);
    this.http = options.http ?? axios2.create({ timeout: 3e4 });
    this.cache = options.cache ?? sharedLwaTokenCache;
    this.earlyRefreshMs = options.earlyRefreshMs ?? EARLY_REFRESH_MS;
  }
  clock;
  /** Token exchanges this provider made (tests, diagnostics). */
  exchanges = 0;
  key;
  fields;
  lwaUrl;
  http;
  cache;
  earlyRefreshMs;
  /** A grantless provider (`client_credentials` with a scope), for operations without a seller. */
  static grantless(credentials, clock, options = {}) {
    return new _LwaTokenProvider(credentials, clock, options);
  }
  async accessToken() {
    const cached = this.cache.fresh(this.key, this.clock.now().getTime());
    if (cached !== null) return cached;
    return this.cache.singleFlight(this.key, () => this.exchange());
  }
  /** Forget the token (Amazon refused it); only that token, a newer one stays. */
  invalidate(accessToken) {
    this.cache.invalidate(this.key, accessToken);
  }
  async exchange() {
    this.exchanges++;
    const startedMs = this.clock.now().getTime();
    let response;
    try {
      response = await this.http.post(this.lwaUrl, new URLSearchParams(this.fields).toString(), {
        headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8", accept: "application/json" },
        validateStatus: () => true,
        responseType: "text",
        transformResponse: (data) => data
      });
    } catch (cause) {
      throw lwaUnreachable(this.lwaUrl, cause);
    }
    const json = parseJson(response.data);
    const accessToken = json?.access_token;
    if (response.status !== 200 || typeof accessToken !== "string" || accessToken === "") {
      throw lwaError(response.status, json);
    }
    const ttlMs = (positiveNumber(json?.expires_in) ?? DEFAULT_TTL_SECONDS) * 1e3;
    const early = Math.min(this.earlyRefreshMs, ttlMs / 2);
    this.cache.store(this.key, {
      accessToken,
      expiresAtMs: startedMs + ttlMs,
      refreshAtMs: startedMs + ttlMs - early
    });
    return accessToken;
  }
};
function parseJson(data) {
  if (typeof data !== "string") return null;
  try {
    const value = JSON.parse(data);
    return value !== null && typeof value === "object" ? value : null;
  } catch {
    return null;
  }
}
function positiveNumber(value) {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : null;
}

// src/domain/amazon-order.ts
var AMAZON_ORDER_STATUSES = [
  "PENDING_AVAILABILITY",
  "PENDING",
  "UNSHIPPED",
  "PARTIALLY_SHIPPED",
  "SHIPPED",
  "CANCELLED",
  "UNFULFILLABLE"
];

// src/amazon/item-money-adapter.ts
import Big2 from "big.js";
var COMPONENT = {
  ITEM: "item",
  SHIPPING: "shipping",
  GIFT_WRAP: "giftWrap",
  COD_FEE: "codFee",
  OTHER: "other"
};
var DISCOUNT = {
  ITEM: "promotion",
  SHIPPING: "shipping",
  COD_FEE: "codFee",
  GIFT_WRAP: "promotion",
  OTHER: "promotion"
};
var zero = () => ({ amount: new Big2(0), tax: new Big2(0) });
var ItemMoney = class {
  constructor(orderItemId, warnings) {
    this.orderItemId = orderItemId;
    this.warnings = warnings;
  }
  orderItemId;
  warnings;
  parts = {
    item: zero(),
    shipping: zero(),
    giftWrap: zero(),
    codFee: zero(),
    other: zero()
  };
  discounts = { promotion: zero(), shipping: zero(), codFee: zero() };
  discountTax = new Big2(0);
  /** Decimals of Amazon's tax-on-discount values (to round the shares to Amazon's precision). */
  discountTaxDecimals = 0;
  warn(message) {
    this.warnings.push(`item ${this.orderItemId}: ${message}`);
  }
  add(b) {
    if (b.type === "TAX") return this.addDetailed(b, (subtype, value) => this.addTax(subtype, value));
    if (b.type === "DISCOUNT") return this.addDetailed(b, (subtype, value) => this.addDiscount(subtype, value));
    const component = COMPONENT[b.type];
    if (!component) this.warn(`unknown proceeds type "${b.type}" counted as other`);
    const part = this.parts[component ?? "other"];
    part.amount = part.amount.plus(b.subtotal.amount);
  }
  /** TAX/DISCOUNT by their detailed breakdowns; what they do not explain goes to ITEM. */
  addDetailed(b, add2) {
    let explained = new Big2(0);
    for (const d of b.detailedBreakdowns ?? []) {
      if (!d.value) continue;
      add2(d.subtype ?? "ITEM", d.value.amount);
      explained = explained.plus(d.value.amount);
    }
    const rest = new Big2(b.subtotal.amount).minus(explained);
    if (rest.eq(0)) return;
    if ((b.detailedBreakdowns ?? []).length > 0) {
      this.warn(`${b.type} details leave ${rest.toString()} of the subtotal unexplained; counted on the item`);
    }
    add2("ITEM", rest.toString());
  }
  addTax(subtype, value) {
    if (subtype === "DISCOUNT") {
      this.discountTax = this.discountTax.plus(new Big2(value).abs());
      this.discountTaxDecimals = Math.max(this.discountTaxDecimals, decimalsOf2(value));
      return;
    }
    const component = COMPONENT[subtype];
    if (!component) this.warn(`unknown TAX subtype "${subtype}" counted as tax on other`);
    const part = this.parts[component ?? "other"];
    part.tax = part.tax.plus(value);
  }
  addDiscount(subtype, value) {
    const discount = DISCOUNT[subtype];
    if (!discount) this.warn(`unknown DISCOUNT subtype "${subtype}" counted as promotion discount`);
    const part = this.discounts[discount ?? "promotion"];
    part.amount = part.amount.plus(new Big2(value).abs());
  }
  /** Tax on discounts, shared by the discounts in proportion to their amounts; the rest to the largest. */
  shareDiscountTax() {
    if (this.discountTax.eq(0)) return;
    const entries = Object.values(this.discounts);
    const total = entries.reduce((sum2, d) => sum2.plus(d.amount), new Big2(0));
    if (total.eq(0)) {
      this.discounts.promotion.tax = this.discountTax;
      return;
    }
    const largest = entries.reduce((a, b) => b.amount.gt(a.amount) ? b : a);
    let given = new Big2(0);
    for (const d of entries) {
      if (d === largest) continue;
      d.tax = this.discountTax.times(d.amount).div(total).round(this.discountTaxDecimals, Big2.roundHalfUp);
      given = given.plus(d.tax);
    }
    largest.tax = this.discountTax.minus(given);
  }
};
function adaptItemMoney(item, warnings) {
  const breakdowns = item.proceeds?.breakdowns;
  if (!breakdowns) return null;
  const money2 = new ItemMoney(item.orderItemId, warnings);
  for (const b of breakdowns) money2.add(b);
  money2.shareDiscountTax();
  const out = (c) => ({ amount: c.amount.toString(), tax: c.tax.toString() });
  const { parts, discounts } = money2;
  const codDiscount = discounts.codFee;
  return {
    item: out(parts.item),
    shipping: out(parts.shipping),
    giftWrap: out(parts.giftWrap),
    codFee: out(parts.codFee),
    ...!codDiscount.amount.eq(0) || !codDiscount.tax.eq(0) ? { codFeeDiscount: out(codDiscount) } : {},
    other: out(parts.other),
    promotionDiscount: out(discounts.promotion),
    shippingDiscount: out(discounts.shipping)
  };
}
function decimalsOf2(value) {
  const dot = value.indexOf(".");
  return dot === -1 ? 0 : value.length - dot - 1;
}

// src/amazon/order-schema.ts
import { z as z8 } from "zod";
var decimalString = z8.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "12.30"');
var money = z8.object({ amount: decimalString, currencyCode: z8.string().min(3).max(3) });
var window = z8.object({ earliestDateTime: z8.string().optional(), latestDateTime: z8.string().optional() }).partial();
var breakdown = z8.object({
  type: z8.string(),
  subtotal: money,
  detailedBreakdowns: z8.array(z8.object({ subtype: z8.string().optional(), value: money.optional() })).optional()
});
var itemSchema = z8.object({
  orderItemId: z8.string().min(1),
  quantityOrdered: z8.number().int().min(0),
  product: z8.object({
    asin: z8.string().optional(),
    title: z8.string().optional(),
    sellerSku: z8.string().optional(),
    condition: z8.object({
      conditionType: z8.string().optional(),
      conditionSubtype: z8.string().optional(),
      conditionNote: z8.string().optional()
    }).optional(),
    price: z8.object({ unitPrice: money.optional(), priceDesignation: z8.string().optional() }).optional(),
    serialNumbers: z8.array(z8.string()).optional()
  }),
  proceeds: z8.object({ proceedsTotal: money.optional(), breakdowns: z8.array(breakdown).optional() }).optional(),
  promotion: z8.object({ breakdowns: z8.array(z8.object({ promotionId: z8.string().optional() })).optional() }).optional(),
  cancellation: z8.object({
    cancellationRequest: z8.object({ requester: z8.string().optional(), cancelReason: z8.string().optional() }).optional(),
    cancellationExecution: z8.object({ cancelledBy: z8.string().optional(), cancelReason: z8.string().optional() }).optional()
  }).optional(),
  fulfillment: z8.object({
    quantityFulfilled: z8.number().int().min(0).optional(),
    quantityUnfulfilled: z8.number().int().min(0).optional(),
    packing: z8.object({
      giftOption: z8.object({ giftMessage: z8.string().optional(), giftWrapLevel: z8.string().optional() }).optional()
    }).optional(),
    shipping: z8.object({ internationalShipping: z8.object({ iossNumber: z8.string().optional() }).optional() }).optional()
  }).optional(),
  tax: z8.object({
    taxCollections: z8.array(z8.object({ model: z8.string().optional(), responsibleParty: z8.string().optional() })).optional(),
    taxCalculationBreakdowns: z8.array(z8.object({ reportingScheme: z8.string().optional() })).optional()
  }).optional()
});
var address2 = z8.object({
  name: z8.string(),
  companyName: z8.string(),
  addressLine1: z8.string(),
  addressLine2: z8.string(),
  addressLine3: z8.string(),
  city: z8.string(),
  districtOrCounty: z8.string(),
  stateOrRegion: z8.string(),
  municipality: z8.string(),
  postalCode: z8.string(),
  countryCode: z8.string(),
  phone: z8.string(),
  addressType: z8.string()
}).partial();
var orderSchema = z8.object({
  orderId: z8.string().min(1).max(64),
  orderAliases: z8.array(z8.object({ aliasId: z8.string().optional(), aliasType: z8.string().optional() })).optional(),
  createdTime: z8.iso.datetime({ offset: true }),
  lastUpdatedTime: z8.iso.datetime({ offset: true }),
  programs: z8.array(z8.string()).optional(),
  associatedOrders: z8.array(z8.object({ orderId: z8.string().optional(), associationType: z8.string().optional() })).optional(),
  salesChannel: z8.object({
    channelName: z8.string().optional(),
    marketplaceId: z8.string().optional(),
    marketplaceName: z8.string().optional()
  }),
  buyer: z8.object({
    buyerName: z8.string(),
    buyerEmail: z8.string(),
    buyerCompanyName: z8.string(),
    buyerPurchaseOrderNumber: z8.string()
  }).partial().optional(),
  recipient: z8.object({ deliveryAddress: address2.optional() }).optional(),
  proceeds: z8.object({ grandTotal: money.optional() }).optional(),
  fulfillment: z8.object({
    fulfillmentStatus: z8.string(),
    fulfilledBy: z8.string().optional(),
    fulfillmentServiceLevel: z8.string().optional(),
    shipByWindow: window.optional(),
    deliverByWindow: window.optional()
  }).optional(),
  payment: z8.object({ paymentExecutions: z8.array(z8.object({ paymentMethod: z8.string().optional() }).passthrough()).optional() }).passthrough().optional(),
  tax: z8.object({
    taxRegistrations: z8.array(
      z8.object({
        entityType: z8.string().optional(),
        taxRegistrationType: z8.string().optional(),
        taxRegistrationNumber: z8.string().optional()
      })
    ).optional()
  }).optional(),
  orderItems: z8.array(itemSchema)
});

// src/amazon/order-adapter.ts
function adaptOrder(raw) {
  const parsed = orderSchema.safeParse(raw);
  if (!parsed.success) return err(malformed(raw, parsed.error));
  const o = parsed.data;
  const warnings = [];
  const status = o.fulfillment?.fulfillmentStatus;
  if (status === void 0)
    return err(
      orderError(
        o.orderId,
        "amazon_order_malformed",
        "fulfillment.fulfillmentStatus is missing (ask Amazon with includedData=FULFILLMENT)"
      )
    );
  if (!AMAZON_ORDER_STATUSES.includes(status)) {
    return err(
      orderError(
        o.orderId,
        "amazon_order_unknown_status",
        `Amazon sent the unknown order status "${status}"; the order is kept with this error until OrderBridge knows it`
      )
    );
  }
  const fulfilledBy = o.fulfillment?.fulfilledBy;
  if (fulfilledBy !== "MERCHANT" && fulfilledBy !== "AMAZON")
    warnings.push(`fulfilledBy "${fulfilledBy ?? "(missing)"}" treated as MERCHANT`);
  const programs = o.programs ?? [];
  const replaced = o.associatedOrders?.find((a) => a.associationType === "REPLACEMENT_ORIGINAL_ID");
  const buyerTax = o.tax?.taxRegistrations?.find((t) => t.entityType === "BUYER");
  return ok({
    amazonOrderId: o.orderId,
    sellerOrderId: o.orderAliases?.find((a) => a.aliasType === "SELLER_ORDER_ID")?.aliasId ?? null,
    marketplaceId: o.salesChannel.marketplaceId ?? "",
    marketplaceName: o.salesChannel.marketplaceName ?? null,
    createdTime: new Date(o.createdTime).toISOString(),
    lastUpdatedTime: new Date(o.lastUpdatedTime).toISOString(),
    status,
    fulfillmentChannel: fulfilledBy === "AMAZON" ? "AFN" : "MFN",
    serviceLevel: o.fulfillment?.fulfillmentServiceLevel ?? null,
    currency: currencyOf(o, raw),
    amazonTotal: o.proceeds?.grandTotal?.amount ?? null,
    programs,
    isPrime: programs.includes("PRIME"),
    isBusiness: programs.includes("AMAZON_BUSINESS"),
    isReplacement: replaced !== void 0,
    replacedOrderId: replaced?.orderId ?? null,
    paymentMethod: o.payment?.paymentExecutions?.[0]?.paymentMethod ?? null,
    earliestShipDate: o.fulfillment?.shipByWindow?.earliestDateTime ?? null,
    latestShipDate: o.fulfillment?.shipByWindow?.latestDateTime ?? null,
    earliestDeliveryDate: o.fulfillment?.deliverByWindow?.earliestDateTime ?? null,
    latestDeliveryDate: o.fulfillment?.deliverByWindow?.latestDateTime ?? null,
    buyer: o.buyer ? {
      name: o.buyer.buyerName ?? null,
      email: o.buyer.buyerEmail ?? null,
      companyName: o.buyer.buyerCompanyName ?? null,
      purchaseOrderNumber: o.buyer.buyerPurchaseOrderNumber ?? null,
      taxRegistrationId: buyerTax?.taxRegistrationNumber ?? null,
      taxRegistrationType: buyerTax?.taxRegistrationType ?? null
    } : null,
    shippingAddress: o.recipient?.deliveryAddress ? adaptAddress(o.recipient.deliveryAddress) : null,
    items: o.orderItems.map((i) => adaptItem(i, warnings)),
    warnings
  });
}
function adaptItem(i, warnings) {
  const scheme = i.tax?.taxCalculationBreakdowns?.map((b) => b.reportingScheme).find((s) => s === "IOSS" || s === "UOSS") ?? null;
  const cancelledBy = i.cancellation?.cancellationExecution?.cancelledBy;
  const gift = i.fulfillment?.packing?.giftOption;
  return {
    orderItemId: i.orderItemId,
    asin: i.product.asin ?? null,
    sellerSku: i.product.sellerSku ?? null,
    title: i.product.title ?? null,
    quantityOrdered: i.quantityOrdered,
    quantityShipped: i.fulfillment?.quantityFulfilled ?? 0,
    unitPrice: i.product.price?.unitPrice?.amount ?? null,
    money: adaptItemMoney(i, warnings),
    taxCollectedByAmazon: scheme !== null || (i.tax?.taxCollections ?? []).some((c) => c.model === "MARKETPLACE_FACILITATOR"),
    taxReportingScheme: scheme,
    iossNumber: i.fulfillment?.shipping?.internationalShipping?.iossNumber || null,
    promotionIds: (i.promotion?.breakdowns ?? []).map((p) => p.promotionId).filter((p) => Boolean(p)),
    buyerCancelRequested: i.cancellation?.cancellationRequest !== void 0,
    buyerCancelReason: i.cancellation?.cancellationRequest?.cancelReason ?? null,
    cancelledBy: cancelledBy === "BUYER" || cancelledBy === "MERCHANT" || cancelledBy === "AMAZON" ? cancelledBy : null,
    isGift: gift !== void 0,
    giftMessage: gift?.giftMessage ?? null,
    giftWrapLevel: gift?.giftWrapLevel ?? null,
    condition: i.product.condition?.conditionType ?? null,
    conditionNote: i.product.condition?.conditionNote ?? null,
    priceDesignation: i.product.price?.priceDesignation ?? null,
    serialNumbers: i.product.serialNumbers ?? []
  };
}
function adaptAddress(a) {
  const v = (s) => s === void 0 || s.trim() === "" ? null : s;
  const type = a.addressType?.toUpperCase();
  return {
    name: v(a.name),
    companyName: v(a.companyName),
    addressLine1: v(a.addressLine1),
    addressLine2: v(a.addressLine2),
    addressLine3: v(a.addressLine3),
    city: v(a.city),
    districtOrCounty: v(a.districtOrCounty),
    stateOrRegion: v(a.stateOrRegion),
    municipality: v(a.municipality),
    postalCode: v(a.postalCode),
    countryCode: v(a.countryCode),
    phone: v(a.phone),
    addressType: type === "RESIDENTIAL" || type === "COMMERCIAL" ? type : null
  };
}
function currencyOf(o, raw) {
  return o.proceeds?.grandTotal?.currencyCode ?? firstCurrency(raw, 0);
}
function firstCurrency(value, depth) {
  if (value === null || typeof value !== "object" || depth > 12) return null;
  const record = value;
  if (typeof record.currencyCode === "string" && typeof record.amount === "string") return record.currencyCode;
  for (const child of Array.isArray(value) ? value : Object.values(record)) {
    const found = firstCurrency(child, depth + 1);
    if (found) return found;
  }
  return null;
}
function malformed(raw, error) {
  const issues = error.issues.slice(0, 10).map((i) => ({ path: i.path.join("."), message: i.message }));
  const id = raw?.orderId;
  const where = issues.map((i) => `${i.path || "(order)"}: ${i.message}`).join("; ");
  return new AppError(
    "amazon_order_malformed",
    `Amazon order ${typeof id === "string" ? id : "(no id)"} is malformed: ${where}`,
    {
      kind: "upstream",
      retryable: false,
      details: { issues }
    }
  );
}
function orderError(orderId, code, message) {
  return new AppError(code, `Amazon order ${orderId}: ${message}`, {
    kind: "upstream",
    retryable: false,
    details: { orderId }
  });
}

// src/amazon/orders-client.ts
import {
  OrdersApi
} from "@sp-api-sdk/orders-api-2026-01-01";
import { OrdersApi as OrdersV0Api } from "@sp-api-sdk/orders-api-v0";
import { z as z9 } from "zod";

// src/amazon/sp-api-errors.ts
function amazonErrors(body) {
  const errors = body?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e) => e !== null && typeof e === "object").map((e) => ({
    code: text3(e.code),
    message: text3(e.message),
    ...e.details !== void 0 && { details: text3(e.details) }
  }));
}
function text3(value) {
  if (value === void 0 || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
var ROLE_PATTERN = /\brole\b|restricted|not authori[sz]ed to access|missing (?:the )?authori[sz]ation/i;
function spApiError(status, body, ctx) {
  const errors = amazonErrors(body);
  const summary = errors.map((e) => `${e.code}: ${e.message}${e.details ? ` (${e.details})` : ""}`).join("; ") || `HTTP ${status}`;
  const [code, message, kind, retryable] = specOf(status, summary, errors, ctx);
  return new AppError(code, message, {
    kind,
    retryable,
    details: { operation: ctx.operation, status, requestId: ctx.requestId, errors }
  });
}
function specOf(status, summary, errors, ctx) {
  const op2 = ctx.operation;
  if (status === 400) {
    return ctx.query.has("paginationToken") && /token/i.test(summary) ? [
      "amazon_pagination_token_expired",
      `Amazon no longer accepts the page token (${summary}); the window is read again`,
      "invalid",
      true
    ] : ["amazon_invalid_input", `Amazon rejected ${op2}: ${summary}`, "invalid", false];
  }
  if (status === 401 || status === 403) {
    return ROLE_PATTERN.test(summary) ? ["amazon_forbidden_role", `The SP-API app lacks a role Amazon requires for ${op2}: ${summary}`, "auth", false] : ["amazon_auth_token_invalid", refusedTokenMessage(summary, ctx), "auth", false];
  }
  if (status === 404) {
    const what = errors[0]?.message || "not found";
    return ["amazon_not_found", `Amazon has no such resource for ${op2}: ${what}`, "not_found", false];
  }
  if (status === 429) {
    const message = `Amazon throttled ${op2} after every retry; the run keeps its cursor and resumes later`;
    return ["amazon_throttled", message, "rate_limited", true];
  }
  if (status >= 500) {
    return ["amazon_unavailable", `Amazon failed ${op2} with HTTP ${status} after every retry`, "upstream", true];
  }
  return ["amazon_request_failed", `Amazon answered ${op2} with HTTP ${status}: ${summary}`, "upstream", false];
}
function refusedTokenMessage(summary, ctx) {
  const base = `Amazon refused the access token for ${ctx.operation} (${summary}).`;
  const host = regionOfSpApiUrl(ctx.baseUrl);
  const foreign = (ctx.query.get("marketplaceIds") ?? ctx.query.get("MarketplaceIds") ?? "").split(",").map((id) => marketplaceById(id)).find((m) => m !== null && host !== null && m.region !== host.region);
  if (host && foreign) {
    return `${base} Wrong region: marketplace ${foreign.countryCode} (${foreign.id}) is served by the ${foreign.region} endpoint ${SP_API_HOSTS[foreign.region]}, but this connection calls the ${host.region} endpoint ${ctx.baseUrl}.`;
  }
  return `${base} Wrong region? If the credentials are right, the connection may point at another region's endpoint than the seller's (${ctx.baseUrl}); otherwise the app's authorisation was revoked.`;
}

// src/amazon/sp-api-response.ts
var RETRY_STATUS = /* @__PURE__ */ new Set([429, 500, 502, 503, 504]);
function classifyResponse(response, ctx, attempt) {
  const status = response.status;
  const parsed = parseBody(response.data);
  if (RETRY_STATUS.has(status)) {
    const reason = status === 429 ? "throttled" : "server";
    return { kind: "retry", reason, error: spApiError(status, parsed.value, ctx) };
  }
  if (status >= 200 && status < 300) {
    if (parsed.ok) return { kind: "done", response: { ...response, data: parsed.value } };
    return { kind: "retry", reason: "malformed", error: malformedResponse(ctx, "a body that is not JSON") };
  }
  const error = spApiError(status, parsed.value, ctx);
  if (attempt === 1 && error.code === "amazon_auth_token_invalid") return { kind: "retry", reason: "auth", error };
  return { kind: "fail", error };
}
function networkFailure(cause, ctx) {
  const code = cause?.code;
  const timedOut = code === "ECONNABORTED" || code === "ETIMEDOUT";
  const message = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    "amazon_unavailable",
    timedOut ? `Amazon did not answer ${ctx.operation} in time (${message})` : `Amazon could not be reached for ${ctx.operation}: ${message}`,
    {
      kind: "upstream",
      retryable: true,
      details: { operation: ctx.operation, network: typeof code === "string" ? code : "error" }
    }
  );
}
function malformedResponse(ctx, what) {
  return new AppError("amazon_malformed_response", `Amazon sent ${what} for ${ctx.operation}`, {
    kind: "upstream",
    retryable: true,
    details: { operation: ctx.operation, requestId: ctx.requestId }
  });
}
function headerOf2(response, name) {
  const value = response.headers[name];
  return typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : null;
}
function rateLimitOf(response) {
  const rate = Number(headerOf2(response, "x-amzn-ratelimit-limit") ?? NaN);
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}
function parseBody(data) {
  if (data === void 0 || data === null || data === "") return { ok: true, value: null };
  if (typeof data !== "string") return { ok: true, value: data };
  try {
    return { ok: true, value: JSON.parse(data) };
  } catch {
    return { ok: false, value: null };
  }
}

// src/amazon/orders-client.ts
var searchOrdersBody = z9.object({
  orders: z9.array(z9.unknown()),
  pagination: z9.object({ nextToken: z9.string().optional() }).nullish(),
  lastUpdatedBefore: z9.string().nullish(),
  createdBefore: z9.string().nullish()
});
var getOrderBody = z9.object({ order: z9.record(z9.string(), z9.unknown()) });
var AmazonOrdersClient = class {
  constructor(transport) {
    this.transport = transport;
    this.orders = new OrdersApi(void 0, transport.baseUrl, transport.axios);
    this.ordersV0 = new OrdersV0Api(void 0, transport.baseUrl, transport.axios);
  }
  transport;
  orders;
  ordersV0;
  async searchOrders(q) {
    return call("searchOrders", searchOrdersBody, async () => {
      const response = await this.orders.searchOrders({
        ...q.lastUpdatedAfter !== void 0 && { lastUpdatedAfter: q.lastUpdatedAfter },
        ...q.lastUpdatedBefore !== void 0 && { lastUpdatedBefore: q.lastUpdatedBefore },
        ...q.createdAfter !== void 0 && { createdAfter: q.createdAfter },
        ...q.createdBefore !== void 0 && { createdBefore: q.createdBefore },
        ...q.marketplaceIds && { marketplaceIds: [...q.marketplaceIds] },
        ...q.fulfilledBy && { fulfilledBy: [...q.fulfilledBy] },
        ...q.fulfillmentStatuses && {
          fulfillmentStatuses: [...q.fulfillmentStatuses]
        },
        ...q.maxResultsPerPage !== void 0 && { maxResultsPerPage: q.maxResultsPerPage },
        ...q.paginationToken ? { paginationToken: q.paginationToken } : {},
        ...q.includedData && { includedData: [...q.includedData] }
      });
      return response.data;
    }).then(
      (r) => r.ok ? ok({
        orders: r.value.orders,
        nextToken: r.value.pagination?.nextToken || null,
        lastUpdatedBefore: r.value.lastUpdatedBefore ?? null,
        createdBefore: r.value.createdBefore ?? null
      }) : r
    );
  }
  /** One raw v2026 order (items always included; blocks per `includedData`). */
  async getOrder(orderId, includedData = []) {
    const r = await call("getOrder", getOrderBody, async () => {
      const response = await this.orders.getOrder({
        orderId,
        ...includedData.length > 0 && { includedData: [...includedData] }
      });
      return response.data;
    });
    return r.ok ? ok(r.value.order) : r;
  }
  /** Orders v0 confirmShipment (204, no body): one package of an MFN order. */
  async confirmShipment(orderId, body) {
    try {
      await this.ordersV0.confirmShipment({ orderId, payload: body });
      return ok(void 0);
    } catch (error) {
      return err(toAppError(error));
    }
  }
  stats() {
    return this.transport.stats();
  }
};
async function call(operation, schema, send2) {
  let lastError = null;
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const parsed = schema.safeParse(await send2());
      if (parsed.success) return ok(parsed.data);
      const where = parsed.error.issues[0]?.path.join(".") || "(body)";
      lastError = malformedResponse({ operation, requestId: null }, `a body of the wrong shape (at ${where})`);
    } catch (error) {
      return err(toAppError(error));
    }
  }
  return err(lastError);
}

// src/amazon/rate-limits.ts
var plan = (rate, burst) => ({ rate, burst });
var ID = "[^/]+";
var op = (operation, method, path5, p) => ({
  operation,
  method,
  path: new RegExp(`^${path5.replaceAll("{id}", ID)}/?$`),
  plan: p
});
var V0 = "/orders/v0/orders";
var FEEDS = "/feeds/2021-06-30";
var REPORTS = "/reports/2021-06-30";
var LISTINGS = "/listings/2021-08-01/items/{id}";
var NOTIFICATIONS = "/notifications/v1";
var SPECS = [
  // Orders 2026-01-01
  op("searchOrders", "GET", "/orders/2026-01-01/orders", plan(56e-4, 20)),
  op("getOrder", "GET", "/orders/2026-01-01/orders/{id}", plan(0.5, 30)),
  // Orders v0 (reads deprecated; confirmShipment and updateShipmentStatus are not)
  op("ordersV0.getOrders", "GET", V0, plan(0.0167, 20)),
  op("ordersV0.getOrder", "GET", `${V0}/{id}`, plan(0.5, 30)),
  op("getOrderBuyerInfo", "GET", `${V0}/{id}/buyerInfo`, plan(0.5, 30)),
  op("getOrderAddress", "GET", `${V0}/{id}/address`, plan(0.5, 30)),
  op("getOrderItems", "GET", `${V0}/{id}/orderItems`, plan(0.5, 30)),
  op("getOrderItemsBuyerInfo", "GET", `${V0}/{id}/orderItems/buyerInfo`, plan(0.5, 30)),
  op("getOrderRegulatedInfo", "GET", `${V0}/{id}/regulatedInfo`, plan(0.5, 30)),
  op("updateVerificationStatus", "PATCH", `${V0}/{id}/regulatedInfo`, plan(0.5, 30)),
  op("updateShipmentStatus", "POST", `${V0}/{id}/shipment`, plan(5, 15)),
  op("confirmShipment", "POST", `${V0}/{id}/shipmentConfirmation`, plan(2, 10)),
  // Feeds 2021-06-30
  op("getFeeds", "GET", `${FEEDS}/feeds`, plan(0.0222, 10)),
  op("createFeed", "POST", `${FEEDS}/feeds`, plan(83e-4, 15)),
  op("getFeed", "GET", `${FEEDS}/feeds/{id}`, plan(2, 15)),
  op("cancelFeed", "DELETE", `${FEEDS}/feeds/{id}`, plan(2, 15)),
  op("createFeedDocument", "POST", `${FEEDS}/documents`, plan(0.5, 15)),
  op("getFeedDocument", "GET", `${FEEDS}/documents/{id}`, plan(0.0222, 10)),
  // Reports 2021-06-30
  op("getReports", "GET", `${REPORTS}/reports`, plan(0.0222, 10)),
  op("createReport", "POST", `${REPORTS}/reports`, plan(0.0167, 15)),
  op("getReport", "GET", `${REPORTS}/reports/{id}`, plan(2, 15)),
  op("cancelReport", "DELETE", `${REPORTS}/reports/{id}`, plan(0.0222, 10)),
  op("getReportSchedules", "GET", `${REPORTS}/schedules`, plan(0.0222, 10)),
  op("createReportSchedule", "POST", `${REPORTS}/schedules`, plan(0.0222, 10)),
  op("getReportSchedule", "GET", `${REPORTS}/schedules/{id}`, plan(0.0222, 10)),
  op("cancelReportSchedule", "DELETE", `${REPORTS}/schedules/{id}`, plan(0.0222, 10)),
  op("getReportDocument", "GET", `${REPORTS}/documents/{id}`, plan(0.0167, 15)),
  // Listings Items 2021-08-01
  op("searchListingsItems", "GET", LISTINGS, plan(5, 5)),
  op("getListingsItem", "GET", `${LISTINGS}/{id}`, plan(5, 10)),
  op("putListingsItem", "PUT", `${LISTINGS}/{id}`, plan(5, 10)),
  op("patchListingsItem", "PATCH", `${LISTINGS}/{id}`, plan(5, 5)),
  op("deleteListingsItem", "DELETE", `${LISTINGS}/{id}`, plan(5, 5)),
  // Notifications v1 (all operations 1/5), Tokens 2021-03-01, FBA Inventory v1
  op("getSubscription", "GET", `${NOTIFICATIONS}/subscriptions/{id}`, plan(1, 5)),
  op("createSubscription", "POST", `${NOTIFICATIONS}/subscriptions/{id}`, plan(1, 5)),
  op("getSubscriptionById", "GET", `${NOTIFICATIONS}/subscriptions/{id}/{id}`, plan(1, 5)),
  op("deleteSubscriptionById", "DELETE", `${NOTIFICATIONS}/subscriptions/{id}/{id}`, plan(1, 5)),
  op("getDestinations", "GET", `${NOTIFICATIONS}/destinations`, plan(1, 5)),
  op("createDestination", "POST", `${NOTIFICATIONS}/destinations`, plan(1, 5)),
  op("getDestination", "GET", `${NOTIFICATIONS}/destinations/{id}`, plan(1, 5)),
  op("deleteDestination", "DELETE", `${NOTIFICATIONS}/destinations/{id}`, plan(1, 5)),
  op("createRestrictedDataToken", "POST", "/tokens/2021-03-01/restrictedDataToken", plan(1, 10)),
  op("getInventorySummaries", "GET", "/fba/inventory/v1/summaries", plan(2, 2))
];
var DEFAULT_USAGE_PLANS = Object.fromEntries(
  SPECS.map((s) => [s.operation, s.plan])
);
var FALLBACK_USAGE_PLAN = plan(1, 1);
function operationOf(method, path5) {
  const m = method.toUpperCase();
  const spec = SPECS.find((s) => s.method === m && s.path.test(path5));
  return spec?.operation ?? `${m} ${path5}`;
}

// src/amazon/token-bucket.ts
var SAFETY_FACTOR = 0.98;
var MAX_SLEEP_MS = 1e3;
var TokenBucket = class {
  constructor(rate, burst, clock) {
    this.rate = rate;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.lastMs = clock.now().getTime();
  }
  rate;
  burst;
  clock;
  tokens;
  lastMs;
  queue = Promise.resolve();
  get currentRate() {
    return this.rate;
  }
  /** Waits (FIFO) until a token is available, then takes it. */
  acquire() {
    const next = this.queue.then(() => this.take());
    this.queue = next.catch(() => void 0);
    return next;
  }
  /** Amazon told us the rate it applies (x-amzn-RateLimit-Limit). */
  setRate(rate) {
    if (!Number.isFinite(rate) || rate <= 0 || rate === this.rate) return;
    this.refill();
    this.rate = rate;
  }
  /** A 429 means Amazon's bucket is empty: so is ours. */
  drain() {
    this.refill();
    this.tokens = 0;
  }
  available() {
    this.refill();
    return this.tokens;
  }
  async take() {
    for (; ; ) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = Math.ceil((1 - this.tokens) / (this.rate * SAFETY_FACTOR) * 1e3) + 1;
      await this.clock.sleep(Math.min(waitMs, MAX_SLEEP_MS));
    }
  }
  refill() {
    const now = this.clock.now().getTime();
    const elapsed = Math.max(0, now - this.lastMs) / 1e3;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.rate * SAFETY_FACTOR);
    this.lastMs = now;
  }
};

// src/amazon/rate-limit-registry.ts
var RateLimitRegistry = class {
  constructor(clock) {
    this.clock = clock;
  }
  clock;
  buckets = /* @__PURE__ */ new Map();
  bucket(sellerId, operation) {
    const key = `${sellerId}\0${operation}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const plan2 = DEFAULT_USAGE_PLANS[operation] ?? FALLBACK_USAGE_PLAN;
      bucket = new TokenBucket(plan2.rate, plan2.burst, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
};

// src/amazon/sp-api-transport.ts
import axios3 from "axios";

// src/amazon/retry-policy.ts
var DEFAULT_BACKOFF = { maxAttempts: 6, baseMs: 1e3, capMs: 6e4 };
var JitteredBackoff = class {
  options;
  constructor(options = {}) {
    this.options = { ...DEFAULT_BACKOFF, ...options };
  }
  nextDelayMs(attempt, reason) {
    const limit = Math.min(reason === "malformed" || reason === "auth" ? 2 : Infinity, this.options.maxAttempts);
    if (attempt >= limit) return null;
    if (reason === "auth") return 0;
    const ceiling = Math.min(this.options.capMs, this.options.baseMs * 2 ** (attempt - 1));
    return Math.floor((this.options.random ?? Math.random)() * ceiling);
  }
};

// src/amazon/sp-api-transport.ts
var DEFAULT_TIMEOUT_MS = 3e4;
var USER_AGENT = "OrderBridge/0.1 (Language=TypeScript)";
var SpApiTransport = class {
  constructor(options) {
    this.options = options;
    this.baseUrl = options.spApiBaseUrl.replace(/\/+$/, "");
    this.retry = options.retry ?? new JitteredBackoff();
    this.http = axios3.getAdapter("http");
    this.axios = axios3.create({
      baseURL: this.baseUrl,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // The adapter hands back parsed JSON; axios must not parse (or choke on) it again.
      transformResponse: [(data) => data],
      adapter: (config) => this.send(config)
    });
  }
  options;
  axios;
  baseUrl;
  calls = {};
  throttledCount = 0;
  retry;
  http;
  get sellerId() {
    return this.options.sellerId;
  }
  stats() {
    return { calls: { ...this.calls }, throttled: this.throttledCount };
  }
  async send(config) {
    const url = new URL(axios3.getUri(config));
    const ctx = {
      operation: operationOf(config.method ?? "GET", url.pathname),
      baseUrl: this.baseUrl,
      query: url.searchParams,
      requestId: null
    };
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(config, ctx, url, attempt);
      if (outcome.kind === "done") return outcome.response;
      if (outcome.kind === "fail") throw outcome.error;
      const delay = this.retry.nextDelayMs(attempt, outcome.reason);
      if (delay === null) throw outcome.error;
      await this.options.clock.sleep(delay);
    }
  }
  async attempt(config, base, url, attempt) {
    const bucket = this.options.limits.bucket(this.options.sellerId, base.operation);
    await bucket.acquire();
    let token;
    try {
      token = await this.options.lwa.accessToken();
    } catch (cause) {
      const error = toAppError(cause);
      return error.retryable ? { kind: "retry", reason: "network", error } : { kind: "fail", error };
    }
    config.headers.set("x-amz-access-token", token);
    config.headers.set("user-agent", USER_AGENT);
    const started = performance.now();
    let response;
    try {
      response = await this.http({
        ...config,
        validateStatus: () => true,
        responseType: "text",
        transformResponse: (data) => data
      });
    } catch (cause) {
      this.record(base, config, url, null, started, null, attempt);
      return { kind: "retry", reason: "network", error: networkFailure(cause, base) };
    }
    const ctx = { ...base, requestId: headerOf2(response, "x-amzn-requestid") };
    this.record(ctx, config, url, response.status, started, ctx.requestId, attempt);
    const rate = rateLimitOf(response);
    if (rate !== null) bucket.setRate(rate);
    if (response.status === 429) {
      this.throttledCount++;
      bucket.drain();
    }
    const outcome = classifyResponse(response, ctx, attempt);
    if (outcome.kind === "retry" && outcome.reason === "auth") this.options.lwa.invalidate(token);
    return outcome;
  }
  record(ctx, config, url, status, started, requestId, attempt) {
    this.calls[ctx.operation] = (this.calls[ctx.operation] ?? 0) + 1;
    const call2 = {
      operation: ctx.operation,
      method: (config.method ?? "GET").toUpperCase(),
      path: url.pathname,
      status,
      durationMs: Math.round(performance.now() - started),
      requestId,
      attempt
    };
    try {
      this.options.onCall?.(call2);
    } catch {
    }
  }
};

// src/amazon/feeds-client.ts
import { z as z11 } from "zod";

// src/amazon/feeds/feed-document-transfer.ts
import { gunzipSync } from "node:zlib";
var s3Field = (xml, name) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? null;
var safeUrl = (url) => url.split("?")[0] ?? url;
async function send(url, init, o, what) {
  const attempts = o.attempts ?? 3;
  let last = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(o.timeoutMs ?? 6e4) });
      if (res.status < 500) return ok(res);
      await res.arrayBuffer();
      last = new AppError("amazon_unavailable", `Amazon's document store failed the ${what} with HTTP ${res.status}`, {
        kind: "upstream",
        details: { url: safeUrl(url), status: res.status }
      });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      last = new AppError(
        "amazon_unavailable",
        `Amazon's document store could not be reached for the ${what}: ${message}`,
        {
          kind: "upstream",
          details: { url: safeUrl(url) },
          cause
        }
      );
    }
  }
  return err(last);
}
async function uploadFeedDocument(url, content, contentType, o = {}) {
  const body = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const sent = await send(url, { method: "PUT", headers: { "content-type": contentType }, body }, o, "feed upload");
  if (!sent.ok) return sent;
  const res = sent.value;
  const text5 = await res.text();
  if (res.ok) return ok(void 0);
  const code = s3Field(text5, "Code") ?? `HTTP ${res.status}`;
  const hint = code === "SignatureDoesNotMatch" ? ` \u2014 the Content-Type sent ("${contentType}") must be exactly the one given to createFeedDocument` : code === "AccessDenied" ? " \u2014 the presigned URL has expired (5 minutes); create a new feed document" : "";
  return err(
    new AppError("feed_upload_rejected", `Amazon refused the feed upload (${res.status} ${code})${hint}`, {
      kind: "invalid",
      retryable: false,
      details: { status: res.status, code, message: s3Field(text5, "Message"), url: safeUrl(url), contentType }
    })
  );
}
async function downloadFeedDocument(url, compressionAlgorithm, o = {}) {
  const sent = await send(url, { method: "GET" }, o, "report download");
  if (!sent.ok) return sent;
  const res = sent.value;
  const raw = Buffer.from(await res.arrayBuffer());
  if (!res.ok) {
    const code = s3Field(raw.toString("utf8"), "Code") ?? `HTTP ${res.status}`;
    return err(
      new AppError(
        "feed_document_unavailable",
        `Amazon's document store refused the download (${res.status} ${code})`,
        {
          kind: "upstream",
          retryable: res.status === 403,
          // an expired URL: ask getFeedDocument for a new one
          details: { status: res.status, code, url: safeUrl(url) }
        }
      )
    );
  }
  if (compressionAlgorithm === void 0) return ok(raw);
  if (compressionAlgorithm !== "GZIP") {
    return err(
      new AppError("feed_document_unsupported", `Unknown compressionAlgorithm ${compressionAlgorithm}`, {
        kind: "upstream",
        retryable: false
      })
    );
  }
  try {
    return ok(gunzipSync(raw));
  } catch (cause) {
    return err(
      new AppError("feed_report_invalid", "The GZIP report could not be decompressed", {
        kind: "upstream",
        retryable: false,
        cause
      })
    );
  }
}

// src/amazon/feeds/listings-processing-report.ts
import { z as z10 } from "zod";
var count = z10.number().int().min(0);
var reportSchema = z10.object({
  header: z10.object({ sellerId: z10.string(), version: z10.string(), feedId: z10.string().optional() }),
  issues: z10.array(
    z10.object({
      messageId: z10.number().int().optional(),
      sku: z10.string().optional(),
      code: z10.string().optional(),
      severity: z10.enum(["ERROR", "WARNING", "INFO"]),
      message: z10.string(),
      attributeName: z10.string().optional()
    })
  ),
  summary: z10.object({
    errors: count,
    warnings: count,
    messagesProcessed: count,
    messagesAccepted: count,
    messagesInvalid: count
  })
});
var upstream = (message) => new AppError("feed_report_invalid", message, { kind: "upstream", retryable: false });
function parseListingsProcessingReport(text5) {
  let json;
  try {
    json = JSON.parse(text5);
  } catch (error) {
    return err(
      upstream(`listings processing report is not JSON: ${error instanceof Error ? error.message : String(error)}`)
    );
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") || "(body)";
    return err(upstream(`listings processing report has the wrong shape (at ${where})`));
  }
  return ok(parsed.data);
}

// src/amazon/feeds/processing-report.ts
import { XMLParser } from "fast-xml-parser";
var parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  // keep ids like 12345678901234 and codes as strings
  trimValues: true,
  isArray: (name) => name === "Message" || name === "Result"
});
var isNode = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var text4 = (node, key) => {
  const value = node[key];
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : void 0;
};
var upstream2 = (message) => new AppError("feed_report_invalid", message, { kind: "upstream", retryable: false });
function count2(summary, key) {
  const raw = text4(summary, key);
  return raw !== void 0 && /^\d+$/.test(raw) ? Number(raw) : null;
}
function toResult(node) {
  const info = isNode(node.AdditionalInfo) ? node.AdditionalInfo : {};
  const amazonOrderId = text4(info, "AmazonOrderID");
  const amazonOrderItemCode = text4(info, "AmazonOrderItemCode");
  return {
    messageId: Number(text4(node, "MessageID") ?? "0"),
    resultCode: text4(node, "ResultCode") ?? "",
    messageCode: text4(node, "ResultMessageCode") ?? "",
    description: text4(node, "ResultDescription") ?? "",
    ...amazonOrderId === void 0 ? {} : { amazonOrderId },
    ...amazonOrderItemCode === void 0 ? {} : { amazonOrderItemCode }
  };
}
function findReport(doc) {
  const envelope = doc.AmazonEnvelope;
  if (!isNode(envelope)) return null;
  const messages = Array.isArray(envelope.Message) ? envelope.Message : [];
  for (const message of messages) {
    if (isNode(message) && isNode(message.ProcessingReport)) return message.ProcessingReport;
  }
  return null;
}
function parseProcessingReport(xml) {
  let doc;
  try {
    doc = parser.parse(xml, true);
  } catch (error) {
    return err(
      upstream2(`processing report is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`)
    );
  }
  const report = isNode(doc) ? findReport(doc) : null;
  if (report === null) return err(upstream2("no AmazonEnvelope/Message/ProcessingReport in the document"));
  const statusCode = text4(report, "StatusCode");
  const summary = report.ProcessingSummary;
  if (statusCode === void 0 || !isNode(summary))
    return err(upstream2("processing report lacks StatusCode or ProcessingSummary"));
  const numbers = ["MessagesProcessed", "MessagesSuccessful", "MessagesWithError", "MessagesWithWarning"].map(
    (k) => count2(summary, k)
  );
  const [processed, successful, withError, withWarning] = numbers;
  if (processed == null || successful == null || withError == null || withWarning == null) {
    return err(upstream2("processing summary counts are missing or not numbers"));
  }
  const results = (Array.isArray(report.Result) ? report.Result : []).filter(isNode).map(toResult);
  const documentTransactionId = text4(report, "DocumentTransactionID") ?? null;
  return ok({ statusCode, documentTransactionId, processed, successful, withError, withWarning, results });
}

// src/amazon/feeds-client.ts
var FEEDS2 = "/feeds/2021-06-30";
var feedSchema = z11.object({
  feedId: z11.string(),
  feedType: z11.string(),
  marketplaceIds: z11.array(z11.string()).optional(),
  createdTime: z11.string(),
  processingStatus: z11.enum(["CANCELLED", "DONE", "FATAL", "IN_PROGRESS", "IN_QUEUE"]),
  processingStartTime: z11.string().optional(),
  processingEndTime: z11.string().optional(),
  resultFeedDocumentId: z11.string().optional()
});
var documentSchema = z11.object({ feedDocumentId: z11.string(), url: z11.string() });
var feedDocumentSchema = documentSchema.extend({ compressionAlgorithm: z11.string().optional() });
var createFeedSchema = z11.object({ feedId: z11.string() });
var isFeedFinished = (status) => status === "DONE" || status === "FATAL" || status === "CANCELLED";
var AmazonFeedsClient = class {
  constructor(transport, transfer = {}) {
    this.transport = transport;
    this.transfer = transfer;
  }
  transport;
  transfer;
  /** createFeedDocument → upload → createFeed; returns the feedId (and the input document's id). */
  async submitFeed(input) {
    const doc = await this.createFeedDocument(input.contentType);
    if (!doc.ok) return doc;
    const uploaded = await uploadFeedDocument(doc.value.url, input.content, input.contentType, this.transfer);
    if (!uploaded.ok) return uploaded;
    const feed = await this.createFeed({
      feedType: input.feedType,
      marketplaceIds: input.marketplaceIds,
      inputFeedDocumentId: doc.value.feedDocumentId,
      ...input.feedOptions && { feedOptions: input.feedOptions }
    });
    return feed.ok ? ok({ feedId: feed.value, feedDocumentId: doc.value.feedDocumentId }) : feed;
  }
  createFeedDocument(contentType) {
    return this.call(
      "createFeedDocument",
      documentSchema,
      () => this.transport.axios.post(`${FEEDS2}/documents`, { contentType })
    );
  }
  /** The presigned PUT (exposed for callers that create the document themselves). */
  uploadFeedDocument(url, content, contentType) {
    return uploadFeedDocument(url, content, contentType, this.transfer);
  }
  async createFeed(spec) {
    const body = { ...spec, marketplaceIds: [...spec.marketplaceIds] };
    const r = await this.call("createFeed", createFeedSchema, () => this.transport.axios.post(`${FEEDS2}/feeds`, body));
    return r.ok ? ok(r.value.feedId) : r;
  }
  getFeed(feedId) {
    return this.call(
      "getFeed",
      feedSchema,
      () => this.transport.axios.get(`${FEEDS2}/feeds/${encodeURIComponent(feedId)}`)
    );
  }
  /** Only IN_QUEUE feeds can be cancelled (Amazon answers 400 otherwise). */
  async cancelFeed(feedId) {
    try {
      await this.transport.axios.delete(`${FEEDS2}/feeds/${encodeURIComponent(feedId)}`);
      return ok(void 0);
    } catch (error) {
      return err(toAppError(error));
    }
  }
  /** Polls getFeed until DONE / FATAL / CANCELLED (or `timeoutMs`, → `feed_still_processing`). */
  async waitForFeed(feedId, clock, o = {}) {
    const deadline = clock.now().getTime() + (o.timeoutMs ?? 30 * 6e4);
    for (; ; ) {
      const feed = await this.getFeed(feedId);
      if (!feed.ok || isFeedFinished(feed.value.processingStatus)) return feed;
      if (clock.now().getTime() >= deadline) return err(stillProcessing2(feed.value));
      await clock.sleep(o.pollMs ?? 3e4);
    }
  }
  /** getFeedDocument + download (+ gunzip); the bytes of any feed document of this seller. */
  async downloadDocument(feedDocumentId) {
    const doc = await this.call(
      "getFeedDocument",
      feedDocumentSchema,
      () => this.transport.axios.get(`${FEEDS2}/documents/${encodeURIComponent(feedDocumentId)}`)
    );
    if (!doc.ok) return doc;
    return downloadFeedDocument(doc.value.url, doc.value.compressionAlgorithm, this.transfer);
  }
  /** The parsed processing report of a finished feed (XML for order feeds, JSON for JSON_LISTINGS_FEED). */
  async getProcessingReport(feedId) {
    const feed = await this.getFeed(feedId);
    if (!feed.ok) return feed;
    const { processingStatus, resultFeedDocumentId } = feed.value;
    if (!isFeedFinished(processingStatus)) return err(stillProcessing2(feed.value));
    if (resultFeedDocumentId === void 0) {
      return err(
        new AppError("feed_report_missing", `Feed ${feedId} ended ${processingStatus} without a processing report`, {
          kind: processingStatus === "FATAL" ? "upstream" : "not_found",
          retryable: false,
          details: { feedId, processingStatus }
        })
      );
    }
    const bytes = await this.downloadDocument(resultFeedDocumentId);
    if (!bytes.ok) return bytes;
    const text5 = bytes.value.toString("utf8").replace(/^\uFEFF/, "");
    if (text5.trimStart().startsWith("{")) {
      const r2 = parseListingsProcessingReport(text5);
      return r2.ok ? ok({ format: "json", report: r2.value }) : r2;
    }
    const r = parseProcessingReport(text5);
    return r.ok ? ok({ format: "xml", report: r.value }) : r;
  }
  async call(operation, schema, send2) {
    try {
      const parsed = schema.safeParse((await send2()).data);
      if (parsed.success) return ok(parsed.data);
      const where = parsed.error.issues[0]?.path.join(".") || "(body)";
      return err(malformedResponse({ operation, requestId: null }, `a body of the wrong shape (at ${where})`));
    } catch (error) {
      return err(toAppError(error));
    }
  }
};
function stillProcessing2(feed) {
  return new AppError("feed_still_processing", `Feed ${feed.feedId} is still ${feed.processingStatus}`, {
    kind: "conflict",
    retryable: true,
    details: { feedId: feed.feedId, processingStatus: feed.processingStatus }
  });
}

// src/amazon/feeds/listings-quantity-feed.ts
var JSON_FEED_CONTENT_TYPE = "application/json; charset=UTF-8";
var DEFAULT_PRODUCT_TYPE = "PRODUCT";
var MAX_LISTINGS_FEED_MESSAGES = 25e3;
var invalid2 = (code, message, details = {}) => new AppError(code, message, { kind: "invalid", retryable: false, details });
function quantityPatch(quantity) {
  return {
    op: "merge",
    path: "/attributes/fulfillment_availability",
    value: [{ fulfillment_channel_code: "DEFAULT", quantity }]
  };
}
function check(input) {
  if (input.sellerId.trim() === "") return invalid2("feed_seller_id_missing", "sellerId is empty");
  if (input.items.length === 0) return invalid2("feed_no_items", "no quantities to send");
  if (input.items.length > MAX_LISTINGS_FEED_MESSAGES) {
    return invalid2("feed_too_many_items", `at most ${MAX_LISTINGS_FEED_MESSAGES} SKUs per JSON_LISTINGS_FEED`);
  }
  const seen = /* @__PURE__ */ new Set();
  for (const { sku, quantity } of input.items) {
    if (sku.trim() === "") return invalid2("feed_sku_missing", "an item has an empty SKU");
    if (seen.has(sku)) return invalid2("feed_duplicate_sku", `SKU ${sku} appears twice`, { sku });
    seen.add(sku);
    if (!Number.isInteger(quantity) || quantity < 0) {
      return invalid2("feed_quantity_invalid", `SKU ${sku}: quantity must be an integer \u2265 0`, { sku, quantity });
    }
  }
  return null;
}
function buildListingsQuantityFeed(input) {
  const problem = check(input);
  if (problem) return err(problem);
  const messageIds = {};
  const messages = input.items.map((item, index) => {
    const messageId = index + 1;
    messageIds[messageId] = item.sku;
    return {
      messageId,
      sku: item.sku,
      operationType: "PATCH",
      productType: item.productType ?? DEFAULT_PRODUCT_TYPE,
      patches: [quantityPatch(item.quantity)]
    };
  });
  const header2 = { sellerId: input.sellerId.trim(), version: "2.0", issueLocale: input.issueLocale ?? "en_US" };
  return ok({ json: JSON.stringify({ header: header2, messages }), messageIds });
}

// src/amazon/listings-client.ts
import { z as z12 } from "zod";
var issueSchema = z12.object({
  code: z12.string(),
  message: z12.string(),
  severity: z12.enum(["ERROR", "WARNING", "INFO"]),
  attributeNames: z12.array(z12.string()).optional()
});
var submissionSchema = z12.object({
  sku: z12.string(),
  status: z12.enum(["ACCEPTED", "INVALID", "VALID"]),
  submissionId: z12.string(),
  issues: z12.array(issueSchema).optional()
});
var itemSchema2 = z12.object({
  sku: z12.string(),
  summaries: z12.array(z12.object({ marketplaceId: z12.string(), productType: z12.string() })).optional(),
  fulfillmentAvailability: z12.array(z12.object({ fulfillmentChannelCode: z12.string(), quantity: z12.number().int().optional() })).optional()
});
var AmazonListingsClient = class {
  constructor(transport, options) {
    this.transport = transport;
    this.options = options;
  }
  transport;
  options;
  productTypes = /* @__PURE__ */ new Map();
  path(sku) {
    const seller = encodeURIComponent(this.options.sellerId ?? this.transport.sellerId);
    return `/listings/2021-08-01/items/${seller}/${encodeURIComponent(sku)}`;
  }
  async getListingsItem(sku, includedData = ["summaries"]) {
    try {
      const res = await this.transport.axios.get(this.path(sku), {
        params: { marketplaceIds: this.options.marketplaceId, includedData: includedData.join(",") }
      });
      return parse("getListingsItem", itemSchema2, res.data);
    } catch (error) {
      return err(toAppError(error));
    }
  }
  /** The listing's product type (from summaries, cached per SKU); PRODUCT when Amazon shows none. */
  async productTypeOf(sku) {
    const cached = this.productTypes.get(sku);
    if (cached !== void 0) return ok(cached);
    const item = await this.getListingsItem(sku, ["summaries"]);
    if (!item.ok) return item;
    const type = item.value.summaries?.find((s) => s.marketplaceId === this.options.marketplaceId)?.productType;
    const productType = type ?? DEFAULT_PRODUCT_TYPE;
    this.productTypes.set(sku, productType);
    return ok(productType);
  }
  /**
   * Sets the DEFAULT-channel quantity (`merge` on fulfillment_availability keeps lead time and restock
   * date). ACCEPTED → ok; INVALID → `amazon_listing_rejected` with Amazon's issues.
   */
  async patchListingQuantity(sku, quantity, o = {}) {
    if (!Number.isInteger(quantity) || quantity < 0) {
      return err(
        new AppError("listing_quantity_invalid", `quantity must be an integer \u2265 0 (got ${quantity})`, {
          kind: "invalid"
        })
      );
    }
    let productType = o.productType;
    if (productType === void 0) {
      if (this.options.lookUpProductType === false) productType = DEFAULT_PRODUCT_TYPE;
      else {
        const looked = await this.productTypeOf(sku);
        if (!looked.ok) return looked;
        productType = looked.value;
      }
    }
    let submission;
    try {
      const res = await this.transport.axios.patch(
        this.path(sku),
        { productType, patches: [quantityPatch(quantity)] },
        { params: { marketplaceIds: this.options.marketplaceId, includedData: "issues" } }
      );
      submission = parse("patchListingsItem", submissionSchema, res.data);
    } catch (error) {
      return err(toAppError(error));
    }
    if (!submission.ok || submission.value.status !== "INVALID") return submission;
    const issues = submission.value.issues ?? [];
    const summary = issues.map((i) => `${i.code}: ${i.message}`).join("; ") || "no issues given";
    return err(
      new AppError("amazon_listing_rejected", `Amazon rejected the quantity of SKU ${sku}: ${summary}`, {
        kind: "invalid",
        retryable: false,
        details: { sku, submissionId: submission.value.submissionId, issues }
      })
    );
  }
};
function parse(operation, schema, data) {
  const parsed = schema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const where = parsed.error.issues[0]?.path.join(".") || "(body)";
  return err(malformedResponse({ operation, requestId: null }, `a body of the wrong shape (at ${where})`));
}

// src/app/amazon-write-back.ts
function createAmazonWriteBack(connection, transport) {
  const orders = new AmazonOrdersClient(transport);
  const feeds = new AmazonFeedsClient(transport);
  const listings = new AmazonListingsClient(transport, {
    marketplaceId: connection.marketplaceId,
    sellerId: connection.sellerId
  });
  return {
    confirmShipment: (s) => orders.confirmShipment(s.amazonOrderId, {
      marketplaceId: connection.marketplaceId,
      packageDetail: {
        packageReferenceId: s.packageReferenceId,
        carrierCode: s.carrierCode,
        ...s.carrierName !== null && { carrierName: s.carrierName },
        ...s.shippingMethod !== null && { shippingMethod: s.shippingMethod },
        trackingNumber: s.trackingNumber,
        shipDate: s.shipDate,
        orderItems: s.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity }))
      }
    }),
    async submitFeed(feedType, content, contentType) {
      const submitted = await feeds.submitFeed({
        feedType,
        marketplaceIds: [connection.marketplaceId],
        content,
        contentType
      });
      return submitted.ok ? ok(submitted.value.feedId) : submitted;
    },
    async getFeed(feedId) {
      const feed = await feeds.getFeed(feedId);
      if (!feed.ok) return feed;
      return ok({
        processingStatus: feed.value.processingStatus,
        resultFeedDocumentId: feed.value.resultFeedDocumentId ?? null
      });
    },
    async getFeedReport(feedId) {
      const got = await feeds.getProcessingReport(feedId);
      if (!got.ok) return got;
      if (got.value.format === "xml") {
        const r2 = got.value.report;
        return ok({
          processed: r2.processed,
          successful: r2.successful,
          withError: r2.withError,
          results: r2.results.map((x) => ({
            messageId: x.messageId,
            code: x.resultCode === "Error" ? "Error" : "Warning",
            description: `${x.messageCode}: ${x.description}`
          }))
        });
      }
      const r = got.value.report;
      return ok({
        processed: r.summary.messagesProcessed,
        successful: r.summary.messagesAccepted,
        withError: r.summary.messagesInvalid,
        results: r.issues.filter((i) => i.severity !== "INFO" && i.messageId !== void 0).map((i) => ({
          messageId: i.messageId ?? 0,
          code: i.severity === "ERROR" ? "Error" : "Warning",
          description: `${i.code ?? ""}: ${i.message}`
        }))
      });
    },
    async patchListingQuantity(sku, quantity) {
      const patched = await listings.patchListingQuantity(sku, quantity);
      return patched.ok ? ok(void 0) : patched;
    },
    buildListingsFeed(sellerId, quantities) {
      const built = buildListingsQuantityFeed({
        sellerId,
        items: [...quantities].map(([sku, quantity]) => ({ sku, quantity }))
      });
      if (!built.ok) return built;
      const messageIds = Object.fromEntries(Object.entries(built.value.messageIds).map(([k, v]) => [String(k), v]));
      return ok({ content: built.value.json, contentType: JSON_FEED_CONTENT_TYPE, messageIds });
    }
  };
}

// src/app/amazon-ports.ts
var AmazonPorts = class {
  constructor(connections, clock, logger) {
    this.connections = connections;
    this.clock = clock;
    this.logger = logger;
    this.limits = new RateLimitRegistry(clock);
  }
  connections;
  clock;
  logger;
  limits;
  cache = /* @__PURE__ */ new Map();
  transports = /* @__PURE__ */ new Map();
  /** One transport per connection version: its LWA token and call stats live as long as the connection. */
  async transportFor(connection) {
    const cached = this.transports.get(connection.id);
    if (cached && cached.version === connection.updatedAt) return cached.transport;
    const secrets = await this.connections.secretsOf(connection.id);
    const lwa = new LwaTokenProvider(
      { lwaUrl: connection.lwaUrl, clientId: connection.clientId, ...secrets },
      this.clock
    );
    const transport = new SpApiTransport({
      sellerId: connection.sellerId,
      spApiBaseUrl: connection.spApiBaseUrl,
      lwa,
      limits: this.limits,
      clock: this.clock,
      onCall: (call2) => this.logger.debug({ connectionId: connection.id, ...call2 }, "amazon call")
    });
    this.transports.set(connection.id, { version: connection.updatedAt, transport });
    return transport;
  }
  async forConnection(connection) {
    const cached = this.cache.get(connection.id);
    if (cached && cached.version === connection.updatedAt) return cached.port;
    const client = new AmazonOrdersClient(await this.transportFor(connection));
    const port = {
      searchOrders: (p) => client.searchOrders({
        lastUpdatedAfter: p.lastUpdatedAfter,
        marketplaceIds: p.marketplaceIds,
        includedData: p.includedData,
        maxResultsPerPage: p.maxResultsPerPage,
        paginationToken: p.paginationToken
      }),
      getOrder: (id, included) => client.getOrder(id, included),
      adaptOrder,
      stats: () => client.stats()
    };
    this.cache.set(connection.id, { version: connection.updatedAt, port });
    return port;
  }
  /** Shipments, feeds and listings of a connection (the write-back to Amazon). */
  async writeBackFor(connection) {
    return createAmazonWriteBack(connection, await this.transportFor(connection));
  }
};

// src/app/default-account.ts
var DEFAULT_ACCOUNT_ID = "default";
async function ensureDefaultAccount(db, now) {
  await db.insertInto("accounts").values({ id: DEFAULT_ACCOUNT_ID, name: "Default account", created_at: now }).onConflict((oc) => oc.column("id").doNothing()).execute();
}

// src/app/secret-key.ts
import { chmodSync, existsSync, mkdirSync as mkdirSync2, readFileSync as readFileSync2, writeFileSync } from "node:fs";
import path2 from "node:path";
function loadSecretBox(secretKey, dataDir) {
  if (secretKey) return new SecretBox(secretKey);
  const file = path2.join(dataDir, "secret.key");
  if (!existsSync(file)) {
    mkdirSync2(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${SecretBox.generateKey()}
`, { mode: 384, flag: "wx" });
      chmodSync(file, 384);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
  return new SecretBox(readFileSync2(file, "utf8").trim());
}

// src/app/app-context.ts
async function openApp(config, options = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const database2 = await createDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { sqlitePath: config.sqlitePath }
  );
  const db = database2.db;
  await ensureDefaultAccount(db, clock.nowIso());
  const secretBox = loadSecretBox(config.secretKey, config.dataDir);
  const connectionRepo = new ConnectionRepository(db);
  const orderRepo = new OrderRepository(db);
  const syncRuns = new SyncRunRepository(db);
  const skuLinks = new SkuLinkRepository(db);
  const audit = new AuditLogRepository(db);
  const storeRepo = new StoreRepository(db);
  const connections = new ConnectionService(connectionRepo, skuLinks, audit, secretBox, clock, storeRepo);
  const amazon = new AmazonPorts(connections, clock, logger);
  const jobs = new EmbeddedJobQueue(db, { clock });
  const stock = new StockRepository(db);
  const stores = new StoreService(
    storeRepo,
    audit,
    secretBox,
    clock,
    createHubPort({ db, jobs, stock, storeRepo, clock })
  );
  const storeSide = {
    db,
    orders: orderRepo,
    orderStore: new OrderStoreRepository(db),
    shipments: new ShipmentRepository(db),
    cancellations: new CancellationRepository(db),
    stock,
    stores: storeRepo,
    skuLinks,
    connections: connectionRepo,
    jobs,
    clock,
    logger,
    connectorFor: (storeId) => stores.connectorFor(storeId),
    openSecrets: (storeId) => stores.openSecrets(storeId),
    amazonFor: async (connectionId) => {
      const connection = await connectionRepo.findById(connectionId);
      if (!connection) throw new Error(`connection ${connectionId} not found`);
      return amazon.writeBackFor(connection);
    }
  };
  const owner = `${hostname3()}:${process.pid}:${newId().slice(0, 8)}`;
  const importDeps = {
    db,
    connections: connectionRepo,
    orders: orderRepo,
    syncRuns,
    skuLinks,
    amazonFor: amazon.forConnection.bind(amazon),
    clock,
    logger,
    owner,
    // The outbox: a changed order's delivery is queued in the transaction that stores it.
    onOrderChanged: async (trx, orderId, connection) => {
      if (connection.storeId) await enqueueDelivery(storeSide, orderId, connection.storeId, trx);
    }
  };
  return {
    config,
    db,
    dialect: database2.dialect,
    logger,
    clock,
    accountId: DEFAULT_ACCOUNT_ID,
    connections,
    stores,
    storeSide,
    storeSideService: new StoreSideService(storeSide),
    runStoreJobs: () => jobs.drain(storeSideHandlers(storeSide)),
    orders: new OrderQueryService(connectionRepo, orderRepo),
    syncRuns,
    jobs,
    importOrders: (connectionId, opts) => importOrders(importDeps, connectionId, opts),
    close: () => database2.close()
  };
}

// src/config/env.ts
import path3 from "node:path";
import { z as z13 } from "zod";
var envSchema = z13.object({
  ORDERBRIDGE_DATA_DIR: z13.string().min(1).default("data"),
  DATABASE_URL: z13.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL (unset it to use SQLite)").optional(),
  /** 32-byte key (64 hex chars or base64) for secrets at rest; generated into the data dir when absent. */
  ORDERBRIDGE_SECRET_KEY: z13.string().min(1).optional(),
  ORDERBRIDGE_HTTP_PORT: z13.coerce.number().int().min(0).max(65535).default(3e3),
  ORDERBRIDGE_HTTP_HOST: z13.string().default("127.0.0.1"),
  ORDERBRIDGE_SANDBOX_PORT: z13.coerce.number().int().min(0).max(65535).default(3001),
  ORDERBRIDGE_LOG_LEVEL: z13.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ORDERBRIDGE_WORKER_CONCURRENCY: z13.coerce.number().int().min(1).max(64).default(4),
  /** `start` runs the built-in Amazon sandbox with a demo connection unless this is "false". */
  ORDERBRIDGE_DEMO: z13.enum(["true", "false"]).default("true")
});
function loadConfig(env = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
    const first = issues[0];
    throw new AppError("config_invalid", `Invalid configuration: ${first?.field}: ${first?.message}`, {
      kind: "invalid",
      details: { issues }
    });
  }
  const e = parsed.data;
  const dataDir = path3.resolve(e.ORDERBRIDGE_DATA_DIR);
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL ?? null,
    sqlitePath: path3.join(dataDir, "orderbridge.sqlite"),
    secretKey: e.ORDERBRIDGE_SECRET_KEY ?? null,
    httpPort: e.ORDERBRIDGE_HTTP_PORT,
    httpHost: e.ORDERBRIDGE_HTTP_HOST,
    sandboxPort: e.ORDERBRIDGE_SANDBOX_PORT,
    logLevel: e.ORDERBRIDGE_LOG_LEVEL,
    workerConcurrency: e.ORDERBRIDGE_WORKER_CONCURRENCY,
    demo: e.ORDERBRIDGE_DEMO === "true"
  };
}

// src/sandbox/amazon/sandbox-constants.ts
var OPERATION_IDS = [
  "searchOrders",
  "getOrder",
  "confirmShipment",
  "createFeedDocument",
  "createFeed",
  "getFeed",
  "getFeeds",
  "cancelFeed",
  "getFeedDocument",
  "patchListingsItem",
  "getListingsItem"
];

// src/sandbox/amazon/marketplace-catalog.ts
var EU_PREFIXES = "402 403 404 405 406 407 408";
var ROWS2 = [
  ["ATVPDKIKX0DER", "US", "Amazon.com", "USD", "NA", false, "0.0725", 30, "111 112 113 114", null],
  ["A2EUQ1WTGCTBG2", "CA", "Amazon.ca", "CAD", "NA", false, "0.13", 5, "701 702", null],
  ["A1VC38T7YXB528", "JP", "Amazon.co.jp", "JPY", "FE", false, "0.10", 8, "249 250 503", "330"],
  ["A21TJRUUN4KGV", "IN", "Amazon.in", "INR", "EU", false, "0.18", 3, EU_PREFIXES, "40.00"],
  ["A1F83G8C2ARO7P", "GB", "Amazon.co.uk", "GBP", "EU", true, "0.20", 12, "202 203 204 205 206", null],
  ["A1PA6795UKMFR9", "DE", "Amazon.de", "EUR", "EU", true, "0.19", 15, "302 303 304 305 306 028", null],
  ["A13V1IB3VIYZZH", "FR", "Amazon.fr", "EUR", "EU", true, "0.20", 8, EU_PREFIXES, null],
  ["APJ6JRA9NG5V4", "IT", "Amazon.it", "EUR", "EU", true, "0.22", 6, EU_PREFIXES, null],
  ["A1RKKUPIHCS9HS", "ES", "Amazon.es", "EUR", "EU", true, "0.21", 5, EU_PREFIXES, null],
  ["A1805IZSGTT6HS", "NL", "Amazon.nl", "EUR", "EU", true, "0.21", 3, EU_PREFIXES, null],
  ["AMEN7PMS3EDWL", "BE", "Amazon.com.be", "EUR", "EU", true, "0.21", 1, EU_PREFIXES, null],
  ["A2NODRKZP88ZB9", "SE", "Amazon.se", "SEK", "EU", true, "0.25", 2, EU_PREFIXES, null],
  ["A1C3SOZRARQ6R3", "PL", "Amazon.pl", "PLN", "EU", true, "0.23", 2, EU_PREFIXES, null]
];
var MARKETPLACES2 = ROWS2.map(
  ([id, country, name, currency, region, taxInclusive, taxRate, weight, prefixes, codFee2]) => ({
    id,
    country,
    name,
    currency,
    region,
    taxInclusive,
    taxRate,
    weight,
    orderIdPrefixes: prefixes.split(" "),
    codFee: codFee2
  })
);
var BY_ID = new Map(MARKETPLACES2.map((mp) => [mp.id, mp]));
var KNOWN_MARKETPLACE_IDS = /* @__PURE__ */ new Set([
  ...MARKETPLACES2.map((mp) => mp.id),
  ..."A1AM78C64UM0Y8 A2Q3Y263D00KWC A28R8C7NBKEWEA AE08WJ6YKNBMC ARBP9OOSHTCHU A33AVAJ2PDY3EV".split(" "),
  ..."A17E79C6D8DWNP A2VIGQ35RCS4UG A19VAU5U5O7RUS A39IBJ37TRP1C6".split(" ")
]);

// src/sandbox/amazon/order-generator.ts
import Big6 from "big.js";

// src/sandbox/amazon/address-catalog.ts
var rows = (text5) => text5.split(";").map((row) => {
  const [city = "", postal = "", region = ""] = row.split("|");
  return [city.trim(), postal.trim(), region.trim()];
});
var ADDRESS_DATA = {
  US: {
    cities: rows(
      "Seattle|98101|WA;Los Angeles|90012|CA;New York|10001|NY;Austin|78701|TX;Miami|33101|FL;Chicago|60601|IL;Portland|97201|OR;Philadelphia|19103|PA;Boston|02108|MA;Denver|80202|CO"
    ),
    streets: ["Main Street", "Oak Avenue", "Pine Road", "Maple Drive", "Cedar Lane", "Elm Street", "Broadway"],
    numberFirst: true,
    phonePrefix: "+1 206 555",
    line2: ["Apt 4B", "Suite 200", "Unit 12", "Floor 3"]
  },
  CA: {
    cities: rows("Toronto|M5V 2T6|ON;Montr\xE9al|H3B 1A7|QC;Vancouver|V6B 1A1|BC;Calgary|T2P 1J9|AB;Halifax|B3H 1A1|NS"),
    streets: ["King Street West", "Rue Sainte-Catherine", "Granville Street", "Jasper Avenue"],
    numberFirst: true,
    phonePrefix: "+1 416 555",
    line2: ["Apt 1203", "Suite 400", "Unit 7"]
  },
  JP: {
    cities: rows(
      "\u6E0B\u8C37\u533A|150-0002|\u6771\u4EAC\u90FD;\u5927\u962A\u5E02\u5317\u533A|530-0001|\u5927\u962A\u5E9C;\u6A2A\u6D5C\u5E02\u897F\u533A|220-0012|\u795E\u5948\u5DDD\u770C;\u672D\u5E4C\u5E02\u4E2D\u592E\u533A|060-0001|\u5317\u6D77\u9053;\u798F\u5CA1\u5E02\u535A\u591A\u533A|812-0011|\u798F\u5CA1\u770C"
    ),
    streets: ["\u6E0B\u8C372-21-1", "\u6885\u75303-1-3", "\u307F\u306A\u3068\u307F\u3089\u30442-2-1", "\u53171\u6761\u897F2-1", "\u535A\u591A\u99C5\u4E2D\u592E\u88571-1"],
    numberFirst: true,
    phonePrefix: "+81 3 5555",
    line2: ["\u30D2\u30AB\u30EA\u30A8 11F", "\u30B0\u30E9\u30F3\u30D5\u30ED\u30F3\u30C8 305\u53F7\u5BA4", "\u30E9\u30F3\u30C9\u30DE\u30FC\u30AF\u30BF\u30EF\u30FC 20F"]
  },
  IN: {
    cities: rows(
      "Mumbai|400001|Maharashtra;Bengaluru|560001|Karnataka;New Delhi|110001|Delhi;Chennai|600001|Tamil Nadu"
    ),
    streets: ["MG Road", "Linking Road", "Anna Salai", "Connaught Place"],
    numberFirst: true,
    phonePrefix: "+91 98 4555",
    line2: ["Flat 302, Shanti Apartments", "Near City Mall", "Opp. Railway Station"]
  },
  GB: {
    cities: rows(
      "London|SW1A 1AA|Greater London;Manchester|M1 2AB|Greater Manchester;Edinburgh|EH1 1YZ|Scotland;Cardiff|CF10 1EP|Wales;Belfast|BT1 5GS|Northern Ireland;Bristol|BS1 4DJ|Bristol"
    ),
    streets: ["High Street", "Station Road", "Church Lane", "Victoria Road", "King's Road"],
    numberFirst: true,
    phonePrefix: "+44 20 7946",
    line2: ["Flat 2A", "Unit 4B", "Rose Cottage"]
  },
  DE: {
    cities: rows(
      "Berlin|10115|Berlin;M\xFCnchen|80331|Bayern;Hamburg|20095|Hamburg;K\xF6ln|50667|Nordrhein-Westfalen;Frankfurt am Main|60311|Hessen;Stuttgart|70173|Baden-W\xFCrttemberg"
    ),
    streets: ["Hauptstra\xDFe", "Bahnhofstra\xDFe", "Schillerstra\xDFe", "Goethestra\xDFe", "Lindenallee", "M\xFCllerstra\xDFe"],
    numberFirst: false,
    phonePrefix: "+49 30 5555",
    line2: ["c/o Schmidt", "Hinterhaus, 3. OG", "Packstation 123"]
  },
  FR: {
    cities: rows(
      "Paris|75001|\xCEle-de-France;Lyon|69002|Auvergne-Rh\xF4ne-Alpes;Marseille|13001|Provence-Alpes-C\xF4te d'Azur;Toulouse|31000|Occitanie;Lille|59000|Hauts-de-France"
    ),
    streets: ["rue de la Paix", "avenue des Champs-\xC9lys\xE9es", "boulevard Voltaire", "rue Victor Hugo"],
    numberFirst: true,
    phonePrefix: "+33 1 5555",
    line2: ["B\xE2timent B", "Appartement 12", "Escalier C, 4e \xE9tage"]
  },
  IT: {
    cities: rows("Roma|00184|RM;Milano|20121|MI;Napoli|80132|NA;Torino|10121|TO;Firenze|50122|FI"),
    streets: ["Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele II", "Via Dante"],
    numberFirst: false,
    phonePrefix: "+39 06 5555",
    line2: ["Scala B, Interno 7", "Piano 3"]
  },
  ES: {
    cities: rows("Madrid|28013|Madrid;Barcelona|08002|Barcelona;Valencia|46002|Valencia;Sevilla|41001|Sevilla"),
    streets: ["Calle Mayor", "Gran V\xEDa", "Calle de Alcal\xE1", "Avenida de la Constituci\xF3n"],
    numberFirst: false,
    phonePrefix: "+34 91 555",
    line2: ["3\xBA B", "Escalera 2, 1\xBA Izq."]
  },
  NL: {
    cities: rows("Amsterdam|1012 JS|Noord-Holland;Rotterdam|3011 AD|Zuid-Holland;Utrecht|3511 LX|Utrecht"),
    streets: ["Damrak", "Kalverstraat", "Coolsingel", "Oudegracht"],
    numberFirst: false,
    phonePrefix: "+31 20 555",
    line2: ["3 hoog", "Bus 2"]
  },
  BE: {
    cities: rows("Bruxelles|1000|Bruxelles-Capitale;Antwerpen|2000|Antwerpen;Gent|9000|Oost-Vlaanderen"),
    streets: ["Rue Neuve", "Meir", "Veldstraat"],
    numberFirst: false,
    phonePrefix: "+32 2 555",
    line2: ["Bo\xEEte 3", "Bus 12"]
  },
  SE: {
    cities: rows("Stockholm|111 20|Stockholm;G\xF6teborg|411 01|V\xE4stra G\xF6taland;Malm\xF6|211 20|Sk\xE5ne"),
    streets: ["Drottninggatan", "Kungsgatan", "S\xF6dergatan"],
    numberFirst: false,
    phonePrefix: "+46 8 555",
    line2: ["Lgh 1102", "c/o Andersson"]
  },
  PL: {
    cities: rows("Warszawa|00-001|Mazowieckie;Krak\xF3w|31-001|Ma\u0142opolskie;Gda\u0144sk|80-001|Pomorskie"),
    streets: ["ul. Marsza\u0142kowska", "ul. Floria\u0144ska", "ul. D\u0142uga"],
    numberFirst: false,
    phonePrefix: "+48 22 555",
    line2: ["m. 14", "lok. 3"]
  }
};

// src/sandbox/amazon/item-money.ts
import Big4 from "big.js";

// src/sandbox/amazon/money-math.ts
import Big3 from "big.js";

// src/sandbox/amazon/item-charges.ts
import Big5 from "big.js";

// src/sandbox/amazon/product-catalog.ts
var P = (asin, sku, basePrice, title, transparency = false) => ({
  asin,
  sku,
  basePrice,
  title,
  transparency
});
var PRODUCTS = [
  P("B08N5WRWNW", "ECHO-DOT-4-CHARCOAL", 29.99, "Echo Dot (4th Gen) | Smart speaker with Alexa | Charcoal", true),
  P("B07XJ8C8F5", "usb-c cable 2m/2pk", 12.99, "USB-C Charging Cable 2 m, braided (2-pack)"),
  P("B09B8V1LZ3", "BOTTLE-750-SS", 24.5, "Stainless Steel Water Bottle 750 ml \u2013 Vacuum Insulated"),
  P("B0C1234567", "TEA_GREEN_100", 8.49, "Organic Green Tea, 100 bags"),
  P("B01N1UUKPJ", "LEGO-10698", 54.99, "LEGO Classic Large Creative Brick Box 10698", true),
  P("B07PGL2ZSL", "KPW-COVER-BLK", 34.99, "Kindle Paperwhite Leather Cover \u2013 Black"),
  P("B0BSHF7WHW", "CHAIR-ERGO-01", 219, "Ergonomic Office Chair with Lumbar Support"),
  P("B08L5TNJHG", "HP-NC-BT53", 129.99, "Noise Cancelling Headphones, Bluetooth 5.3"),
  P("B00FLYWNYQ", "SKILLET 26CM", 39.9, "Cast Iron Skillet 26 cm, pre-seasoned"),
  P("B09XYZ1234", "SHOE-AIRZ-44", 89.95, `Men's Running Shoes "Air Zoom" \u2013 Size 44 EU`),
  P("B0C9K5L7M2", "BOARD-BAMBOO-3", 27.49, "Bamboo Cutting Board Set (3 pieces)"),
  P("B07ZPKN6YR", "PAPER-A4-80G-5X500", 29.99, "A4 Printer Paper 80 g/m\xB2, 500 sheets \xD7 5 reams"),
  P("B0D1ABCDEF", "9780241003008", 9.99, "Children's Picture Book: The Very Hungry Caterpillar (Hardcover)"),
  P("B0CHX1W1XY", "CASE-IP15-CLR", 15.99, "Phone Case for iPhone 15 \u2013 Clear, MagSafe compatible"),
  P("B08KTZ8249", "BITSET-100", 32.5, "Screwdriver Bit Set 100 pcs with Case"),
  P("B0CJP00001", "JP-MATCHA-200", 19.8, "\u62B9\u8336 \u30D1\u30A6\u30C0\u30FC 200g \u56FD\u7523 \u6709\u6A5F"),
  P("B0CJP00002", "JP-TOWEL-IMABARI", 24, "\u4ECA\u6CBB\u30BF\u30AA\u30EB \u30D5\u30A7\u30A4\u30B9\u30BF\u30AA\u30EB 3\u679A\u30BB\u30C3\u30C8")
];

// src/sandbox/amazon/order-item-generator.ts
var JP_PRODUCTS = PRODUCTS.filter((p) => p.sku.startsWith("JP-"));
var OTHER_PRODUCTS = PRODUCTS.filter((p) => !p.sku.startsWith("JP-"));

// src/sandbox/amazon/fixture-files.ts
import { fileURLToPath as fileURLToPath2 } from "node:url";
var AMAZON_FIXTURE_DIR = fileURLToPath2(new URL("../../../test/fixtures/amazon/", import.meta.url));

// src/sandbox/amazon/carrier-catalog.ts
var EU = [
  ["DHL", "DHL Paket", "digits12"],
  ["DPD", "DPD Classic", "digits12"],
  ["GLS", "GLS BusinessParcel", "digits12"]
];
var BY_COUNTRY = {
  US: [
    ["USPS", "USPS Ground Advantage", "digits20"],
    ["UPS", "UPS Ground", "ups1z"],
    ["FedEx", "FedEx Home Delivery", "digits12"]
  ],
  CA: [
    ["Canada Post", "Expedited Parcel", "digits12"],
    ["PUROLATOR", "Purolator Ground", "digits12"]
  ],
  JP: [
    ["YAMATO", "\u5B85\u6025\u4FBF", "digits12"],
    ["SAGAWA", "\u98DB\u811A\u5B85\u914D\u4FBF", "digits12"],
    ["Japan Post", "\u3086\u3046\u30D1\u30C3\u30AF", "digits12"]
  ],
  IN: [
    ["Delhivery", "Delhivery Surface", "digits12"],
    ["BlueDart", "Bluedart Apex", "digits12"],
    ["India Post", "Speed Post", "upu"]
  ],
  GB: [
    ["Royal Mail", "Royal Mail Tracked 48", "upu"],
    ["DPD", "DPD Next Day", "digits12"],
    ["Yodel", "Yodel Xpress 48", "digits12"]
  ],
  DE: [...EU, ["Hermes Logistik Gruppe", "Hermes Paket", "digits12"], ["Deutsche Post", "Warenpost", "upu"]],
  FR: [
    ["Colissimo", "Colissimo Domicile", "upu"],
    ["Chronopost", "Chrono 13", "upu"],
    ["La Poste", "Lettre suivie", "upu"]
  ],
  IT: [
    ["BRT", "BRT Espresso", "digits12"],
    ["Poste Italiane", "Poste Delivery Business", "upu"],
    ["SDA", "SDA Extra Large", "digits12"]
  ],
  ES: [
    ["Correos", "Paq Est\xE1ndar", "upu"],
    ["Seur", "SEUR 24", "digits12"],
    ["Nacex", "Nacex 19:00", "digits12"]
  ],
  NL: [["PostNL", "PostNL Pakket", "digits12"], ...EU],
  BE: EU,
  SE: [["PostNord", "MyPack Home", "upu"], ...EU],
  PL: [["InPost", "Paczkomat", "digits20"], ...EU]
};

// src/sandbox/amazon/feeds-acknowledgement.ts
import { XMLParser as XMLParser2 } from "fast-xml-parser";
import { create as create2 } from "xmlbuilder2";

// src/sandbox/amazon/feeds-xsd.ts
import { XmlDocument as XmlDocument2, XmlParseError as XmlParseError2, XmlValidateError as XmlValidateError2, XsdValidator as XsdValidator2 } from "libxml2-wasm";
import { xmlRegisterFsInputProviders as xmlRegisterFsInputProviders2 } from "libxml2-wasm/lib/nodejs.mjs";

// src/sandbox/amazon/feeds-acknowledgement.ts
var parser2 = new XMLParser2({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === "Message" || name === "Item"
});

// src/sandbox/amazon/feeds-control.routes.ts
var bad = (message) => new AppError("invalid_request", message, { kind: "invalid" });
var optional = (q, key) => {
  const v = q.get(key);
  return v ? { [key]: v } : {};
};
function timing(b) {
  const out = {};
  for (const key of ["queueMs", "processingMs"]) {
    const v = b[key];
    if (v === void 0) continue;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw bad(`${key} must be a number \u2265 0.`);
    out[key] = v;
  }
  return out;
}
var FEED_CONTROL_ROUTES = [
  ["GET", "/_sandbox/feeds", (s, _p, _b, q) => [200, { feeds: s.listFeeds(q.get("sellerId") ?? void 0) }]],
  ["GET", "/_sandbox/feeds/timing", (s) => [200, s.feeds.getTiming()]],
  ["PUT", "/_sandbox/feeds/timing", (s, _p, b) => [200, s.setFeedTiming(timing(b))]],
  ["POST", "/_sandbox/feeds/process", (s) => [200, { feeds: s.processFeedsNow() }]],
  [
    "GET",
    "/_sandbox/feeds/{feedId}",
    (s, p) => {
      const feed = s.listFeeds().find((f) => f.feedId === p.feedId);
      if (!feed)
        throw new AppError("feed_not_found", `No feed ${p.feedId ?? ""} in the sandbox.`, { kind: "not_found" });
      return [200, { feed }];
    }
  ],
  ["POST", "/_sandbox/feeds/{feedId}/process", (s, p) => [200, { feed: s.processFeedsNow(p.feedId ?? "")[0] }]],
  [
    "GET",
    "/_sandbox/listings",
    (s, _p, _b, q) => [
      200,
      {
        listings: s.listListings({
          ...optional(q, "sellerId"),
          ...optional(q, "marketplaceId"),
          ...optional(q, "sku")
        })
      }
    ]
  ],
  [
    "PUT",
    "/_sandbox/listings",
    (s, _p, b) => {
      if (typeof b.sku !== "string" || typeof b.quantity !== "number") throw bad("sku and quantity are required.");
      const opt = (k) => typeof b[k] === "string" ? { [k]: b[k] } : {};
      return [
        200,
        {
          listings: s.setListingQuantity({
            sku: b.sku,
            quantity: b.quantity,
            ...opt("marketplaceId"),
            ...opt("sellerId")
          })
        }
      ];
    }
  ]
];

// src/sandbox/amazon/fault-injector.ts
var TARGETS = [...OPERATION_IDS, "lwaToken"];

// src/sandbox/amazon/generate-orders.ts
var MIN_AGE_MS = 3 * 6e4;

// src/sandbox/amazon/order-actions.ts
var ORDER_ACTIONS = ["release", "ship", "cancel", "requestCancel", "touch"];

// src/sandbox/amazon/pagination-token.ts
var TOKEN_TTL_MS = 24 * 36e5;

// src/sandbox/amazon/rate-limiter.ts
import Big7 from "big.js";

// src/sandbox/amazon/model-schemas.ts
import { Ajv } from "ajv";
import formats from "ajv-formats";

// src/sandbox/amazon/sp-api-errors.ts
var errorList = (code, message, details) => ({
  errors: [{ code, message, ...details === void 0 ? {} : { details } }]
});
var UNAUTHORIZED_INVALID = errorList(
  "Unauthorized",
  "Access to requested resource is denied.",
  "The access token you provided is revoked, malformed or invalid."
);
var UNAUTHORIZED_EXPIRED = errorList(
  "Unauthorized",
  "Access to requested resource is denied.",
  "The access token you provided has expired."
);
var QUOTA_EXCEEDED = errorList("QuotaExceeded", "You exceeded your quota for the requested resource.", "");

// src/sandbox/amazon/control.routes.ts
var bad2 = (message) => new AppError("invalid_request", message, { kind: "invalid" });
var str2 = (body, key) => {
  const value = body[key];
  if (typeof value !== "string" || value === "") throw bad2(`${key} must be a non-empty string.`);
  return value;
};
var sellerView = (s) => s.credentials.listSellers().map((x) => ({ sellerId: x.sellerId, marketplaceIds: x.marketplaceIds, roles: [...x.roles] }));
var clockView = (s) => ({ now: s.nowIso(), offsetSeconds: s.clock.offsetSeconds });
var ROUTES = [
  ["GET", "/_sandbox", (s) => [200, { ...clockView(s), sellers: sellerView(s), stats: s.stats() }]],
  ["GET", "/_sandbox/sellers", (s) => [200, { sellers: sellerView(s) }]],
  [
    "POST",
    "/_sandbox/sellers",
    (s, _p, b) => [
      201,
      {
        seller: s.addSeller({
          ...b,
          sellerId: str2(b, "sellerId"),
          refreshToken: str2(b, "refreshToken")
        })
      }
    ]
  ],
  [
    "PUT",
    "/_sandbox/sellers/{sellerId}/roles",
    (s, p, b) => {
      if (!Array.isArray(b.roles) || !b.roles.every((r) => typeof r === "string"))
        throw bad2("roles must be an array of strings.");
      s.setRoles(p.sellerId ?? "", b.roles);
      return [200, { sellerId: p.sellerId, roles: b.roles }];
    }
  ],
  [
    "POST",
    "/_sandbox/refresh-tokens/revoke",
    (s, _p, b) => [200, { revoked: s.revokeRefreshToken(str2(b, "refreshToken")) }]
  ],
  [
    "POST",
    "/_sandbox/orders/generate",
    (s, _p, b) => [201, { orderIds: s.generateOrders(b) }]
  ],
  ["POST", "/_sandbox/orders", (s, _p, b) => [201, { order: s.createOrder(b) }]],
  ["GET", "/_sandbox/orders", (s, _p, _b, q) => [200, { orders: s.listOrders(listFilter(q)) }]],
  [
    "GET",
    "/_sandbox/orders/{orderId}",
    (s, p) => [200, { order: s.getOrder(p.orderId ?? ""), feedActions: s.orderFeedActions(p.orderId ?? "") }]
  ],
  [
    "POST",
    "/_sandbox/orders/{orderId}/{action}",
    (s, p, b) => {
      const action = p.action;
      if (!ORDER_ACTIONS.includes(action))
        throw bad2(`Unknown action ${String(p.action)}; use ${ORDER_ACTIONS.join(", ")}.`);
      return [200, { order: s.advanceOrder(p.orderId ?? "", action, b) }];
    }
  ],
  ["GET", "/_sandbox/clock", (s) => [200, clockView(s)]],
  [
    "POST",
    "/_sandbox/clock",
    (s, _p, b) => {
      if (typeof b.advanceSeconds !== "number") throw bad2("advanceSeconds must be a number.");
      s.advanceClock(b.advanceSeconds);
      return [200, clockView(s)];
    }
  ],
  ["GET", "/_sandbox/faults", (s) => [200, { faults: s.faults.config() }]],
  [
    "PUT",
    "/_sandbox/faults",
    (s, _p, b) => {
      s.setFaults(b);
      return [200, { faults: s.faults.config() }];
    }
  ],
  [
    "DELETE",
    "/_sandbox/faults",
    (s) => {
      s.setFaults({});
      return [200, { faults: {} }];
    }
  ],
  ["GET", "/_sandbox/stats", (s) => [200, s.stats()]],
  [
    "DELETE",
    "/_sandbox/stats",
    (s) => {
      s.resetStats();
      return [200, s.stats()];
    }
  ],
  [
    "POST",
    "/_sandbox/reset",
    (s) => {
      s.reset();
      return [200, { reset: true, now: s.nowIso() }];
    }
  ],
  ...FEED_CONTROL_ROUTES
];
function listFilter(q) {
  const statuses = q.getAll("status").flatMap((v) => v.split(","));
  const limit = q.get("limit");
  return {
    ...q.get("sellerId") ? { sellerId: q.get("sellerId") } : {},
    ...q.get("marketplaceId") ? { marketplaceId: q.get("marketplaceId") } : {},
    ...statuses.length > 0 ? { statuses } : {},
    ...limit !== null ? { limit: Number(limit) } : {}
  };
}

// src/sandbox/amazon/feeds-model-schemas.ts
import { Ajv as Ajv2 } from "ajv";
import formats2 from "ajv-formats";

// src/sandbox/amazon/uploads.routes.ts
var MAX_UPLOAD_BYTES = 10 * 1048576;

// test/helpers/test-app.ts
var TEST_SECRET_KEY = "a".repeat(64);
function testConfig(databaseUrlOrPath) {
  const dataDir = mkdtempSync(path4.join(tmpdir(), "orderbridge-test-"));
  const base = loadConfig({ ORDERBRIDGE_DATA_DIR: dataDir, ORDERBRIDGE_SECRET_KEY: TEST_SECRET_KEY });
  return /^postgres/.test(databaseUrlOrPath) ? { ...base, databaseUrl: databaseUrlOrPath } : { ...base, sqlitePath: databaseUrlOrPath };
}
function openTestApp(databaseUrlOrPath) {
  return openApp(testConfig(databaseUrlOrPath), { logger: silentLogger });
}

// test/e2e/support/store-worker-child.ts
var [database, workerId] = process.argv.slice(2);
if (!database || !workerId) throw new Error("usage: store-worker-child <database> <workerId>");
var app = await openTestApp(database);
var queue = new EmbeddedJobQueue(app.db, {
  leaseMs: 1500,
  retryPolicy: new ExponentialBackoff({ baseMs: 50, maxMs: 400 }),
  workerId
});
await queue.start({ handlers: storeSideHandlers(app.storeSide), concurrency: 4, pollIntervalMs: 50 });
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void queue.stop().then(() => app.close()).then(() => process.exit(0));
});
