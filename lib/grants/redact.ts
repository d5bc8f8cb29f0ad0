// A full license key is shown only on an explicit Reveal. Raw event bodies on the grant page carry
// the key, so they are displayed (and copied) with it masked; the stored body stays byte-exact.
import { MAX_JSON_DEPTH, nestsDeeperThan } from "@/lib/json-walk";

/** The raw body pretty-printed, `data.license_key.key` masked; non-JSON bodies as they are. */
export function prettyRedactedBody(raw: string): string {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return raw;
  }
  // Stored as invalid, never re-printed: JSON.stringify would overflow the stack on it.
  if (nestsDeeperThan(json, MAX_JSON_DEPTH)) return "(not shown: nested too deep to display)";
  const key = (json as { data?: { license_key?: { key?: unknown } } } | null)?.data?.license_key;
  if (key && typeof key.key === "string") key.key = `••••••••${key.key.slice(-4)}`;
  return JSON.stringify(json, null, 2);
}
