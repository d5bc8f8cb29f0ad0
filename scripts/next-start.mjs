#!/usr/bin/env node
// `next start` the way Grantdesk runs in production when self-hosted: with a cap on V8's heap.
//
// Without a cap, V8 sizes the old generation from the machine's memory (about 4 GB here) and
// collects lazily, so a server that holds little keeps the garbage of every page it rendered:
// at 1,000,000 grants `next start` peaked at 546–578 MB resident, while the same run with a
// 256 MB heap peaked at 378 MB with no out-of-memory error (docs/performance.md, issue 13). The
// cap is a default: a NODE_OPTIONS that already sets --max-old-space-size wins. Vercel sizes its
// functions itself and never runs this file.
//
// The young generation is capped too, at Node 20's 16 MB semi-space: Node 24's V8 sizes it larger,
// and every isolate (the server and its two worker threads: SQLite queries, ingestion) has one.
// At 1,000,000 grants the same bench:pages run peaked at 593 MB resident on Node 24 without it,
// 405 MB with it (Node 20: 420–435 MB). Likewise a NODE_OPTIONS --max-semi-space-size wins.
//
//   node scripts/next-start.mjs [next start options…]   (npm start runs it after db:migrate)
import { spawn } from "node:child_process";
import path from "node:path";

export const SERVER_HEAP_MB = 320;
export const SERVER_SEMI_SPACE_MB = 16;
export const NEXT_BIN = "node_modules/next/dist/bin/next";

const DEFAULT_FLAGS = [
  ["--max-old-space-size", SERVER_HEAP_MB],
  ["--max-semi-space-size", SERVER_SEMI_SPACE_MB],
];

/** NODE_OPTIONS with the heap caps added, each unless the operator set their own. */
export function serverNodeOptions(nodeOptions = "") {
  const added = DEFAULT_FLAGS.filter(([flag]) => !new RegExp(`${flag}\\b`).test(nodeOptions));
  return [nodeOptions, ...added.map(([flag, mb]) => `${flag}=${mb}`)].join(" ").trim();
}

/** `env` for a `next start` child: the caller's variables plus the heap cap. */
export function serverEnv(env = process.env) {
  return { ...env, NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS) };
}

/** The arguments after `node` that start the built app with the given `next start` options. */
export function nextStartArgs(options = []) {
  return [NEXT_BIN, "start", ...options];
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const server = spawn(process.execPath, nextStartArgs(process.argv.slice(2)), {
    stdio: "inherit",
    env: serverEnv(),
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
