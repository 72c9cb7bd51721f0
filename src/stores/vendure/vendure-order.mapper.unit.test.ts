import { describe, expect, it } from 'vitest';
import { planOrder, reconciliation } from './vendure-order.mapper.js';
import { draft, item } from './vendure.test-support.js';

describe('planOrder (draft → Vendure inputs)', () => {
  it('puts Amazon’s gross unit prices and tax rates on lines, shipping on the order, other charges as surcharges', () => {
    const d = draft({
      items: [item('11', 2, '29.99', '59.98', '19'), item('12', 1, '8.49', '8.49', '7')],
      charges: [
        { kind: 'shipping', title: 'Shipping', net: '4.19', tax: '0.80', gross: '4.99', taxRate: '19' },
        { kind: 'gift_wrap', title: 'Gift wrap', net: '2.10', tax: '0.40', gross: '2.50', taxRate: '19' },
        { kind: 'discount', title: 'Promotion', net: '0', tax: '0', gross: '0.00', taxRate: null },
      ],
      totals: { net: '0', tax: '0', gross: '75.96' },
    });
    const plan = planOrder(d);
    if (!plan.ok) throw plan.error;
    expect(plan.value.lines).toEqual([
      {
        productVariantId: '11',
        quantity: 2,
        customFields: {
          amazonOrderItemId: d.items[0]?.orderItemId,
          orderBridgeUnitPrice: 2999,
          orderBridgeUnitPriceIncludesTax: true,
          orderBridgeTaxRate: 19,
        },
      },
      expect.objectContaining({ productVariantId: '12', quantity: 1 }),
    ]);
    expect(plan.value.orderFields).toEqual({
      orderBridgeOrderId: d.orderId,
      amazonOrderId: d.amazonOrderId,
      orderBridgeShippingPrice: 499,
      orderBridgeShippingTaxRate: 19,
      orderBridgeLowerStock: true,
    });
    expect(plan.value.charges).toEqual([
      { sku: 'gift_wrap', description: 'Gift wrap', priceWithTax: 250, taxRate: 19 },
    ]);
    expect(plan.value.totalWithTax).toBe(7596);
    expect(plan.value.customer).toEqual({
      firstName: 'Erika',
      lastName: 'Mustermann',
      emailAddress: 'buyer-x1@marketplace.amazon.de',
      phoneNumber: '+49 221 1234567',
    });
  });

  it('refuses unlinked lines and fills a missing e-mail', () => {
    const unlinked = planOrder(draft({ items: [item(null, 1, '5.00', '5.00')] }));
    expect(unlinked.ok ? null : unlinked.error.code).toBe('vendure_unlinked_line');
    const noMail = planOrder(draft({ customer: { email: '', name: 'X', phone: null, company: null, vatId: null } }));
    expect(noMail.ok && noMail.value.customer.emailAddress).toMatch(/@marketplace\.amazon\.invalid$/);
  });

  it('reconciles the difference to Amazon’s total as an untaxed surcharge', () => {
    expect(reconciliation(8796, 8797)).toEqual({
      sku: 'reconciliation',
      description: 'Amazon total reconciliation',
      priceWithTax: -1,
      taxRate: 0,
    });
    expect(reconciliation(100, 100)).toBeNull();
  });
});
