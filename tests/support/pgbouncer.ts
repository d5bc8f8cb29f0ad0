// A real PgBouncer in transaction mode in front of the test's PostgreSQL server, for the pooler
// tests. It is Debian's `pgbouncer` package (scripts/test.mjs installs it with apt when it runs as
// root); PGBOUNCER_PATH names another binary. Its config lives in a temporary folder; it runs in
// the foreground as this test's child and is stopped by its pid.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "../../scripts/prisma/throwaway-postgres.mjs";

const CANDIDATES = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"];

/** The binary, or why there is none (the message a test fails with). */
export function findPgBouncer(): { path: string } | { missing: string } {
  const named = process.env.PGBOUNCER_PATH;
  if (named)
    return fs.existsSync(named)
      ? { path: named }
      : { missing: `PGBOUNCER_PATH=${named} does not exist` };
  for (const candidate of CANDIDATES) if (fs.existsSync(candidate)) return { path: candidate };
  try {
    return {
      path: execFileSync("sh", ["-c", "command -v pgbouncer"], { encoding: "utf8" }).trim(),
    };
  } catch {
    return {
      missing: `pgbouncer is not installed (looked on PATH and in ${CANDIDATES.join(", ")}). Install Debian's package (sudo apt-get install pgbouncer; node scripts/test.mjs does it when run as root), set PGBOUNCER_PATH to a pgbouncer binary, or set SKIP_PGBOUNCER=1 to skip this test.`,
    };
  }
}

export type PgBouncer = { url: (database: string) => string; stop: () => Promise<void> };

/** PgBouncer refuses to run as root; as root it switches to this system user (from PostgreSQL). */
const RUN_AS_WHEN_ROOT = "postgres";

export async function startPgBouncer(
  binary: string,
  serverUrl: string,
  options: { poolSize: number },
): Promise<PgBouncer> {
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grantdesk-pgbouncer-"));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, "users.txt"), `"${user}" "${password}"\n`);
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port} user=${user} password=${password}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "users.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${options.poolSize}`,
      "max_client_conn = 1000",
      "ignore_startup_parameters = extra_float_digits,options",
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const [uid, gid] = ["-u", "-g"].map((flag) =>
      Number(execFileSync("id", [flag, RUN_AS_WHEN_ROOT], { encoding: "utf8" })),
    );
    for (const file of [dir, ...fs.readdirSync(dir).map((f) => path.join(dir, f))])
      fs.chownSync(file, uid!, gid!);
  }
  const args = [...(asRoot ? ["-u", RUN_AS_WHEN_ROOT] : []), path.join(dir, "pgbouncer.ini")];
  const child: ChildProcess = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = (database: string) =>
    `postgresql://${server.username}:${server.password}@127.0.0.1:${port}/${database}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGINT");
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url(server.pathname.slice(1)) });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return { url, stop };
    } catch (error) {
      await client.end().catch(() => undefined);
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`pgbouncer did not start: ${(error as Error).message}\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
