/** Timeline event kinds in the merchant's words; the exact kind stays in the tooltip. */
const EVENT_NAMES: Record<string, string> = {
  'order.imported': 'Imported from Amazon',
  'order.created': 'Created in OrderBridge',
  'order.updated': 'Updated from Amazon',
  'order.cancelled': 'Cancelled on Amazon',
  'order.lines_cancelled': 'Items cancelled on Amazon',
  'order.held': 'Held back',
  'order.skipped': 'Not sent to the store',
  'order.restored': 'Restored',
  'order.note': 'Note',
  'order.import_failed': 'Import from Amazon failed',
  'order.retry_requested': 'Retry requested',
  'order.transition_refused': 'Status change refused',
  'order.personal_data_purged': 'Buyer data removed (retention)',
  'order.personal_data_purge_failed': 'Buyer data could not be removed',
  'amazon.get_order': 'Read from Amazon',
  'amazon.status_behind': 'Amazon’s status behind ours (kept ours)',
  'amazon.shipment_confirmed': 'Shipment confirmed to Amazon',
  'amazon.shipment_rejected': 'Shipment refused by Amazon',
  'amazon.cancellation_submitted': 'Cancellation sent to Amazon',
  'amazon.cancellation_applied': 'Cancellation applied by Amazon',
  'amazon.cancellation_rejected': 'Cancellation refused by Amazon',
  'store.created': 'Created in the store',
  'store.order_created': 'Created in the store',
  'store.order_offered': 'Offered to the store',
  'store.order_acknowledged': 'Store confirmed the order',
  'store.order_cancelled': 'Cancelled in the store',
  'store.waiting': 'Waiting for the store',
  'store.not_needed': 'No store order needed',
  'store.delivery_failed': 'Sending to the store failed',
  'store.stock_reserved': 'Stock reserved in the store',
  'store.stock_lowered': 'Stock lowered in the store',
  'store.stock_returned': 'Stock returned in the store',
  'store.reservation_released': 'Stock reservation released',
  'store.shipment_received': 'Shipped in the store',
  'store.shipment_invalid': 'Store shipment cannot be sent',
  'store.shipment_not_sent': 'Store shipment not sent to Amazon',
  'store.cancellation_received': 'Cancelled in the store',
  'store.cancellation_not_sent': 'Store cancellation not sent to Amazon',
  'store.cancel_request_noted': 'Buyer asked to cancel',
  'stock.push': 'Stock sent to Amazon',
  'stock.adjust': 'Stock adjusted',
};

/** "order.imported" → "Imported from Amazon"; an unknown kind → its words ("store.new_thing" → "Store new thing"). */
export function eventName(kind: string): string {
  const known = EVENT_NAMES[kind];
  if (known) return known;
  const words = kind.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
