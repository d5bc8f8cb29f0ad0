// Channel secrets sealed with AES-256-GCM: readable back with the key, not without it or with
// another, and a changed byte is refused rather than decrypted to garbage.
import { afterEach, describe, expect, it, vi } from "vitest";

async function withKey(key: string | undefined) {
  vi.resetModules();
  if (key === undefined) delete process.env.ALERTS_ENCRYPTION_KEY;
  else process.env.ALERTS_ENCRYPTION_KEY = key;
  return import("@/lib/alerts/secret-box");
}

afterEach(() => {
  delete process.env.ALERTS_ENCRYPTION_KEY;
  vi.resetModules();
});

const KEY = Buffer.alloc(32, 1).toString("base64");
const OTHER = "cd".repeat(32);

describe("secret box", () => {
  it("seals and opens; the sealed text shows nothing of the secret", async () => {
    const { sealSecret, openSecret } = await withKey(KEY);
    const sealed = sealSecret("https://hooks.slack.com/services/T0/B0/secret");
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("slack");
    expect(openSecret(sealed)).toBe("https://hooks.slack.com/services/T0/B0/secret");
    // A fresh IV each time.
    expect(sealSecret("same")).not.toBe(sealSecret("same"));
  });

  it("refuses a changed byte and another key", async () => {
    const { sealSecret, openSecret } = await withKey(KEY);
    const sealed = sealSecret("smtp-password");
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    parts[3] = flipped.toString("base64url");
    expect(() => openSecret(parts.join("."))).toThrow(/cannot be decrypted/);
    const other = await withKey(OTHER);
    expect(() => other.openSecret(sealed)).toThrow(/ALERTS_ENCRYPTION_KEY changed/);
  });

  it("without a key, refuses to seal and says which variable to set", async () => {
    const { sealSecret } = await withKey(undefined);
    expect(() => sealSecret("x")).toThrow(/Set ALERTS_ENCRYPTION_KEY/);
  });
});
