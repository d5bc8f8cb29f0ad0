// Walks over parsed JSON without recursion. JSON.parse copes with a body nested 20,000 deep, but
// JSON.stringify, zod and any recursive walk after it overflow the stack.

/**
 * Well past any body Dodo sends (a file of a delivery sits 5 levels down, merchants' metadata adds
 * a few), and far below the few thousand levels at which JSON.stringify overflows.
 */
export const MAX_JSON_DEPTH = 64;

/** Every object and array in `value` with its depth (the value itself is at depth 1). */
function* containers(value: unknown): Generator<[node: object, depth: number]> {
  const pending: [node: unknown, depth: number][] = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== "object") continue;
    yield [node, depth];
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
}

/** True when `value` has objects or arrays nested more than `limit` levels deep. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  for (const [, depth] of containers(value)) if (depth > limit) return true;
  return false;
}

/** True when any string in `value`, as a value or as an object key, contains `needle`. */
export function containsString(value: unknown, needle: string): boolean {
  if (typeof value === "string") return value.includes(needle);
  for (const [node] of containers(value)) {
    for (const [key, child] of Object.entries(node))
      if (key.includes(needle) || (typeof child === "string" && child.includes(needle)))
        return true;
  }
  return false;
}
