import { describe, expect, it } from 'vitest';
import {
  blankPersonalValues,
  personalValues,
  purgedAddress,
  purgedLineData,
  purgedRaw,
  REMOVED,
} from './personal-data.js';

const address = {
  name: 'Ada Lovelace',
  companyName: null,
  addressLine1: 'Hauptstraße 1',
  addressLine2: null,
  addressLine3: null,
  city: 'Berlin',
  districtOrCounty: null,
  stateOrRegion: 'Berlin',
  municipality: null,
  postalCode: '10115',
  countryCode: 'DE',
  phone: '+49 30 1234',
  addressType: 'RESIDENTIAL' as const,
};
const raw = {
  orderId: '303-1',
  buyer: { buyerName: 'Ada Lovelace', buyerEmail: 'ada@marketplace.amazon.de' },
  recipient: { deliveryAddress: { name: 'Ada Lovelace', countryCode: 'DE' } },
  tax: {
    taxRegistrations: [
      { entityType: 'BUYER', taxRegistrationNumber: 'DE123456789', taxRegistrationType: 'VAT' },
      { entityType: 'SELLER', taxRegistrationNumber: 'DE999' },
    ],
  },
  orderItems: [
    { orderItemId: '1', fulfillment: { packing: { giftOption: { giftMessage: 'Für "dich"', giftWrapLevel: 'X' } } } },
  ],
};

describe('buyer personal data', () => {
  it('finds every personal value of the order, but not countries or types', () => {
    const values = personalValues({
      buyer: null,
      shippingAddress: address,
      raw,
      lineData: [{ gift: { message: 'Alles Gute', wrapLevel: null } }],
    });
    expect(values).toEqual(
      expect.arrayContaining([
        'Ada Lovelace',
        'Hauptstraße 1',
        '+49 30 1234',
        'DE123456789',
        'Für "dich"',
        'Alles Gute',
      ]),
    );
    expect(values).not.toContain('DE');
    expect(values).not.toContain('RESIDENTIAL');
    expect(values).not.toContain('DE999');
  });

  it('keeps only the country of the address, the order of the raw JSON and whether a line was a gift', () => {
    expect(purgedAddress(address)).toMatchObject({ name: null, city: null, phone: null, countryCode: 'DE' });
    expect(JSON.stringify(purgedRaw(raw))).not.toMatch(/Ada|DE123456789|dich/);
    expect(purgedRaw(raw)).toMatchObject({ orderId: '303-1', tax: { taxRegistrations: [{ entityType: 'SELLER' }] } });
    expect(purgedLineData({ gift: { message: 'Hi', wrapLevel: 'X' }, other: 1 })).toEqual({
      gift: { message: null, wrapLevel: 'X' },
      other: 1,
    });
  });

  it('blanks values in plain text and inside JSON text', () => {
    const json = JSON.stringify({ note: 'Für "dich" from Ada Lovelace' });
    const blanked = blankPersonalValues(json, ['Für "dich"', 'Ada Lovelace']);
    expect(JSON.parse(blanked)).toEqual({ note: `${REMOVED} from ${REMOVED}` });
    expect(blankPersonalValues('Ship to Ada Lovelace', ['Ada Lovelace'])).toBe(`Ship to ${REMOVED}`);
  });
});
