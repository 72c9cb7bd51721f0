import { Alert, Text } from '@mantine/core';
import { DateTime } from '../../../components';

/** Says that (and when) the buyer's personal data was removed under the account's data retention. */
export function PurgedNotice({ purgedAt }: { purgedAt: string }) {
  return (
    <Alert color="gray" title="Buyer personal data removed">
      <Text size="sm">
        Removed on <DateTime value={purgedAt} /> under this account’s data retention (Amazon’s data-protection policy):
        name, address, phone, e-mail, tax id and gift messages are gone. Lines, totals, statuses and the timeline are
        kept.
      </Text>
    </Alert>
  );
}
