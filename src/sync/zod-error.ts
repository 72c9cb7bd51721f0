import type { ZodError } from 'zod';
import { AppError } from '../lib/errors.js';

/** A zod failure as one AppError listing every field with its message. */
export function zodToAppError(code: string, error: ZodError): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new AppError(code, `Invalid input: ${text}`, { kind: 'invalid', details: { issues } });
}
