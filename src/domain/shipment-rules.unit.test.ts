import { describe, expect, it } from 'vitest';
import {
  nextShipDate,
  packageReferenceIdFor,
  resolveCarrier,
  validateShipment,
  type CarrierRules,
  type ShipmentDraft,
} from './shipment-rules.js';

const rules: CarrierRules = {
  mapping: { 'dhl_paket ': 'DHL', ups_standard: 'UPS', 'my-courier': 'Other' },
  defaultShippingService: 'Other',
  defaultOrderShippingMethod: 'DHL DE',
};
const store = (
  storeCarrier: string | null,
  storeCarrierName: string | null = null,
  storeShippingMethod: string | null = null,
) => ({
  storeCarrier,
  storeCarrierName,
  storeShippingMethod,
});

describe('resolveCarrier', () => {
  it('uses the mapping table first, case-insensitively and trimmed', () => {
    expect(resolveCarrier(store('DHL_Paket', 'DHL Paket', 'Paket'), rules)).toEqual({
      carrierCode: 'DHL',
      carrierName: null,
      shippingMethod: 'Paket',
    });
  });
  it('mapping wins over an exact Amazon code', () => {
    expect(resolveCarrier(store('UPS'), { ...rules, mapping: { ups: 'UPSMI' } }).carrierCode).toBe('UPSMI');
  });
  it('accepts an exact Amazon carrier code when unmapped, and sends Amazon’s spelling for a store’s', () => {
    expect(resolveCarrier(store('Royal Mail'), rules).carrierCode).toBe('Royal Mail');
    expect(resolveCarrier(store('royal mail', 'Royal Mail UK'), rules)).toEqual({
      carrierCode: 'Royal Mail',
      carrierName: null,
      shippingMethod: null,
    });
  });
  it('recognises a WooCommerce tracking provider slug even when Default Shipping service is Other (demo)', () => {
    const demo: CarrierRules = { mapping: {}, defaultShippingService: 'Other', defaultOrderShippingMethod: '' };
    expect(resolveCarrier(store('dhl'), demo)).toEqual({ carrierCode: 'DHL', carrierName: null, shippingMethod: null });
    expect(resolveCarrier(store('dpd-de'), demo).carrierCode).toBe('DPD');
    expect(resolveCarrier(store('acme', 'Deutsche Post'), demo).carrierCode).toBe('Deutsche Post');
  });
  it('unmapped carrier → Default Shipping service', () => {
    expect(resolveCarrier(store('acme'), { ...rules, defaultShippingService: 'DPD' })).toEqual({
      carrierCode: 'DPD',
      carrierName: null,
      shippingMethod: null,
    });
  });
  it('unmapped carrier with default Other → Other + the store carrier name', () => {
    expect(resolveCarrier(store('acme', ' ACME Couriers '), rules)).toMatchObject({
      carrierCode: 'Other',
      carrierName: 'ACME Couriers',
    });
  });
  it('carrier name falls back to Default Order Shipping method', () => {
    expect(resolveCarrier(store('acme', '  '), rules)).toMatchObject({ carrierCode: 'Other', carrierName: 'DHL DE' });
    expect(resolveCarrier(store(null), rules)).toMatchObject({ carrierCode: 'Other', carrierName: 'DHL DE' });
  });
  it('a mapping to Other also takes a name', () => {
    expect(resolveCarrier(store('MY-COURIER', 'My Courier'), rules)).toMatchObject({
      carrierCode: 'Other',
      carrierName: 'My Courier',
    });
  });
  it('an unrecognised store carrier with no name is its own carrier name; null only when the store names none', () => {
    const bare = { ...rules, defaultOrderShippingMethod: '' };
    expect(resolveCarrier(store('speedy-parcel'), bare)).toMatchObject({
      carrierCode: 'Other',
      carrierName: 'speedy-parcel',
    });
    expect(resolveCarrier(store(null), bare).carrierName).toBeNull();
    const name = resolveCarrier(store('acme', 'x'.repeat(80)), rules).carrierName;
    expect(name).toHaveLength(50);
  });
});

const draft: ShipmentDraft = {
  carrierCode: 'DHL',
  carrierName: null,
  trackingNumber: '00340434161094042557',
  packageReferenceId: '1',
  shipDate: '2026-11-28T10:00:00Z',
  items: [{ orderItemId: '12345678901234', quantity: 1 }],
};
const unshipped = { '12345678901234': 2, '12345678905678': 1 };
const codes = (d: Partial<ShipmentDraft>) => validateShipment({ ...draft, ...d }, unshipped).map((i) => i.code);

