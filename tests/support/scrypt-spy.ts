// Counts the password evaluations a test causes, whoever does them: every password check and every
// dummy hash for an unknown email is one node:crypto scrypt call. Replacing node:crypto's export
// (and syncing the ES module bindings to it) reaches Better Auth's hasher as well as ours, so a
// test can count what any implementation evaluates. `hold()` parks every call until released, so
// a test can decide what arrives while evaluations are still in flight.
import crypto from "node:crypto";
import { syncBuiltinESMExports } from "node:module";

const realScrypt = crypto.scrypt;
let calls = 0;
let held: Promise<void> | null = null;

function countedScrypt(...args: unknown[]) {
  calls += 1;
  const run = () => (realScrypt as (...a: unknown[]) => void)(...args);
  if (held) void held.then(run);
  else run();
}

crypto.scrypt = countedScrypt as typeof crypto.scrypt;
syncBuiltinESMExports();

export const scryptSpy = {
  get calls() {
    return calls;
  },
  reset() {
    calls = 0;
  },
  /** Parks every scrypt call from now on; the returned function lets them all run. */
  hold(): () => void {
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    return () => {
      held = null;
      release();
    };
  },
};

export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
