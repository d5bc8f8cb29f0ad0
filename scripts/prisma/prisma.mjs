#!/usr/bin/env node
// `node scripts/prisma/prisma.mjs <prisma args…>`: the project's local Prisma CLI, with a schema
// engine that works on this machine.
//
// Prisma's migrate/db commands spawn a native `schema-engine` binary, downloaded on first use.
// Where it is already there (a developer laptop, Vercel's build) it is used as is. Where it is not,
// and cannot be downloaded (offline machines), PRISMA_SCHEMA_ENGINE_BINARY points the CLI at the
// stand-in, scripts/prisma/schema-engine.mjs (the same engine compiled to WebAssembly).
//
// Which engine:
//   GRANTDESK_SCHEMA_ENGINE=wasm     the stand-in, always
//   GRANTDESK_SCHEMA_ENGINE=native   Prisma's own resolution (downloads the binary if missing)
//   otherwise                        native when PRISMA_SCHEMA_ENGINE_BINARY is already set, or
//                                    Prisma's downloaded binary exists; else the stand-in
//
// DIRECT_DATABASE_URL, when set, is the database the CLI works on instead of DATABASE_URL.
//
// Also importable: `runPrisma(args, options)` and `prismaEnv(env)` for the other db:* scripts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { migrationDatabaseUrl } from "../../lib/database-url.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

export const STAND_IN = path.join(here, "schema-engine.mjs");
export const PROJECT_ROOT = path.resolve(here, "../..");

/** Environment that keeps the CLI off the network for anything but the engine download. */
const QUIET_ENV = {
  PRISMA_HIDE_UPDATE_MESSAGE: "1", // no "update available" check
  CHECKPOINT_DISABLE: "1", // no telemetry/version checkpoint
  NEXT_TELEMETRY_DISABLED: "1",
};

/**
 * Prisma's own downloaded schema engine for this platform, if present: the CLI looks in these
 * folders for `schema-engine-<binary target>` (e.g. schema-engine-debian-openssl-3.0.x).
 */
export async function findNativeSchemaEngine() {
  const prismaDir = path.dirname(require.resolve("prisma/package.json"));
  const dirs = [
    path.dirname(require.resolve("@prisma/engines/package.json")),
    prismaDir,
    path.dirname(prismaDir),
  ];
  const candidates = dirs.flatMap((dir) => {
    try {
      return fs
        .readdirSync(dir)
        .filter(
          (name) =>
            /^schema-engine-[a-z0-9.-]+?(\.exe)?$/.test(name) && !/\.(gz|sha256|sig)$/.test(name),
        )
        .map((name) => path.join(dir, name));
    } catch {
      return [];
    }
  });
  if (candidates.length === 0) return undefined; // the usual case offline: no need to ask more

  // Only the binary for this platform counts: given another, the CLI would try to download.
  const target = await currentBinaryTarget();
  return candidates.find((file) => {
    const name = path.basename(file, ".exe");
    if (target && name !== `schema-engine-${target}`) return false;
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).size > 1_000_000; // not an interrupted download
    } catch {
      return false;
    }
  });
}

/** Prisma's name for this platform (e.g. debian-openssl-3.0.x), as its CLI computes it. */
async function currentBinaryTarget() {
  try {
    const { getBinaryTargetForCurrentPlatform } = require("@prisma/get-platform");
    return await getBinaryTargetForCurrentPlatform();
  } catch {
    return undefined; // cannot tell: accept any schema-engine-* binary
  }
}

/** "wasm" (the stand-in) or "native", per the rules at the top of this file. */
export async function chooseEngine(env = process.env) {
  const forced = env.GRANTDESK_SCHEMA_ENGINE?.trim().toLowerCase();
  if (forced === "wasm" || forced === "native") return forced;
  if (forced)
    throw new Error(`GRANTDESK_SCHEMA_ENGINE must be "wasm" or "native", not "${forced}"`);
  if (env.PRISMA_SCHEMA_ENGINE_BINARY) return "native";
  return (await findNativeSchemaEngine()) ? "native" : "wasm";
}

/**
 * The environment to run the Prisma CLI with. Its DATABASE_URL is the migration URL:
 * DIRECT_DATABASE_URL when set (lib/database-url.mjs), so migrate, status and reset go around a
 * pooler while the app keeps the pooled DATABASE_URL.
 */
export async function prismaEnv(env = process.env) {
  const databaseUrl = migrationDatabaseUrl(env);
  const out = {
    ...env,
    ...Object.fromEntries(Object.entries(QUIET_ENV).filter(([, v]) => v !== undefined)),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  if ((await chooseEngine(env)) === "wasm") {
    ensureExecutable(STAND_IN); // the CLI spawns it directly: it must keep its exec bit
    out.PRISMA_SCHEMA_ENGINE_BINARY = STAND_IN;
  }
  return out;
}

function ensureExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    fs.chmodSync(file, 0o755);
  }
}

/**
 * Run the local Prisma CLI. Resolves with { code, stdout, stderr } (stdout/stderr only when
 * captured: `capture: true`); never rejects on a non-zero exit.
 */
export async function runPrisma(
  args,
  { env = process.env, cwd = PROJECT_ROOT, capture = false, forwardSignals = false } = {},
) {
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  const childEnv = await prismaEnv(env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: childEnv,
      stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    const forward = (signal) => child.kill(signal);
    if (forwardSignals)
      for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, forward);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (forwardSignals) for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.off(s, forward);
      resolve({ code: code ?? 128 + signalNumber(signal), stdout, stderr });
    });
  });
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 0;
}

// Run as a script: forward the arguments, stdio and exit code.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Signals go on to the CLI; we exit with its code once it has stopped.
  try {
    const { code } = await runPrisma(process.argv.slice(2), {
      cwd: process.cwd(),
      forwardSignals: true,
    });
    process.exit(code);
  } catch (error) {
    console.error(`prisma.mjs: ${error.message}`);
    process.exit(2);
  }
}
