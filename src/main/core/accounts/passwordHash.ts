import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * Passwords are kept only as `scrypt$N$r$p$salt$hash` (base64). N = 2^15 takes
 * ~0.1 s and 32 MB per try on an office PC: nothing for one login, costly for a
 * guesser holding a copy of the file. The parameters travel with each hash, so a
 * later version may raise them and still read the old ones.
 */
const params = { N: 2 ** 15, r: 8, p: 1 }
const keyLength = 32

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { ...options, maxmem: 256 * options.N * options.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** Spent on an unknown login too, so the answer's timing does not tell which logins exist. */
let decoy: Promise<string> | undefined
export async function verifyAgainstNothing(password: string): Promise<false> {
  decoy ??= hashPassword('decoy-password-that-matches-nothing')
  await verifyPassword(password, await decoy)
  return false
}
