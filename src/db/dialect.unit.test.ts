import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.js';
import { isPostgresUrl, isUniqueViolation, parsePostgresUrl, pgTimestampToIso, setFromExcluded } from './dialect.js';

describe('dialect helpers', () => {
  it('recognises PostgreSQL URLs', () => {
    expect(isPostgresUrl('postgres://u@h:5432/db')).toBe(true);
    expect(isPostgresUrl('postgresql://u@h/db')).toBe(true);
    expect(isPostgresUrl('/var/lib/orderbridge/data.sqlite')).toBe(false);
    expect(isPostgresUrl('mysql://u@h/db')).toBe(false);
  });

  it('splits the schema parameter off a PostgreSQL URL and keeps the others', () => {
    expect(parsePostgresUrl('postgres://u@h:5432/test?schema=t_abc')).toEqual({
      connectionString: 'postgres://u@h:5432/test',
      schema: 't_abc',
    });
    expect(parsePostgresUrl('postgres://u@h/test?sslmode=disable&schema=s1')).toEqual({
      connectionString: 'postgres://u@h/test?sslmode=disable',
      schema: 's1',
    });
    expect(parsePostgresUrl('postgres://u@h/test').schema).toBeNull();
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => parsePostgresUrl('postgres://u@h/test?schema=a;drop')).toThrow(AppError);
    expect(() => parsePostgresUrl('postgres://u@h/test?schema=Upper')).toThrow(/Invalid schema/);
  });

  it('turns PostgreSQL timestamp text into UTC ISO strings', () => {
    expect(pgTimestampToIso('2026-01-02 03:04:05.678+00', true)).toBe('2026-01-02T03:04:05.678Z');
    expect(pgTimestampToIso('2026-01-02 05:04:05+02', true)).toBe('2026-01-02T03:04:05.000Z');
    expect(pgTimestampToIso('2026-01-02 05:04:05+05:30', true)).toBe('2026-01-01T23:34:05.000Z');
    expect(pgTimestampToIso('2026-01-02 03:04:05', false)).toBe('2026-01-02T03:04:05.000Z');
    expect(pgTimestampToIso('infinity', true)).toBe('infinity');
  });

  it('recognises unique violations from both drivers', () => {
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(true);
    expect(isUniqueViolation({ code: 'SQLITE_BUSY' })).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });

  it('builds an excluded.* update set', () => {
    expect(Object.keys(setFromExcluded(['title', 'quantity_ordered']))).toEqual(['title', 'quantity_ordered']);
  });
});
