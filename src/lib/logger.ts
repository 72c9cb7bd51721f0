import { pino, type Logger } from 'pino';

export type { Logger };

/** Field names whose values are never written to logs. */
const REDACTED_PATHS = [
  '*.clientSecret',
  '*.refreshToken',
  '*.accessToken',
  '*.secret',
  '*.password',
  '*["x-amz-access-token"]',
  'clientSecret',
  'refreshToken',
  'accessToken',
];

/** Structured JSON logs to stderr (stdout stays free for CLI output such as --json). */
export function createLogger(level: string = 'info'): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });
