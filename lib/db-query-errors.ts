// Prisma's errors print the call that failed with its arguments: a search's `where` holds what was
// searched, often a license key, and Next logs a failing page or route with its whole error. Every
// Prisma error is reduced here to what failed and why, before it leaves the database layer.

const INVOCATION = /Invalid `([^`]+)` invocation/;

function lastLine(text: string): string {
  return (
    text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1) ?? ""
  );
}

/**
 * The same error (its class, name and code still decide what the caller does: a retry, a 409) with
 * a message of one call and one reason — the last line of Prisma's, where the reason always is —
 * and no arguments in it, its stack or its metadata.
 */
export function withoutQueryArguments(error: unknown): unknown {
  if (!(error instanceof Error) || !error.name.startsWith("PrismaClient")) return error;
  const call = INVOCATION.exec(error.message)?.[1] ?? "query";
  const message = `${call} failed: ${lastLine(error.message)}`;
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  const redacted = error as Error & { meta?: Record<string, unknown> };
  redacted.message = message;
  redacted.stack = [`${error.name}: ${message}`, ...frames].join("\n");
  if (redacted.meta)
    redacted.meta = redacted.meta.modelName ? { modelName: redacted.meta.modelName } : {};
  return redacted;
}
