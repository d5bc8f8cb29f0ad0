import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const SECRET_A = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SECRET_B = "whsec_dGhpcyBpcyBhIHNlY29uZCBzZWNyZXQ=";

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

const AUTH_SECRET = "0123456789abcdef0123456789abcdef";

describe("parseEnv", () => {
  it("defaults to the embedded SQLite file under data/", () => {
    const env = parseEnv({});
    expect(env.databaseProvider).toBe("sqlite");
    expect(env.databaseUrl).toBe(`file:${path.resolve("data/grantdesk.db")}`);
    expect(env.webhookSecrets).toEqual([]);
    expect(env.dodoEnvironment).toBe("test_mode");
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", DODO_PAYMENTS_WEBHOOK_KEY: "" }).databaseProvider).toBe(
      "sqlite",
    );
  });

  it("switches to PostgreSQL on a postgresql:// or postgres:// URL", () => {
    expect(
      parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/grants", AUTH_SECRET }).databaseProvider,
    ).toBe("postgresql");
    expect(
      parseEnv({ DATABASE_URL: "postgres://u:p@db/grants", AUTH_SECRET }).databaseProvider,
    ).toBe("postgresql");
  });

  it("requires AUTH_SECRET with PostgreSQL (several servers must share it), not with SQLite", () => {
    expect(errorOf({ DATABASE_URL: "postgresql://u:p@db/grants" })).toMatch(
      /AUTH_SECRET: is required with a PostgreSQL database/,
    );
    expect(parseEnv({}).authSecret).toBeUndefined();
  });

  it("takes AUTH_URL only as an http(s) URL", () => {
    expect(parseEnv({ AUTH_URL: "https://grants.example.com" }).authUrl).toBe(
      "https://grants.example.com",
    );
    expect(errorOf({ AUTH_URL: "grants.example.com" })).toContain("AUTH_URL");
  });

  it("resolves a relative SQLite path against the working directory", () => {
    expect(parseEnv({ DATABASE_URL: "file:./tmp/x.db" }).databaseUrl).toBe(
      `file:${path.resolve("tmp/x.db")}`,
    );
  });

  it("refuses another scheme, naming the variable and hiding the password", () => {
    const message = errorOf({ DATABASE_URL: "mysql://root:hunter2@db/grants" });
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("file:");
    expect(message).not.toContain("hunter2");
  });

  it("accepts several webhook secrets separated by spaces (rotation)", () => {
    expect(
      parseEnv({ DODO_PAYMENTS_WEBHOOK_KEY: ` ${SECRET_A}  ${SECRET_B} ` }).webhookSecrets,
    ).toEqual([SECRET_A, SECRET_B]);
  });

  it("refuses a webhook secret without the whsec_ prefix and says which one", () => {
    const message = errorOf({ DODO_PAYMENTS_WEBHOOK_KEY: `${SECRET_A} not-a-secret` });
    expect(message).toContain("DODO_PAYMENTS_WEBHOOK_KEY");
    expect(message).toContain("secret #2");
  });

  it("refuses an unknown Dodo environment", () => {
    expect(errorOf({ DODO_PAYMENTS_ENVIRONMENT: "production" })).toContain(
      "DODO_PAYMENTS_ENVIRONMENT",
    );
  });

  it("refuses a base URL that is not http(s)", () => {
    expect(errorOf({ DODO_PAYMENTS_BASE_URL: "ftp://dodo.local" })).toContain(
      "DODO_PAYMENTS_BASE_URL",
    );
    expect(parseEnv({ DODO_PAYMENTS_BASE_URL: "http://127.0.0.1:4010" }).dodoBaseUrl).toBe(
      "http://127.0.0.1:4010",
    );
  });

  it("refuses a short AUTH_SECRET", () => {
    expect(errorOf({ AUTH_SECRET: "short" })).toContain("AUTH_SECRET");
  });

  it("refuses SQLite on Vercel and says why", () => {
    expect(errorOf({ VERCEL: "1" })).toMatch(/DATABASE_URL: .*not persistent/);
    expect(errorOf({ VERCEL: "1", DATABASE_URL: "file:./x.db" })).toContain("DATABASE_URL");
    expect(
      parseEnv({ VERCEL: "1", DATABASE_URL: "postgresql://u:p@db/g", AUTH_SECRET })
        .databaseProvider,
    ).toBe("postgresql");
  });

  it("reads the alerts key as hex or base64, and refuses a key of the wrong size", () => {
    expect(parseEnv({}).alertsEncryptionKey).toBeUndefined();
    expect(parseEnv({ ALERTS_ENCRYPTION_KEY: "ab".repeat(32) }).alertsEncryptionKey).toHaveLength(
      32,
    );
    const base64 = Buffer.alloc(32, 7).toString("base64");
    expect(parseEnv({ ALERTS_ENCRYPTION_KEY: base64 }).alertsEncryptionKey).toEqual(
      Buffer.alloc(32, 7),
    );
    for (const bad of ["short", "ab".repeat(31), Buffer.alloc(16).toString("base64")])
      expect(errorOf({ ALERTS_ENCRYPTION_KEY: bad }), bad).toMatch(
        /ALERTS_ENCRYPTION_KEY: must be 32/,
      );
  });

  it("runs the scheduler in the server unless turned off or on Vercel", () => {
    expect(parseEnv({}).schedulerEnabled).toBe(true);
    expect(parseEnv({ GRANTDESK_SCHEDULER: "off" }).schedulerEnabled).toBe(false);
    expect(
      parseEnv({ VERCEL: "1", DATABASE_URL: "postgresql://u:p@db/g", AUTH_SECRET })
        .schedulerEnabled,
    ).toBe(false);
    expect(errorOf({ CRON_SECRET: "short" })).toMatch(/CRON_SECRET: must be at least 16/);
  });

  it("trusts no forwarding proxy unless told how many there are", () => {
    expect(parseEnv({}).trustedProxyHops).toBe(0);
    expect(parseEnv({ GRANTDESK_TRUSTED_PROXY_HOPS: " 2 " }).trustedProxyHops).toBe(2);
    for (const bad of ["-1", "1.5", "yes", "100"])
      expect(errorOf({ GRANTDESK_TRUSTED_PROXY_HOPS: bad }), bad).toMatch(
        /GRANTDESK_TRUSTED_PROXY_HOPS: must be how many proxies/,
      );
  });

  it("sizes the PostgreSQL pools 10 (Prisma) and 8 (webhook worker) unless told", () => {
    expect(parseEnv({})).toMatchObject({ dbPoolMax: 10, webhookPoolMax: 8 });
    expect(
      parseEnv({ GRANTDESK_DB_POOL_MAX: " 3 ", GRANTDESK_WEBHOOK_POOL_MAX: "100" }),
    ).toMatchObject({ dbPoolMax: 3, webhookPoolMax: 100 });
    for (const name of ["GRANTDESK_DB_POOL_MAX", "GRANTDESK_WEBHOOK_POOL_MAX"])
      for (const bad of ["0", "-1", "2.5", "ten", "101", "08"])
        expect(errorOf({ [name]: bad }), `${name}=${bad}`).toMatch(
          new RegExp(`${name}: must be a whole number of connections from 1 to 100`),
        );
  });

  it("keeps raw bodies 90 days and invalid ones 365 by default; off keeps them forever", () => {
    expect(parseEnv({})).toMatchObject({ keepRawBodiesDays: 90, keepInvalidBodiesDays: 365 });
    expect(
      parseEnv({
        GRANTDESK_KEEP_RAW_BODIES_DAYS: " 30 ",
        GRANTDESK_KEEP_INVALID_BODIES_DAYS: "OFF",
      }),
    ).toMatchObject({ keepRawBodiesDays: 30, keepInvalidBodiesDays: null });
    for (const bad of ["0", "-1", "1.5", "90d", "never"])
      expect(errorOf({ GRANTDESK_KEEP_RAW_BODIES_DAYS: bad }), bad).toMatch(
        /GRANTDESK_KEEP_RAW_BODIES_DAYS: must be a number of days/,
      );
  });

  it("ignores AUTH_URL on a Vercel Preview, whose URLs are its own", () => {
    const vercel = { VERCEL: "1", DATABASE_URL: "postgresql://u:p@db/g", AUTH_SECRET };
    const AUTH_URL = "https://grants.example.com";
    expect(parseEnv({ ...vercel, VERCEL_ENV: "production", AUTH_URL }).authUrl).toBe(AUTH_URL);
    expect(parseEnv({ ...vercel, VERCEL_ENV: "preview", AUTH_URL }).authUrl).toBeUndefined();
    expect(parseEnv({ AUTH_URL }).authUrl).toBe(AUTH_URL);
  });

  it("knows when it runs on Vercel", () => {
    expect(parseEnv({}).onVercel).toBe(false);
    expect(
      parseEnv({ VERCEL: "1", DATABASE_URL: "postgresql://u:p@db/g", AUTH_SECRET }).onVercel,
    ).toBe(true);
  });

  it("lists every bad variable at once", () => {
    const message = errorOf({ DODO_PAYMENTS_ENVIRONMENT: "x", AUTH_SECRET: "y" });
    expect(message).toContain("DODO_PAYMENTS_ENVIRONMENT");
    expect(message).toContain("AUTH_SECRET");
  });
});
