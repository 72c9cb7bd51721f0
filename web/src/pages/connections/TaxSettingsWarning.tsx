import { Alert, List } from '@mantine/core';
import { useMarketplaces } from './queries';

/**
 * Warns about tax settings that make store orders disagree with what the buyer paid: net prices
 * on a VAT marketplace (Amazon's prices there already contain the VAT), or "Ignore Amazon Tax"
 * with tax-inclusive prices (the VAT stays inside amounts the store reads as net).
 */
export function TaxSettingsWarning({
  marketplaceId,
  taxIncluded,
  ignoreAmazonTax,
}: {
  marketplaceId: string;
  taxIncluded: boolean;
  ignoreAmazonTax: boolean;
}) {
  const marketplaces = useMarketplaces();
  const marketplace = marketplaces.data?.regions.flatMap((r) => r.marketplaces).find((m) => m.id === marketplaceId);
  const vatMarketplace = marketplace?.taxIncludedDefault ?? false;
  const problems: string[] = [];
  if (vatMarketplace && !taxIncluded) {
    problems.push(
      `${marketplace?.name ?? 'This marketplace'} is a VAT marketplace: Amazon's prices already include the VAT. With "Tax is included in Prices" off, OrderBridge adds the VAT on top, so store orders would total more than the buyer paid.`,
    );
  }
  if (ignoreAmazonTax && taxIncluded) {
    problems.push(
      'With "Ignore Amazon Tax" and "Tax is included in Prices" both on, the VAT stays inside prices the store takes as net: the store shows no VAT for these orders, or adds its own tax on top of it.',
    );
  }
  if (problems.length === 0) return null;
  return (
    <Alert color="orange" title="Check the tax settings" role="alert" data-testid="tax-settings-warning">
      {problems.length === 1 ? (
        problems[0]
      ) : (
        <List size="sm">
          {problems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
