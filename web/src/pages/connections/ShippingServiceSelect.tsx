import { Select } from '@mantine/core';
import type { FocusEvent, MouseEvent } from 'react';
import { marketplaceLabel, useCarriers, useMarketplaces } from './queries';

const OTHER_LABEL = 'Other — a carrier Amazon does not list (the store’s carrier name is sent)';

/**
 * Default Shipping service: a searchable list of Amazon carrier codes, the marketplace's common
 * carriers first, each carrier once, and "Other" apart. Focusing the field selects its text, so
 * typing replaces the current carrier instead of being appended to it.
 */
export function ShippingServiceSelect({
  marketplaceId,
  value,
  onChange,
  error,
}: {
  marketplaceId: string;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
}) {
  const carriers = useCarriers(marketplaceId);
  const marketplaceName = marketplaceLabel(useMarketplaces().data?.regions, marketplaceId);
  const list = carriers.data?.carriers ?? [];
  const option = (c: { code: string; name: string }) => ({
    value: c.code,
    label: c.name !== c.code ? `${c.code} — ${c.name}` : c.code,
  });
  const listed = value === 'Other' || list.some((c) => c.code === value);
  const data = [
    // A code saved before the list was tidied (e.g. a second spelling) stays choosable.
    ...(listed || list.length === 0 ? [] : [{ group: 'Current setting', items: [{ value, label: value }] }]),
    { group: `Common on ${marketplaceName}`, items: list.filter((c) => c.common).map(option) },
    { group: 'All carriers', items: list.filter((c) => !c.common).map(option) },
    { group: 'Carrier not listed', items: [{ value: 'Other', label: OTHER_LABEL }] },
  ].filter((g) => g.items.length > 0);
  const selectText = (e: FocusEvent<HTMLInputElement> | MouseEvent<HTMLInputElement>) => e.currentTarget.select();

  return (
    <Select
      label="Default Shipping service"
      description="Amazon carrier code used when the store's carrier does not map to one. Type to search."
      data={list.length === 0 ? [{ value, label: value === 'Other' ? OTHER_LABEL : value }] : data}
      searchable
      allowDeselect={false}
      value={value}
      onChange={(v) => onChange(v ?? 'Other')}
      onFocus={selectText}
      onClick={selectText}
      error={error}
      nothingFoundMessage="No such carrier: choose Other for a carrier Amazon does not list"
      maxDropdownHeight={320}
    />
  );
}
