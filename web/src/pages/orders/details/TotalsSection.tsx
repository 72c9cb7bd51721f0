import { Stack, Table, Text } from '@mantine/core';
import { humanize, Money, ScrollTable } from '../../../components';
import { isZeroAmount, type Order, type OrderLine } from '../types';
import { TaxRate } from './TaxRate';
import { Section } from './Section';

const excludedOf = (l: OrderLine): string | null =>
  typeof l.data['excludedTax'] === 'string' ? l.data['excludedTax'] : null;

/** Every money line and the order totals exactly as the API gives them (decimal strings, no arithmetic). */
export function TotalsSection({ order, lines }: { order: Order; lines: OrderLine[] }) {
  const { totals, currency } = order;
  const withExcluded = lines.some((l) => !isZeroAmount(excludedOf(l)));
  const hasAdjustment = totals.adjustment !== null && !isZeroAmount(totals.adjustment);
  const summary: { label: string; amount: string | null; hint?: string }[] = [
    { label: 'Net', amount: totals.net },
    { label: 'Tax', amount: totals.tax },
    { label: 'Gross (store order total)', amount: totals.gross },
    { label: 'Tax collected by Amazon (not on the store order)', amount: totals.excludedTax },
  ];
  if (hasAdjustment) {
    summary.push({
      label: 'Adjustment',
      amount: totals.adjustment,
      hint: 'Rounding line included in gross, so that gross + tax collected by Amazon = Amazon’s total',
    });
  }
  summary.push({ label: 'Amazon’s order total', amount: totals.amazonTotal });
  return (
    <Section id="totals" title="Totals and taxes">
      <Stack gap="md">
        {lines.length > 0 && (
          <ScrollTable label="Money lines" minWidth={760}>
            <Table.Caption>Every money line of the order ({currency ?? 'no currency yet'})</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Line</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  Quantity
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  Net
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  Tax rate
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  Tax
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  Gross
                </Table.Th>
                {withExcluded && (
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    Tax collected by Amazon
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.amazonOrderItemId}>
                  <Table.Th scope="row" fw={400} style={{ minWidth: 200 }}>
                    {l.title}
                  </Table.Th>
                  <Table.Td>{humanize(l.kind)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{l.quantityOrdered}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Money amount={l.lineNet} currency={currency} size="sm" />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    <TaxRate line={l} />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Money amount={l.lineTax} currency={currency} size="sm" />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Money amount={l.lineGross} currency={currency} size="sm" />
                  </Table.Td>
                  {withExcluded && (
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Money amount={excludedOf(l)} currency={currency} size="sm" />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}

        <Table.ScrollContainer minWidth={320} type="native">
          <Table aria-label="Order totals" maw={560} verticalSpacing={6}>
            <Table.Caption>Order totals</Table.Caption>
            <Table.Tbody>
              {summary.map(({ label, amount, hint }) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" fw={label.startsWith('Amazon') ? 700 : 500}>
                    {label}
                    {hint && (
                      <Text size="xs" c="dimmed" fw={400}>
                        {hint}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Money amount={amount} currency={currency} fw={label.startsWith('Amazon') ? 700 : 400} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!hasAdjustment && totals.amazonTotal !== null && (
          <Text size="xs" c="dimmed">
            No adjustment line: the lines add up to Amazon’s total to the cent.
          </Text>
        )}
      </Stack>
    </Section>
  );
}
