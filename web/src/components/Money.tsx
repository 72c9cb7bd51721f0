import { Text, type TextProps } from '@mantine/core';
import { formatMoney } from './format';

/** A money amount (decimal string) with its currency, right-aligned digits. */
export function Money({
  amount,
  currency,
  ...props
}: { amount: string | null | undefined; currency?: string | null | undefined } & TextProps) {
  return (
    <Text span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} {...props}>
      {formatMoney(amount, currency)}
    </Text>
  );
}
