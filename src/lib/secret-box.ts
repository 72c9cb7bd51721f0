import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from './errors.js';

/**
 * Encrypts secrets at rest with AES-256-GCM. Stored form: `v1:<iv>:<tag>:<ciphertext>` (base64url),
 * so a wrong key or a tampered value fails loudly instead of yielding garbage.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: string) {
    this.key = parseKey(key);
  }

  static generateKey(): string {
    return randomBytes(32).toString('hex');
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join(':');
  }

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || data === undefined) {
      throw new AppError('secret_unreadable', 'Stored secret has an unknown format', {
        kind: 'internal',
        retryable: false,
      });
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new AppError(
        'secret_unreadable',
        'Stored secret cannot be decrypted: is ORDERBRIDGE_SECRET_KEY the key it was saved with?',
        {
          kind: 'internal',
          retryable: false,
          cause,
        },
      );
    }
  }
}

function parseKey(key: string): Buffer {
  const buf = /^[0-9a-f]{64}$/i.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
  if (buf.length !== 32) {
    throw new AppError('config_invalid', 'ORDERBRIDGE_SECRET_KEY must be 32 bytes (64 hex characters or base64)', {
      kind: 'invalid',
    });
  }
  return buf;
}

/** Shows only the last 4 characters of a secret, as the product promises. */
export function maskSecret(secret: string): string {
  return secret.length <= 4 ? '****' : `****${secret.slice(-4)}`;
}
