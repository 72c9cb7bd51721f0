import { Text } from '@mantine/core';
import type { components } from '../../../api/openapi';
import type { OrderLine } from '../types';
import { formatRate } from './format';

type DisplayedRate = components['schemas']['OrderDetailsLine']['displayTaxRate'];

/**
 * A line's tax rate as the merchant knows it: the marketplace's VAT rate ("19 %", "7 %") when
 * Amazon's amounts match it to the cent, else the rate computed from the amounts (2 decimals).
 * The exact quotient of tax and net is on hover.
 */
export function TaxRate({ line, size }: { line: OrderLine & { displayTaxRate?: DisplayedRate }; size?: 'xs' | 'sm' }) {
  const shown = line.displayTaxRate;
  if (!shown) return <>{formatRate(line.taxRate)}</>;
  const exact = `Computed from Amazon's amounts: ${formatRate(line.taxRate)}`;
  const title =
    shown.source === 'marketplace'
      ? `The marketplace's VAT rate; ${exact.charAt(0).toLowerCase()}${exact.slice(1)}`
      : exact;
  return (
    <Text span inherit size={size} title={title} data-rate-source={shown.source}>
      {formatRate(shown.percent)}
    </Text>
  );
}
