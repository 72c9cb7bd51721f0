export { DateTime } from './DateTime';
export { EmptyState } from './EmptyState';
export { ErrorAlert } from './ErrorAlert';
export { formatLocal, formatMoney, formatUtc, formatUtcDate, groupDigits, humanize } from './format';
export { Money } from './Money';
export { NotificationsProvider, useNotify } from './notifications';
export { PageHeader } from './PageHeader';
export { ScrollTable } from './ScrollTable';
export { StatusBadge } from './StatusBadge';
