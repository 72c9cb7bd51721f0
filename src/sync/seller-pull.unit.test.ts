import { describe, expect, it } from 'vitest';
import type { Connection } from '../domain/connection.js';
import { initialCursor, isCatchingUp, sellerPullView } from './seller-pull.js';

const connection = (id: string, importCursor: string | null, over: Partial<Connection> = {}): Connection =>
  ({
    id,
    importCursor,
    active: true,
    accountId: 'acc',
    sellerId: 'S1',
    region: 'EU',
    clientId: 'app',
    ...over,
  }) as Connection;

describe('seller pulls', () => {
  it('start from the earliest cursor of the connections, or none when one has none (upgrade keeps every order)', () => {
    expect(initialCursor([connection('a', '2026-12-01T10:00:00Z'), connection('b', '2026-12-01T08:00:00Z')])).toBe(
      '2026-12-01T08:00:00Z',
    );
    expect(initialCursor([connection('a', '2026-12-01T10:00:00Z'), connection('b', null)])).toBeNull();
  });

  it('let a connection whose cursor is behind the seller cursor (or missing) catch up alone', () => {
    const pull = { importCursor: '2026-12-01T10:00:00Z' };
    expect(isCatchingUp(connection('a', null), pull)).toBe(true);
    expect(isCatchingUp(connection('a', '2026-12-01T09:59:59Z'), pull)).toBe(true);
    expect(isCatchingUp(connection('a', '2026-12-01T10:00:00Z'), pull)).toBe(false);
    expect(isCatchingUp(connection('a', null), { importCursor: null })).toBe(false);
  });

  it('show the active connections of the same account, seller, region and application', () => {
    const de = connection('de', '2026-12-01T10:00:00Z');
    const all = [
      de,
      connection('fr', null),
      connection('it', null, { active: false }),
      connection('other-seller', null, { sellerId: 'S2' }),
      connection('other-app', null, { clientId: 'app2' }),
      connection('other-account', null, { accountId: 'acc2' }),
    ];
    const pull = { id: 'p1', accountId: 'acc', sellerId: 'S1', region: 'EU', clientId: 'app' };
    const view = sellerPullView(all[1]!, all, [
      { ...pull, importCursor: de.importCursor, createdAt: '', updatedAt: '' },
    ]);
    expect(view).toEqual({ id: 'p1', connectionIds: ['de', 'fr'], cursor: de.importCursor, catchingUp: true });
  });
});
