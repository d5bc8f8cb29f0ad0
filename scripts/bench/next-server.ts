// `next start` for the benchmark, as scripts/bench-ingest.ts starts it: on 127.0.0.1, in its own
// process group (stopping it stops any child it spawned), with its output kept in a log file for
// when something goes wrong.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { nextStartArgs, serverEnv } from "../next-start.mjs";

export type NextServer = { process: ChildProcess; pid: number; baseUrl: string; logFile: string };

/** A stale build would be measured instead of the code: say how old it is; build when there is none. */
export function ensureBuild(root: string, log: (line: string) => void): void {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!fs.existsSync(buildId)) {
    log("no .next build: running `npx next build`");
    const built = spawnSync("npx", ["next", "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (built.status !== 0) throw new Error("next build failed");
    return;
  }
  const builtAt = fs.statSync(buildId).mtime;
  log(
    `using the .next build of ${builtAt.toISOString()} (run \`npx next build\` after changing code)`,
  );
}

async function assertPortFree(baseUrl: string) {
  const answered = await fetch(`${baseUrl}/api/health/live`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`something already answers at ${baseUrl}; stop it or pass --port`);
}

async function waitForHealth(server: NextServer) {
  for (let i = 0; i < 480; i++) {
    if (server.process.exitCode !== null)
      throw new Error(`next start exited with ${server.process.exitCode}; see ${server.logFile}`);
    const ok = await fetch(`${server.baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not become healthy; see ${server.logFile}`);
}

export async function startNextServer(
  root: string,
  port: number,
  env: Record<string, string>,
  logFile: string,
): Promise<NextServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  await assertPortFree(baseUrl);
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, nextStartArgs(["-H", "127.0.0.1", "-p", String(port)]), {
    cwd: root,
    env: serverEnv({ ...process.env, ...env }),
    stdio: ["ignore", out, out],
    detached: true,
  });
  fs.closeSync(out);
  const server = { process: child, pid: child.pid!, baseUrl, logFile };
  await waitForHealth(server);
  return server;
}

/** SIGTERM to its process group, then SIGKILL if Next is still draining connections after 5 s. */
export async function stopNextServer(server: NextServer): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  const timer = setTimeout(() => process.kill(-server.pid, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
