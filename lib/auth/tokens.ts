import { createHash, randomBytes } from 'node:crypto';

/** Random, URL-safe secret of 32 bytes (256 bits). */
export const newSecretToken = () => randomBytes(32).toString('base64url');

/** Tokens are high-entropy, so a fast hash is enough to store them (no KDF needed). */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
