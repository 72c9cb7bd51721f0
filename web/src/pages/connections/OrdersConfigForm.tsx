import {
  Button,
  Checkbox,
  Divider,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { Connection, OrdersConfig, SkuCropRules } from '../../api/types';
import { ErrorAlert, useNotify } from '../../components';
import { fieldError, issuesByField, keys, useCancelReasons } from './queries';
import { ShippingServiceSelect } from './ShippingServiceSelect';
import { SkuCropPreview } from './SkuCropPreview';
import { TaxSettingsWarning } from './TaxSettingsWarning';

type FormConfig = Omit<OrdersConfig, 'active' | 'carrierMapping'>;

const BUILTIN_ATTRIBUTES = ['sku', 'ean', 'gtin', 'mpn'] as const;

function withDefaults(config: Connection['config']): FormConfig {
  const crop = (config.skuCrop ?? {}) as Partial<SkuCropRules>;
  return {
    syncLevel: config.syncLevel ?? 'orders_and_stock',
    orderTypes: config.orderTypes ?? ['MFN'],
    fbaOrdersLowerStock: config.fbaOrdersLowerStock ?? false,
    productIdentificationAttribute: config.productIdentificationAttribute ?? 'sku',
    skuCrop: {
      removePrefixes: crop.removePrefixes ?? [],
      removeSuffixes: crop.removeSuffixes ?? [],
      regex: crop.regex ?? null,
      gradeAndResell: crop.gradeAndResell ?? true,
    },
    defaultShippingService: config.defaultShippingService ?? 'Other',
    defaultOrderShippingMethod: config.defaultOrderShippingMethod ?? '',
    cancellationReason: config.cancellationReason ?? 'NoInventory',
    ignoreAmazonTax: config.ignoreAmazonTax ?? false,
    taxIncluded: config.taxIncluded ?? true,
    unknownSkuPolicy: config.unknownSkuPolicy ?? 'hold',
    reservePendingStock: config.reservePendingStock ?? true,
    facilitatorTax: config.facilitatorTax ?? 'drop',
    syncFromDate: config.syncFromDate ?? new Date().toISOString(),
    pollIntervalMinutes: config.pollIntervalMinutes ?? 5,
    stockBuffer: config.stockBuffer ?? 0,
    maxQuantity: config.maxQuantity ?? null,
    lookbackOverlapSeconds: config.lookbackOverlapSeconds ?? 300,
  };
}

/** ISO → the value of <input type="datetime-local"> in the browser's time zone ("2026-01-31T01:00"). */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
/** "2026-01-31T01:00" (browser time) → UTC ISO; anything else is passed through for the server to reject. */
const fromLocalInput = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? new Date(value).toISOString() : value;

const asNumber = (v: string | number, fallback: number) =>
  typeof v === 'number' ? v : v === '' ? fallback : Number(v);

/** The Orders Configuration of a connection (PRODUCT.md §5): every option, server validation on the fields. */
export function OrdersConfigForm({ connection }: { connection: Connection }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const cancelReasons = useCancelReasons();
  // Keyed by content, so a refetch of the same configuration does not wipe unsaved edits.
  const configJson = JSON.stringify(connection.config);
  const initial = useMemo(() => withDefaults(JSON.parse(configJson) as Connection['config']), [configJson]);
  const [form, setForm] = useState<FormConfig>(initial);
  const [syncFrom, setSyncFrom] = useState(toLocalInput(initial.syncFromDate));
  const [previewSkus, setPreviewSkus] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    setForm(initial);
    setSyncFrom(toLocalInput(initial.syncFromDate));
  }, [initial]);

  const set = <K extends keyof FormConfig>(key: K, value: FormConfig[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setCrop = (patch: Partial<SkuCropRules>) => setForm((f) => ({ ...f, skuCrop: { ...f.skuCrop, ...patch } }));
  const err = (field: string) => fieldError(errors, field);

  const attribute = form.productIdentificationAttribute;
  const attributeChoice = typeof attribute === 'string' ? attribute : 'custom';
  const customAttribute = typeof attribute === 'object' ? attribute.custom : '';

  const save = useMutation({
    mutationFn: (config: FormConfig) => api<Connection>('PATCH', `/api/connections/${connection.id}`, { config }),
    onMutate: () => setErrors({}),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.connection(connection.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.connections, exact: true });
      notify({ title: 'Saved', message: 'Orders Configuration saved' });
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(issuesByField(e.issues));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ ...form, syncFromDate: fromLocalInput(syncFrom) });
  };

  const reasonData = (cancelReasons.data?.reasons ?? [{ code: form.cancellationReason, description: '' }]).map((r) => ({
    value: r.code,
    label: r.description ? `${r.code} — ${r.description}` : r.code,
  }));
  const regex = form.skuCrop.regex;

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} aria-label="Orders Configuration" noValidate>
        <Stack gap="md">
          <Title order={2} size="h4">
            Orders Configuration
          </Title>

          <Radio.Group
            label="Order Synchronization Level"
            description="Stock only: no store orders are created; the store's stock is lowered by the ordered quantities."
            value={form.syncLevel}
            onChange={(v) => set('syncLevel', v)}
            error={err('syncLevel')}
          >
            <Group mt="xs">
              <Radio value="orders_and_stock" label="Orders & Stock" />
              <Radio value="stock_only" label="Stock only" />
            </Group>
          </Radio.Group>

          <Checkbox.Group
            label="Order types"
            description="Only orders with a selected fulfilment method are transferred; others are skipped."
            value={form.orderTypes}
            onChange={(v) => set('orderTypes', v)}
            error={err('orderTypes')}
          >
            <Group mt="xs">
              <Checkbox value="MFN" label="Merchant fulfilled (MFN/FBM)" />
              <Checkbox value="AFN" label="Fulfilled by Amazon (AFN/FBA)" />
            </Group>
          </Checkbox.Group>
          <Switch
            label="FBA orders lower store stock"
            checked={form.fbaOrdersLowerStock}
            onChange={(e) => set('fbaOrdersLowerStock', e.currentTarget.checked)}
            error={err('fbaOrdersLowerStock')}
          />

          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Product Identification Attribute"
              description="The store attribute whose value equals the (cropped) Amazon Seller SKU."
              data={[
                ...BUILTIN_ATTRIBUTES.map((a) => ({ value: a, label: a.toUpperCase() })),
                { value: 'custom', label: 'custom attribute…' },
              ]}
              value={attributeChoice}
              allowDeselect={false}
              onChange={(v) =>
                set('productIdentificationAttribute', v === 'custom' ? { custom: customAttribute } : (v ?? 'sku'))
              }
              error={attributeChoice !== 'custom' ? err('productIdentificationAttribute') : undefined}
            />
            {attributeChoice === 'custom' && (
              <TextInput
                label="Custom attribute code"
                description="e.g. _gtin, color_code, custom.ean"
                value={customAttribute}
                onChange={(e) => set('productIdentificationAttribute', { custom: e.currentTarget.value })}
                error={err('productIdentificationAttribute')}
              />
            )}
          </SimpleGrid>

          <Fieldset legend="Crop Amazon Seller SKU (Value Pattern To Replace)" miw={0}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TagsInput
                  label="Remove prefixes"
                  description="Press Enter after each prefix"
                  value={form.skuCrop.removePrefixes}
                  onChange={(v) => setCrop({ removePrefixes: v })}
                  error={err('skuCrop.removePrefixes')}
                  clearable
                />
                <TagsInput
                  label="Remove suffixes"
                  description="Press Enter after each suffix, e.g. -FBM"
                  value={form.skuCrop.removeSuffixes}
                  onChange={(v) => setCrop({ removeSuffixes: v })}
                  error={err('skuCrop.removeSuffixes')}
                  clearable
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label="Advanced: regular expression"
                  description="Applied after prefixes and suffixes; empty = none"
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  value={regex?.pattern ?? ''}
                  onChange={(e) => {
                    const pattern = e.currentTarget.value;
                    setCrop({
                      regex: pattern
                        ? { pattern, replacement: regex?.replacement ?? '', flags: regex?.flags ?? '' }
                        : null,
                    });
                  }}
                  error={err('skuCrop.regex.pattern') ?? err('skuCrop.regex')}
                />
                <TextInput
                  label="Replacement"
                  description="$1, $2 … refer to groups"
                  value={regex?.replacement ?? ''}
                  disabled={!regex}
                  onChange={(e) => {
                    const replacement = e.currentTarget.value;
                    if (regex) setCrop({ regex: { ...regex, replacement } });
                  }}
                  error={err('skuCrop.regex.replacement')}
                />
                <TextInput
                  label={<span title="Regular-expression flags">Match options</span>}
                  description="i = ignore upper/lower case (regular-expression flags)"
                  value={regex?.flags ?? ''}
                  disabled={!regex}
                  onChange={(e) => {
                    const flags = e.currentTarget.value;
                    if (regex) setCrop({ regex: { ...regex, flags } });
                  }}
                  error={err('skuCrop.regex.flags')}
                />
              </SimpleGrid>
              <Checkbox
                label="Crop Amazon grade-and-resell SKUs (amzn.gr.…) to the original SKU"
                checked={form.skuCrop.gradeAndResell}
                onChange={(e) => setCrop({ gradeAndResell: e.currentTarget.checked })}
              />
              {err('skuCrop') && !err('skuCrop.removePrefixes') && !err('skuCrop.regex') && (
                <Text size="sm" c="red">
                  {err('skuCrop')}
                </Text>
              )}
              <TagsInput
                label="More SKUs to preview"
                description="Optional: SKUs to try besides the connection's recent ones"
                value={previewSkus}
                onChange={setPreviewSkus}
                clearable
              />
              <SkuCropPreview connectionId={connection.id} rules={form.skuCrop} extraSkus={previewSkus} />
            </Stack>
          </Fieldset>

          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ShippingServiceSelect
              marketplaceId={connection.marketplaceId}
              value={form.defaultShippingService}
              onChange={(code) => set('defaultShippingService', code)}
              error={err('defaultShippingService')}
            />
            <TextInput
              label="Default Order Shipping method"
              description="Written into store orders, e.g. “DHL DE”; empty = Amazon's service level."
              value={form.defaultOrderShippingMethod}
              onChange={(e) => set('defaultOrderShippingMethod', e.currentTarget.value)}
              error={err('defaultOrderShippingMethod')}
            />
            <Select
              label="Order Cancellation Reason"
              description="Sent to Amazon when the store cancels (BuyerCanceled when the buyer asked)."
              data={reasonData}
              allowDeselect={false}
              value={form.cancellationReason}
              onChange={(v) => set('cancellationReason', v ?? 'NoInventory')}
              error={err('cancellationReason')}
            />
            <Select
              label="Unknown SKU policy"
              description="What happens to an order whose SKU matches no store product."
              data={[
                { value: 'hold', label: 'Hold in Needs attention until linked' },
                { value: 'import_unlinked', label: 'Import with an unlinked line' },
                { value: 'skip', label: 'Skip the order' },
              ]}
              allowDeselect={false}
              value={form.unknownSkuPolicy}
              onChange={(v) => set('unknownSkuPolicy', v ?? 'hold')}
              error={err('unknownSkuPolicy')}
            />
          </SimpleGrid>

          <Divider />
          <Stack gap="sm">
            <Switch
              label="Ignore Amazon Tax"
              description="The store order carries no tax from Amazon (the store may apply its own)."
              checked={form.ignoreAmazonTax}
              onChange={(e) => set('ignoreAmazonTax', e.currentTarget.checked)}
              error={err('ignoreAmazonTax')}
            />
            <Switch
              label="Tax is included in Prices"
              description="Yes: Amazon's prices are gross (VAT marketplaces). No: prices are net (US, CA, MX, BR, IN, JP)."
              checked={form.taxIncluded}
              onChange={(e) => set('taxIncluded', e.currentTarget.checked)}
              error={err('taxIncluded')}
            />
            <TaxSettingsWarning
              marketplaceId={connection.marketplaceId}
              taxIncluded={form.taxIncluded}
              ignoreAmazonTax={form.ignoreAmazonTax}
            />
            <Switch
              label="Reserve stock for Pending orders"
              description="Pending Amazon orders reserve store stock; the store order is created when Amazon releases them."
              checked={form.reservePendingStock}
              onChange={(e) => set('reservePendingStock', e.currentTarget.checked)}
              error={err('reservePendingStock')}
            />
            <Radio.Group
              label="Marketplace-facilitator tax"
              description="Tax Amazon collects and remits itself (US facilitator states, UK ≤ £135, EU IOSS)."
              value={form.facilitatorTax}
              onChange={(v) => set('facilitatorTax', v)}
              error={err('facilitatorTax')}
            >
              <Group mt="xs">
                <Radio value="drop" label="Drop (not merchant tax)" />
                <Radio value="keep" label="Keep on the store order" />
              </Group>
            </Radio.Group>
          </Stack>

          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput
              type="datetime-local"
              label="Sync orders from"
              description="In your time zone; stored in UTC"
              value={syncFrom}
              onChange={(e) => setSyncFrom(e.currentTarget.value)}
              error={err('syncFromDate')}
            />
            <NumberInput
              label="Poll interval (minutes)"
              min={1}
              max={1440}
              allowDecimal={false}
              value={form.pollIntervalMinutes}
              onChange={(v) => set('pollIntervalMinutes', asNumber(v, 5))}
              error={err('pollIntervalMinutes')}
            />
            <NumberInput
              label="Stock buffer"
              description="Units kept back from Amazon"
              min={0}
              allowDecimal={false}
              value={form.stockBuffer}
              onChange={(v) => set('stockBuffer', asNumber(v, 0))}
              error={err('stockBuffer')}
            />
            <NumberInput
              label="Max quantity"
              description="Highest quantity offered on Amazon; empty = no limit"
              min={0}
              allowDecimal={false}
              value={form.maxQuantity ?? ''}
              onChange={(v) => set('maxQuantity', v === '' ? null : asNumber(v, 0))}
              error={err('maxQuantity')}
            />
            <NumberInput
              label={
                <span title="Lookback overlap (lookbackOverlapSeconds)">Re-read before the last pull (seconds)</span>
              }
              description="Each pull also re-reads this much time before the previous one, so late orders are not missed"
              min={0}
              max={86400}
              allowDecimal={false}
              value={form.lookbackOverlapSeconds}
              onChange={(v) => set('lookbackOverlapSeconds', asNumber(v, 300))}
              error={err('lookbackOverlapSeconds')}
            />
          </SimpleGrid>

          <ErrorAlert error={save.error} title="The configuration was not saved" />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setForm(initial);
                setSyncFrom(toLocalInput(initial.syncFromDate));
                setErrors({});
                save.reset();
              }}
            >
              Reset
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save configuration
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