describe('validateShipment', () => {
  it('accepts a valid partial shipment', () => {
    expect(validateShipment(draft, unshipped)).toEqual([]);
  });
  it('rejects unknown carrier codes and Other without a name', () => {
    expect(codes({ carrierCode: 'dhl' })).toEqual(['carrier_code_unknown']);
    expect(codes({ carrierCode: 'Other', carrierName: ' ' })).toEqual(['carrier_name_required']);
    expect(codes({ carrierCode: 'Other', carrierName: 'y'.repeat(51) })).toEqual(['carrier_name_too_long']);
    expect(codes({ carrierCode: 'Other', carrierName: 'ACME' })).toEqual([]);
  });
  it('requires a tracking number and a positive numeric package reference', () => {
    expect(codes({ trackingNumber: null })).toEqual(['tracking_number_required']);
    for (const packageReferenceId of ['0', 'PICK/0001', '-1', '1.5', '']) {
      expect(codes({ packageReferenceId })).toEqual(['package_reference_not_numeric']);
    }
  });
  it('requires an ISO 8601 ship date', () => {
    expect(codes({ shipDate: '02/21/2022' })).toEqual(['ship_date_invalid']);
    expect(codes({ shipDate: '2026-13-40T10:00:00Z' })).toEqual(['ship_date_invalid']);
    expect(codes({ shipDate: '2026-11-28T10:00:00+01:00' })).toEqual([]);
  });
  it('checks quantities against what is unshipped, summing repeated items', () => {
    expect(codes({ items: [] })).toEqual(['items_required']);
    expect(codes({ items: [{ orderItemId: '12345678901234', quantity: 0 }] })).toEqual(['quantity_not_positive']);
    expect(codes({ items: [{ orderItemId: '12345678901234', quantity: 1.5 }] })).toEqual(['quantity_not_positive']);
    expect(codes({ items: [{ orderItemId: '12345678901234', quantity: 3 }] })).toEqual(['quantity_exceeds_unshipped']);
    const twice = [
      { orderItemId: '12345678901234', quantity: 2 },
      { orderItemId: '12345678901234', quantity: 1 },
    ];
    expect(codes({ items: twice })).toEqual(['quantity_exceeds_unshipped']);
    expect(codes({ items: [{ orderItemId: '99999999999999', quantity: 1 }] })).toEqual(['order_item_unknown']);
  });
  it('reports every problem at once', () => {
    expect(
      codes({ carrierCode: 'Other', trackingNumber: '', packageReferenceId: 'x', shipDate: 'now', items: [] }),
    ).toEqual([
      'carrier_name_required',
      'tracking_number_required',
      'package_reference_not_numeric',
      'ship_date_invalid',
      'items_required',
    ]);
  });
});

describe('nextShipDate', () => {
  it('keeps the requested date when nothing was sent', () => {
    expect(nextShipDate('2026-11-28T10:00:00Z', null)).toBe('2026-11-28T10:00:00Z');
    expect(nextShipDate('2026-11-28T10:00:00Z', [])).toBe('2026-11-28T10:00:00Z');
  });
  it('never moves the ship date later than one already sent', () => {
    expect(nextShipDate('2026-11-29T08:00:00Z', '2026-11-28T10:00:00Z')).toBe('2026-11-28T10:00:00Z');
    expect(nextShipDate('2026-11-30T08:00:00Z', ['2026-11-29T10:00:00Z', '2026-11-28T09:00:00Z'])).toBe(
      '2026-11-28T09:00:00Z',
    );
  });
  it('allows an earlier correction and compares instants, not strings', () => {
    expect(nextShipDate('2026-11-27T10:00:00Z', '2026-11-28T10:00:00Z')).toBe('2026-11-27T10:00:00Z');
    // 10:30+01:00 is 09:30Z, earlier than 10:00Z although it sorts later as text
    expect(nextShipDate('2026-11-28T10:30:00+01:00', '2026-11-28T10:00:00Z')).toBe('2026-11-28T10:30:00+01:00');
  });
});

describe('packageReferenceIdFor', () => {
  it('returns 1 + the highest numeric id, ignoring non-numeric ones', () => {
    expect(packageReferenceIdFor([])).toBe('1');
    expect(packageReferenceIdFor(['1', '3', '2'])).toBe('4');
    expect(packageReferenceIdFor(['PICK/7', '0', ' 9 '])).toBe('10');
    expect(packageReferenceIdFor(['9007199254740993'])).toBe('9007199254740994');
  });
});
