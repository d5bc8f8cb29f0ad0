// Password hashing for Better Auth (emailAndPassword.password) and for lib/auth/users.ts, on
// node:crypto's asynchronous scrypt: it runs on libuv's thread pool, never on the event loop that
// serves every page. Better Auth picks its own implementation by package export condition, and its
// fallback is pure-JavaScript scrypt on the event loop; pinning ours keeps that choice out of the
// bundler's hands.
//
// The stored format and parameters are Better Auth's, exactly, so passwords set before keep
// working and Better Auth could verify ours: "<salt>:<key>", the salt 16 random bytes as 32 hex
// characters (the hex TEXT is the scrypt salt, not the bytes), the key 64 bytes as hex, the password
// NFKC-normalised, N=16384 r=16 p=1.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { availableParallelism } from "node:os";

const N = 16_384;
const R = 16;
const P = 1;
const KEY_LENGTH = 64;
// scrypt needs 128·N·r bytes (32 MiB here), which is exactly Node's default maxmem: allow twice.
const MAX_MEMORY = 2 * 128 * N * R;

// libuv's pool runs four hashes at once; on a two-core server a burst of them would take both
// cores from the event loop. Hashes beyond one core's worth wait their turn instead.
const HASH_SLOTS = Math.max(1, availableParallelism() - 1);
let busySlots = 0;
const waitingForSlot: (() => void)[] = [];

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busySlots < HASH_SLOTS) busySlots += 1;
  else await new Promise<void>((resolve) => waitingForSlot.push(resolve));
  try {
    return await work();
  } finally {
    // Handed straight to the next in line, so a newcomer cannot slip in between.
    const next = waitingForSlot.shift();
    if (next) next();
    else busySlots -= 1;
  }
}

function deriveKey(password: string, salt: string): Promise<Buffer> {
  return inHashSlot(() => scryptOnPool(password, salt));
}

function scryptOnPool(password: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFKC"),
      salt,
      KEY_LENGTH,
      { N, r: R, p: P, maxmem: MAX_MEMORY },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16).toString("hex");
  const key = await deriveKey(password, salt);
  return `${salt}:${key.toString("hex")}`;
}

/** False for a wrong password and for a stored value that is not a hash of this format. */
export async function verifyPassword({
  hash,
  password,
}: {
  hash: string;
  password: string;
}): Promise<boolean> {
  const [salt, storedHex] = hash.split(":");
  if (!salt || !storedHex || !/^[0-9a-f]+$/i.test(storedHex)) return false;
  const stored = Buffer.from(storedHex, "hex");
  const key = await deriveKey(password, salt);
  return stored.length === key.length && timingSafeEqual(stored, key);
}
