// A URL's query, read by one zod schema. The API answers 400 with what was wrong; pages say what
// they ignored and show the rest (a hand-edited or stale link shows a list, never an error page).
import type { z } from "zod";

export type SearchParamsLike = Record<string, string | string[] | undefined> | URLSearchParams;

/** Page searchParams with repeated keys reduced to their first value, for zod schemas. */
export function firstValues(
  params: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
}

/** First value of each key; empty values left out, as a form submits its unset fields. */
function queryRecord(params: SearchParamsLike): Record<string, string> {
  const entries =
    params instanceof URLSearchParams
      ? [...params.keys()].map((key) => [key, params.get(key)] as const)
      : Object.entries(firstValues(params));
  return Object.fromEntries(
    entries.filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

/**
 * Each field on its own: one that fails is reported (`name: what is wrong`) and left at its
 * default, so the other fields still apply. Unknown keys are ignored.
 */
export function readSearchParams<S extends z.ZodObject>(
  schema: S,
  params: SearchParamsLike,
): { value: z.output<S>; problems: string[] } {
  const input = queryRecord(params);
  const first = schema.safeParse(input);
  if (first.success) return { value: first.data, problems: [] };
  const problems = new Map<string, string>();
  for (const issue of first.error.issues) {
    const name = String(issue.path[0] ?? "");
    if (!problems.has(name)) problems.set(name, `${name}: ${issue.message}`);
  }
  const rest = Object.fromEntries(Object.entries(input).filter(([key]) => !problems.has(key)));
  // In the schema's order, whatever order zod found them in.
  const inOrder = Object.keys(schema.shape).flatMap((key) => problems.get(key) ?? []);
  return { value: schema.parse(rest), problems: inOrder };
}

/** A path segment as the app knows it: Next hands it over still percent-encoded. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
