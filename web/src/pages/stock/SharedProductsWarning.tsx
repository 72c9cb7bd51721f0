import { Alert, List, Spoiler, Text } from '@mantine/core';

export interface SkuGroup {
  /** The store product (or, while unresolved, the SKU it is looked up as). */
  product: string;
  resolved: boolean;
  amazonSkus: string[];
}

/**
 * Several Amazon SKUs that sell as one store product: OrderBridge pushes the product's whole stock
 * to each of them, so Amazon can sell the same unit more than once.
 */
export function SharedProductsWarning({ groups, context }: { groups: SkuGroup[]; context: 'stock' | 'crop' }) {
  if (groups.length === 0) return null;
  return (
    <Alert color="orange" title="Several Amazon SKUs sell as one store product" data-testid="shared-products-warning">
      <Text size="sm" mb="xs">
        Each of these SKUs gets the product&apos;s full stock on Amazon, so one unit can be sold more than once.
        {context === 'crop'
          ? ' The crop rules above map them to the same SKU.'
          : ' Check the SKU crop rules and links of this connection, or keep only one listing per product.'}
      </Text>
      <Spoiler maxHeight={96} showLabel={`Show all ${groups.length} products`} hideLabel="Show fewer">
        <List size="sm" spacing={2}>
          {groups.map((g) => (
            <List.Item key={`${g.resolved ? 'p' : 's'}:${g.product}`}>
              {g.resolved ? 'Store product ' : 'Looked up as '}
              <Text span ff="monospace" size="sm">
                {g.product}
              </Text>
              {': '}
              <Text span ff="monospace" size="sm">
                {g.amazonSkus.join(', ')}
              </Text>
            </List.Item>
          ))}
        </List>
      </Spoiler>
    </Alert>
  );
}

/** Preview samples cropped to the same value: the rules being edited map those SKUs to one product. */
export function groupsByCroppedSku(samples: readonly { sku: string; cropped: string }[]): SkuGroup[] {
  const bySku = new Map<string, Set<string>>();
  for (const s of samples) bySku.set(s.cropped, (bySku.get(s.cropped) ?? new Set()).add(s.sku));
  return [...bySku]
    .filter(([, skus]) => skus.size > 1)
    .map(([cropped, skus]) => ({ product: cropped, resolved: false, amazonSkus: [...skus].sort() }));
}
