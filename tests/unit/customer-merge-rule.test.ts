import { describe, expect, it } from "vitest";
import {
  normalizeEmail,
  normalizeName,
  profileOrderKey,
  replacesProfile,
  reportOrderKey,
} from "@/lib/customers/customer-merge-rule";

const report = (timestampUs: bigint, email: string | null, name: string | null) => ({
  timestampUs,
  email,
  name,
});

describe("customer profile merge rule", () => {
  it("lets a later event replace an earlier one, never the reverse", () => {
    const older = report(1_000_000n, "jane@old.example", "Jane Old");
    const newer = report(2_000_000n, "jane@new.example", "Jane New");
    expect(replacesProfile(newer, profileOrderKey(older))).toBe(true);
    expect(replacesProfile(older, profileOrderKey(newer))).toBe(false);
  });

  it("treats a duplicate as not newer, so it changes nothing", () => {
    const once = report(5n, "a@example.com", "A");
    expect(replacesProfile(once, profileOrderKey(once))).toBe(false);
  });

  it("converges on one winner for two profiles of the same microsecond, in either order", () => {
    const a = report(7n, "a@example.com", "A");
    const b = report(7n, "b@example.com", "B");
    const winnerAfter = (first: typeof a, second: typeof a) =>
      replacesProfile(second, profileOrderKey(first)) ? second : first;
    expect(winnerAfter(a, b)).toBe(winnerAfter(b, a));
  });

  it("accepts any profile when none is stored", () => {
    expect(replacesProfile(report(0n, null, null), null)).toBe(true);
  });

  it("sorts keys as strings the same way as their timestamps, across digit counts", () => {
    const keys = [9n, 10n, 1_700_000_000_000_000n].map((t) => profileOrderKey(report(t, "x", "y")));
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys.map((key) => key.length)).size).toBe(1);
  });

  it("keeps the email and name out of the key", () => {
    const key = profileOrderKey(report(1n, "jane@example.com", "Jane"));
    expect(key).toMatch(/^\d{20}[0-9a-f]{16}$/);
    expect(key).not.toContain("jane");
  });
});

describe("normalised search columns", () => {
  it("lower-cases and trims an email, and drops a blank one", () => {
    expect(normalizeEmail("  Jane.Doe@Example.COM ")).toBe("jane.doe@example.com");
    expect(normalizeEmail("   ")).toBeNull();
    expect(normalizeEmail(null)).toBeNull();
  });

  it("folds white space in a name so a prefix search matches however it was typed", () => {
    expect(normalizeName("  Jane \t  DOE ")).toBe("jane doe");
    expect(normalizeName("")).toBeNull();
  });
});

describe("reportOrderKey (subscription states)", () => {
  it("orders by timestamp first, and breaks a tie by content the same way in every order", () => {
    const active = reportOrderKey(10n, '{"status":"active"}');
    const onHold = reportOrderKey(10n, '{"status":"on_hold"}');
    const later = reportOrderKey(11n, '{"status":"active"}');
    expect(later > active && later > onHold).toBe(true);
    expect(active === onHold).toBe(false);
    expect(reportOrderKey(10n, '{"status":"active"}')).toBe(active);
  });
});
