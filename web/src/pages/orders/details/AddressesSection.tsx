import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { humanize } from '../../../components';
import type { Address, Buyer } from '../types';
import { Facts, Section } from './Section';

function AddressBlock({ address }: { address: Address }) {
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  const regionLine = [address.districtOrCounty, address.municipality, address.stateOrRegion].filter(Boolean).join(', ');
  const lines = [
    address.name,
    address.companyName,
    address.addressLine1,
    address.addressLine2,
    address.addressLine3,
    cityLine,
    regionLine,
    address.countryCode,
  ].filter((l): l is string => Boolean(l));
  return (
    <Stack gap={2}>
      <address style={{ fontStyle: 'normal', overflowWrap: 'anywhere' }}>
        {lines.map((l, i) => (
          <Text size="sm" key={`${i}-${l}`}>
            {l}
          </Text>
        ))}
      </address>
      {address.phone && <Text size="sm">Phone: {address.phone}</Text>}
      {address.addressType && (
        <Text size="xs" c="dimmed">
          {humanize(address.addressType.toLowerCase())} address
        </Text>
      )}
    </Stack>
  );
}

/** Shipping address, billing (Amazon's Orders API does not provide one) and the buyer, possibly anonymised. */
export function AddressesSection({ shipping, buyer }: { shipping: Address | null; buyer: Buyer | null }) {
  return (
    <Section id="addresses" title="Addresses">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Paper withBorder p="sm" radius="sm">
          <Title order={3} size="h6" mb={6}>
            Shipping address
          </Title>
          {shipping ? (
            <AddressBlock address={shipping} />
          ) : (
            <Text size="sm" c="dimmed">
              Not available (Amazon shares it once the order is released, and hides it for Amazon-fulfilled orders).
            </Text>
          )}
        </Paper>
        <Paper withBorder p="sm" radius="sm">
          <Title order={3} size="h6" mb={6}>
            Billing address
          </Title>
          <Text size="sm" c="dimmed">
            Amazon’s Orders API provides no billing address; the buyer’s details are shown next to it.
          </Text>
        </Paper>
        <Paper withBorder p="sm" radius="sm">
          <Title order={3} size="h6" mb={6}>
            Buyer
          </Title>
          {buyer ? (
            <Facts
              items={[
                ['Name', buyer.name],
                ['E-mail', buyer.email],
                ['Company', buyer.companyName],
                ['Purchase order number', buyer.purchaseOrderNumber],
                [
                  'Tax registration',
                  buyer.taxRegistrationId
                    ? `${buyer.taxRegistrationId}${buyer.taxRegistrationType ? ` (${buyer.taxRegistrationType})` : ''}`
                    : null,
                ],
              ]}
            />
          ) : (
            <Text size="sm" c="dimmed">
              No buyer data.
            </Text>
          )}
        </Paper>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        Amazon may anonymise buyer data: e-mail addresses are Amazon relay addresses and personal data can be removed
        after the order is closed.
      </Text>
    </Section>
  );
}
