import type { EventDirection } from '../types';

/** "18.9980" → "18.998 %" (string operations only). */
export function formatRate(rate: string | null | undefined): string {
  if (rate === null || rate === undefined || rate === '') return '—';
  const trimmed = rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;
  return `${trimmed} %`;
}

export const DIRECTION_LABELS: Record<EventDirection, string> = {
  amazon_to_hub: 'Amazon → OrderBridge',
  hub_to_amazon: 'OrderBridge → Amazon',
  hub_to_store: 'OrderBridge → store',
  store_to_hub: 'store → OrderBridge',
  internal: 'OrderBridge (internal)',
};

export const DIRECTION_COLORS: Record<EventDirection, string> = {
  amazon_to_hub: 'orange',
  hub_to_amazon: 'grape',
  hub_to_store: 'blue',
  store_to_hub: 'teal',
  internal: 'gray',
};
