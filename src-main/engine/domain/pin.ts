// PINs are stored as salted scrypt hashes, compared in constant time.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export function hashPin(pin: string, salt = randomBytes(16).toString('hex')): { salt: string; hash: string } {
  return { salt, hash: scryptSync(pin, salt, 32).toString('hex') };
}

export function pinMatches(pin: string, salt: string, hash: string): boolean {
  const given = scryptSync(pin, salt, 32);
  const stored = Buffer.from(hash, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored);
}
