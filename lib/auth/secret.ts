// The secret that signs session cookies. AUTH_SECRET when set (required on PostgreSQL, where
// several servers must agree on it). On the embedded SQLite default a random one is generated
// on first use and kept next to the database file, so a local install needs no setup and every
// install gets its own secret instead of a well-known default.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sqliteFilePath } from "../database-url.mjs";
import type { Env } from "../env";

export function resolveAuthSecret(env: Env): string {
  if (env.authSecret) return env.authSecret;
  if (env.databaseProvider !== "sqlite") {
    throw new Error(
      "AUTH_SECRET is not set: it is required with a PostgreSQL DATABASE_URL (try: openssl rand -base64 32)",
    );
  }
  const file = path.join(path.dirname(sqliteFilePath(env.databaseUrl)), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64");
  try {
    // "wx": two processes starting at once must not each write their own.
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}
