/**
 * The encrypted file variant (ARCHITECTURE.md "Sync files and merge rules"), on WebCrypto only: a key is derived from the
 * password with PBKDF2-SHA-256 (>= 600,000 iterations, OWASP 2023 advice) and a random 16-byte
 * salt; the envelope text is sealed with AES-256-GCM under a random 12-byte IV. GCM's tag makes
 * a wrong password and a tampered file fail the same way: decryption throws, nothing is read.
 */
import { z } from 'zod';
import { fromBase64, randomBytes, toBase64, utf8 } from './bytes';

export const ENCRYPTED_FORMAT = 'kenal-encrypted';
export const MIN_PBKDF2_ITERATIONS = 600_000;
/** Upper bound a file may ask for, so a hostile file cannot make us spin for minutes. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

export const encryptedFileSchema = z.object({
  format: z.literal(ENCRYPTED_FORMAT),
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
    salt: base64Schema.min(16),
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: base64Schema.min(16) }),
  data: base64Schema,
});
export type EncryptedFile = z.infer<typeof encryptedFileSchema>;

export class WrongPasswordError extends Error {
  constructor() {
    super('Wrong password, or the encrypted file was changed');
    this.name = 'WrongPasswordError';
  }
}

async function deriveKey(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', utf8(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function encryptText(
  plaintext: string,
  password: string,
  iterations: number = MIN_PBKDF2_ITERATIONS,
): Promise<EncryptedFile> {
  if (iterations < MIN_PBKDF2_ITERATIONS) throw new RangeError('too few PBKDF2 iterations');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(password, salt, iterations);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, utf8(plaintext));
  return {
    format: ENCRYPTED_FORMAT,
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(new Uint8Array(sealed)),
  };
}

/** The plaintext, or WrongPasswordError when the password (or the file) is wrong. */
export async function decryptText(file: EncryptedFile, password: string): Promise<string> {
  const key = await deriveKey(password, fromBase64(file.kdf.salt), file.kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(file.cipher.iv) },
      key,
      fromBase64(file.data),
    );
  } catch {
    throw new WrongPasswordError();
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}
