import { identifier } from "@/lib/query-values";

export type GrantIdRead = { ok: true; id: string } | { ok: false; problem: string };

/** A grant id from a URL. Dodo's prefixes vary, so only its form is checked, not its shape. */
export function readGrantId(value: string): GrantIdRead {
  const read = identifier.safeParse(value);
  return read.success
    ? { ok: true, id: read.data }
    : { ok: false, problem: `id: ${read.error.issues[0]!.message}` };
}
