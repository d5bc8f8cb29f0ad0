// Our scrypt must read and write exactly what Better Auth's does: the passwords of existing users
// were hashed by Better Auth. Both of its implementations are checked: node:crypto (what Node gets
// through the "node" export condition) and the pure-JavaScript one (what any other resolution gets).
import path from "node:path";
import {
  hashPassword as betterAuthHash,
  verifyPassword as betterAuthVerify,
} from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";

type PureJsHasher = {
  hashPassword: (password: string) => Promise<string>;
  verifyPassword: (hash: string, password: string) => Promise<boolean>;
};
const pureJs = (await import(
  /* @vite-ignore */ path.resolve("node_modules/@better-auth/utils/dist/password.mjs")
)) as PureJsHasher;

const PASSWORD = "Grüße-aus-Köln-2026";
// The same password in another Unicode normal form: scrypt sees it NFKC-normalised on both sides.
const DECOMPOSED = PASSWORD.normalize("NFD");

describe("password hashing", () => {
  it("writes Better Auth's format: 32 hex characters of salt, a colon, 128 of key", async () => {
    expect(await hashPassword(PASSWORD)).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
  });

  it("verifies hashes made by Better Auth's node:crypto hasher", async () => {
    const hash = await betterAuthHash(PASSWORD);
    expect(await verifyPassword({ hash, password: PASSWORD })).toBe(true);
    expect(await verifyPassword({ hash, password: DECOMPOSED })).toBe(true);
    expect(await verifyPassword({ hash, password: `${PASSWORD}!` })).toBe(false);
  });

  it("verifies hashes made by Better Auth's pure-JavaScript hasher", async () => {
    const hash = await pureJs.hashPassword(PASSWORD);
    expect(await verifyPassword({ hash, password: PASSWORD })).toBe(true);
    expect(await verifyPassword({ hash, password: "another-password" })).toBe(false);
  });

  it("makes hashes both of Better Auth's hashers verify", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await betterAuthVerify({ hash, password: PASSWORD })).toBe(true);
    expect(await betterAuthVerify({ hash, password: "another-password" })).toBe(false);
    expect(await pureJs.verifyPassword(hash, DECOMPOSED)).toBe(true);
  });

  it("salts every hash", async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });

  it("answers false, not an error, for a stored value that is no hash", async () => {
    for (const hash of ["", "nocolon", "abc:", ":abc", "abc:not-hex", "abc:abcd"])
      expect(await verifyPassword({ hash, password: PASSWORD }), hash).toBe(false);
  });
});
