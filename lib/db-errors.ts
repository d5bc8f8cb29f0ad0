// Sorting database errors into "retry later" (the database is down, slow or locked: answer 503 so
// Dodo redelivers) and everything else (a bug: 500). Prisma maps driver-adapter errors onto its
// P-codes; SQLite's lock and some socket errors only show in the message.

const UNAVAILABLE_CODES = new Set([
  "P1000", // authentication failed
  "P1001", // database not reachable
  "P1002", // database timed out
  "P1003", // database does not exist
  "P1008", // operation timed out
  "P1010", // access denied
  "P1011", // TLS error
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2028", // transaction API error (e.g. the transaction timed out)
  "P2034", // write conflict or deadlock
  "P2037", // too many connections
]);

const UNAVAILABLE_MESSAGE =
  /database is locked|SQLITE_BUSY|SQLITE_CANTOPEN|unable to open database|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|Connection terminated|connection timeout|timeout exceeded|Can't reach database|terminating connection|the database system is (starting up|shutting down)|Transaction already closed|Unable to start a transaction/i;

/** Opening the database failed (missing folder, unreadable file, bad URL at connect time). */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return errorCode(error) === "P2002";
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof DatabaseUnavailableError || error.name === "PrismaClientInitializationError")
    return true;
  const code = errorCode(error);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const causeMessage = error.cause instanceof Error ? error.cause.message : "";
  return UNAVAILABLE_MESSAGE.test(`${error.message}\n${causeMessage}`);
}
