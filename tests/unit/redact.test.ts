import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, containsString, nestsDeeperThan } from "@/lib/json-walk";
import { maskKeyInJson, prettyRedactedBody } from "@/lib/grants/redact";

const KEY = "LK-7F3A-92QX-M1ZD-4C8P";
const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
const body = (metadata: string, key = JSON.stringify(KEY)) =>
  `{"type":"entitlement_grant.delivered","data":{"id":"g","metadata":${metadata},"license_key":{"key":${key}}}}`;

describe("nestsDeeperThan", () => {
  it.each([
    [1, 0, false],
    [{}, 1, false],
    [{}, 0, true],
    [[[[]]], 3, false],
    [[[[]]], 2, true],
    [{ a: [{ b: {} }], c: 1 }, 4, false],
    [{ a: [{ b: {} }], c: 1 }, 3, true],
  ])("%j deeper than %i → %s", (value, limit, expected) => {
    expect(nestsDeeperThan(value, limit)).toBe(expected);
  });

  it("walks 20,000 levels without overflowing the stack", () => {
    const value: unknown = JSON.parse(deep(20_000));
    expect(nestsDeeperThan(value, MAX_JSON_DEPTH)).toBe(true);
    expect(containsString(value, "x")).toBe(false);
  });
});

describe("containsString", () => {
  it.each([
    ["abc", "b", true],
    [{ k: ["x", { deep: "the abc" }] }, "abc", true],
    [{ abc: 1 }, "abc", true],
    [{ k: ["x", 1, null] }, "abc", false],
  ])("%j contains %s → %s", (value, needle, expected) => {
    expect(containsString(value, needle)).toBe(expected);
  });
});

describe("prettyRedactedBody", () => {
  it.each([
    ["the license key", body("{}")],
    ["the key repeated in metadata", body(`{"copy":${JSON.stringify(KEY)}}`)],
    ["a body too deep to print", body(deep(20_000))],
    ["a deep body repeating the key", body(`{"copy":"${KEY}","d":${deep(100)}}`)],
  ])("masks %s wherever it occurs", (_, raw) => {
    const shown = prettyRedactedBody(raw);
    expect(shown).not.toContain(KEY);
    expect(shown).toContain("••••••••4C8P");
  });

  it("pretty-prints what it can and keeps a body too deep to print as it came", () => {
    expect(prettyRedactedBody(body("{}"))).toContain('\n  "data": {');
    const raw = body(deep(20_000));
    expect(prettyRedactedBody(raw)).toBe(raw.replace(KEY, "••••••••4C8P"));
  });

  it("withholds a deep body whose key is spelled with escapes it cannot find", () => {
    const escaped = `"\\u004C${KEY.slice(1)}"`;
    const shown = prettyRedactedBody(body(`{"copy":${escaped},"d":${deep(100)}}`));
    expect(shown).not.toContain(KEY.slice(1));
    expect(shown).toMatch(/^\(not shown/);
  });

  it.each([
    ["this is { not json", "this is { not json"],
    ['{"type":"payment.succeeded"}', '{\n  "type": "payment.succeeded"\n}'],
  ])("shows %j without a key as %j", (raw, shown) => {
    expect(prettyRedactedBody(raw)).toBe(shown);
  });
});

describe("maskKeyInJson", () => {
  it.each([
    [{ note: `key ${KEY}` }, KEY, { note: "key ••••••••4C8P" }],
    [{ nested: [{ [KEY]: KEY }] }, KEY, { nested: [{ "••••••••4C8P": "••••••••4C8P" }] }],
    [{ note: "nothing" }, KEY, { note: "nothing" }],
    [{ note: KEY }, null, { note: KEY }],
    [null, KEY, null],
  ])("%j with key %s → %j", (value, key, expected) => {
    expect(maskKeyInJson(value, key)).toEqual(expected);
  });
});
