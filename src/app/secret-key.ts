import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SecretBox } from '../lib/secret-box.js';

/**
 * The key that seals secrets at rest: ORDERBRIDGE_SECRET_KEY when set, otherwise a key generated
 * once into the data directory (owner-only file; a new directory is owner-only too), so the embedded
 * quick start needs no setup.
 */
export function loadSecretBox(secretKey: string | null, dataDir: string): SecretBox {
  if (secretKey) return new SecretBox(secretKey);
  const file = path.join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, `${SecretBox.generateKey()}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return new SecretBox(readFileSync(file, 'utf8').trim());
}
