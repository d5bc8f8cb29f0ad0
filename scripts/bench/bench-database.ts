// The benchmark's database: a fresh one (a temporary SQLite file, or a database on a throwaway
// PostgreSQL server that commits durably, as production does), migrated with the project's
// migrations, or one kept by an earlier run (--reuse).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startThrowawayPostgres, type PostgresServer } from "../prisma/throwaway-postgres.mjs";

export type Provider = "sqlite" | "postgresql";
const DATABASE_NAME = "grantdesk_bench";

export type BenchDatabase = {
  provider: Provider;
  url: string;
  /** True when it was created (and is empty) for this run. */
  fresh: boolean;
  /** What --reuse takes to time the pages on it again. */
  reuseArgument: string;
  /** Stops the PostgreSQL server; deletes the data too unless `keep`. */
  dispose(keep: boolean): Promise<void>;
};

export function migrate(root: string, url: string): void {
  const result = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error("npm run db:migrate failed");
}

async function freshSqlite(root: string): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grantdesk-bench-pages-"));
  const file = path.join(dir, "bench.db");
  migrate(root, `file:${file}`);
  return {
    provider: "sqlite",
    url: `file:${file}`,
    fresh: true,
    reuseArgument: file,
    dispose: async (keep) => {
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresIn(dataDir: string, fresh: boolean, root: string): Promise<BenchDatabase> {
  const server: PostgresServer = await startThrowawayPostgres({ durable: true, dataDir });
  try {
    const url = fresh ? await server.createDatabase(DATABASE_NAME) : server.url(DATABASE_NAME);
    if (fresh) migrate(root, url);
    return {
      provider: "postgresql",
      url,
      fresh,
      reuseArgument: dataDir,
      dispose: async (keep) => {
        await server.stop();
        if (!keep && fresh) fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * --reuse takes what an earlier --keep printed: a SQLite file, a PostgreSQL data folder (its
 * server is started again), or a postgresql:// URL of a database on a server you run.
 */
async function reused(provider: Provider, target: string, root: string): Promise<BenchDatabase> {
  const keepAll = async () => undefined;
  if (/^postgres(ql)?:\/\//.test(target))
    return { provider, url: target, fresh: false, reuseArgument: target, dispose: keepAll };
  if (!fs.existsSync(target)) throw new Error(`--reuse ${target}: no such file or folder`);
  if (provider === "postgresql") return postgresIn(target, false, root);
  return {
    provider,
    url: `file:${path.resolve(target)}`,
    fresh: false,
    reuseArgument: target,
    dispose: keepAll,
  };
}

export async function openBenchDatabase(
  provider: Provider,
  reuse: string | undefined,
  root: string,
): Promise<BenchDatabase> {
  if (reuse) return reused(provider, reuse, root);
  if (provider === "sqlite") return freshSqlite(root);
  return postgresIn(fs.mkdtempSync(path.join(os.tmpdir(), "grantdesk-bench-pg-")), true, root);
}
