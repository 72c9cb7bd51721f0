import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSecretBox } from '../app/secret-key.js';
import { createDatabase } from './database.js';

const modeOf = (file: string) => statSync(file).mode & 0o777;

/** The SQLite database (buyer data, sealed secrets) and the secret key are readable by their owner only. */
describe('data directory file modes', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'orderbridge-modes-'));
    umask = process.umask(0o022); // the usual default: without care, files would be world-readable
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('creates the data directory 0700 and the database with its WAL and SHM 0600', async () => {
    const dataDir = path.join(root, 'data');
    const file = path.join(dataDir, 'orderbridge.sqlite');
    const handle = await createDatabase({ sqlitePath: file });
    try {
      await sql`insert into accounts (id, name, created_at) values ('a', 'A', '2026-12-06T08:00:00.000Z')`.execute(
        handle.db,
      );
      expect(modeOf(dataDir)).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, modeOf(f)]).toEqual([f, 0o600]);
    } finally {
      await handle.close();
    }
  });

  it('tightens an existing world-readable database file', async () => {
    const file = path.join(root, 'old.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const handle = await createDatabase({ sqlitePath: file });
    await handle.close();
    expect(modeOf(file)).toBe(0o600);
  });

  it('writes the generated secret key 0600 into a new 0700 data directory', () => {
    const dataDir = path.join(root, 'fresh');
    loadSecretBox(null, dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.join(dataDir, 'secret.key'))).toBe(0o600);
  });
});
