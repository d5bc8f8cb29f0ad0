// A full license key is shown only on an explicit Reveal. Raw event bodies on the grant page carry
// the key, so they are displayed (and copied) with it masked; the stored body stays byte-exact.
import { MAX_JSON_DEPTH, containsString, nestsDeeperThan } from "@/lib/json-walk";

const NOT_MASKABLE =
  "(not shown: this body carries its license key in a form that cannot be masked; use Reveal)";

export const maskedKey = (key: string) => `••••••••${key.slice(-4)}`;

function licenseKeyIn(json: unknown): string | null {
  const key = (json as { data?: { license_key?: { key?: unknown } } } | null)?.data?.license_key
    ?.key;
  return typeof key === "string" && key !== "" ? key : null;
}

/** The key as it appears inside a JSON string (JSON.stringify escapes minimally and the same way). */
const inJson = (key: string) => JSON.stringify(key).slice(1, -1);

/**
 * A stored JSON value (a grant's metadata) with the key masked in every string: merchants copy
 * keys into metadata, and the grant page and its polled JSON show metadata.
 */
export function maskKeyInJson<T>(value: T, key: string | null): T {
  if (!key || value === null || value === undefined) return value;
  const text = JSON.stringify(value);
  return text.includes(inJson(key))
    ? (JSON.parse(text.replaceAll(inJson(key), maskedKey(key))) as T)
    : value;
}

/**
 * The raw body pretty-printed, its license key masked wherever it occurs (metadata too). A body
 * that is not JSON is shown as it came; one nested too deep to print, as it came but masked.
 */
export function prettyRedactedBody(raw: string): string {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return raw;
  }
  const text = nestsDeeperThan(json, MAX_JSON_DEPTH) ? raw : JSON.stringify(json, null, 2);
  const key = licenseKeyIn(json);
  if (!key) return text;
  // In printed text (JSON.stringify's escaping) this finds every occurrence.
  const masked = text.replaceAll(inJson(key), maskedKey(key));
  // A raw body can spell the key with \u escapes: then it is still there, only written otherwise.
  return containsString(JSON.parse(masked), key) ? NOT_MASKABLE : masked;
}
