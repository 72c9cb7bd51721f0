import { describe, expect, it } from 'vitest';
import {
  buyerEmail,
  customerName,
  isPlaceholderEmail,
  isUsableEmail,
  nextBuyerEmail,
  placeholderCustomerName,
  placeholderEmail,
  splitName,
} from './customer-names.js';

const names = (name: string) => {
  const s = splitName(name);
  return s && [s.firstName, s.lastName, s.prefix, s.suffix];
};

describe('splitName', () => {
  it('two words → first / last', () => expect(names('Jane Doe')).toEqual(['Jane', 'Doe', null, null]));

  it('first word is the first name, the rest is the last name', () => {
    expect(names('Maria del Carmen Lopez')).toEqual(['Maria', 'del Carmen Lopez', null, null]);
    expect(names('Jan van der Berg')).toEqual(['Jan', 'van der Berg', null, null]);
  });

  it('one word → first = last = that word, flagged as mononym', () => {
    expect(splitName('Madonna')).toEqual({
      firstName: 'Madonna',
      lastName: 'Madonna',
      prefix: null,
      suffix: null,
      fullName: 'Madonna',
      mononym: true,
    });
  });

  it('4+ tokens with a prefix and a suffix', () => {
    const s = splitName('Dr. Maria del Carmen Lopez Jr.');
    expect(s).toMatchObject({ firstName: 'Maria', lastName: 'del Carmen Lopez', prefix: 'Dr', suffix: 'Jr' });
    expect(s?.fullName).toBe('Dr. Maria del Carmen Lopez Jr.');
    expect(names('Prof Hans Peter Müller III')).toEqual(['Hans', 'Peter Müller', 'Prof', 'III']);
  });

  it('a title is only removed when a name remains', () => {
    expect(names('Mr Smith')).toEqual(['Smith', 'Smith', 'Mr', null]);
    expect(names('Ms')).toEqual(['Ms', 'Ms', null, null]);
  });

  it('punctuation becomes spaces, whitespace collapses; apostrophes and hyphens stay', () => {
    expect(names("  O'Brien,   Jean-Luc  ")).toEqual(["O'Brien", 'Jean-Luc', null, null]);
    expect(names('Jane Q. Public')).toEqual(['Jane', 'Q Public', null, null]);
    expect(names('Anna\tMaria\n Schmidt;')).toEqual(['Anna', 'Maria Schmidt', null, null]);
  });

  it('non-Latin names are kept intact', () => {
    expect(names('Иван Петров')).toEqual(['Иван', 'Петров', null, null]);
    expect(names('محمد بن سلمان')).toEqual(['محمد', 'بن سلمان', null, null]);
    expect(names('Zoë Ångström')).toEqual(['Zoë', 'Ångström', null, null]);
  });

  it('CJK names: family name first, never split inside a word', () => {
    expect(names('山田 太郎')).toEqual(['太郎', '山田', null, null]);
    expect(names('山田太郎')).toEqual(['山田太郎', '山田太郎', null, null]);
    expect(names('김 민수')).toEqual(['민수', '김', null, null]);
    expect(names('ジョン・スミス')).toEqual(['ジョン・スミス', 'ジョン・スミス', null, null]);
    expect(names('山田 Taro')).toEqual(['山田', 'Taro', null, null]);
  });

  it('empty or punctuation-only names → null', () => {
    for (const n of [null, undefined, '', '   ', '...']) expect(splitName(n)).toBeNull();
  });
});

describe('customer name placeholder', () => {
  it('no BuyerName → "Amazon Customer #<id>"', () => {
    expect(placeholderCustomerName('902-1845936-5435065')).toBe('Amazon Customer #902-1845936-5435065');
    expect(customerName(null, '902-1845936-5435065')).toBe('Amazon Customer #902-1845936-5435065');
    expect(customerName('  ', '1')).toBe('Amazon Customer #1');
    expect(customerName(' Jane  Doe ', '1')).toBe('Jane Doe');
  });
});

describe('e-mail', () => {
  it('keeps Amazon’s anonymised relay address', () => {
    expect(buyerEmail('abc123@marketplace.amazon.com', '1')).toEqual({
      email: 'abc123@marketplace.amazon.com',
      placeholder: false,
    });
    expect(buyerEmail('  x@marketplace.amazon.de ', '1').email).toBe('x@marketplace.amazon.de');
  });

  it('no or invalid BuyerEmail → placeholder in the reserved .invalid domain', () => {
    for (const bad of [
      null,
      undefined,
      '',
      'not an email',
      'a@b',
      'a@@b.com',
      '.a@b.com',
      'a..b@c.com',
      'a@-b.com',
      `${'x'.repeat(65)}@b.com`,
    ]) {
      expect(buyerEmail(bad, '902-1845936-5435065'), String(bad)).toEqual({
        email: '902-1845936-5435065@orderbridge.invalid',
        placeholder: true,
      });
    }
  });

  it('placeholder addresses are well-formed and recognisable', () => {
    expect(placeholderEmail('TEST_CASE 200')).toBe('test-case-200@orderbridge.invalid');
    expect(placeholderEmail('***')).toBe('amazon-order@orderbridge.invalid');
    expect(isPlaceholderEmail('1@OrderBridge.invalid')).toBe(true);
    expect(isUsableEmail(placeholderEmail('1'))).toBe(false);
  });

  it('an address that appears later replaces the placeholder; a known address is kept when Amazon stops sending it', () => {
    expect(nextBuyerEmail('1@orderbridge.invalid', 'b@marketplace.amazon.com', '1')).toEqual({
      email: 'b@marketplace.amazon.com',
      placeholder: false,
    });
    expect(nextBuyerEmail('a@marketplace.amazon.com', null, '1')).toEqual({
      email: 'a@marketplace.amazon.com',
      placeholder: false,
    });
    expect(nextBuyerEmail(null, null, '1')).toEqual({ email: '1@orderbridge.invalid', placeholder: true });
  });
});
