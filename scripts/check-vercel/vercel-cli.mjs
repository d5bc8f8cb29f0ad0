// The pinned Vercel CLI, installed on first use into a project-local cache (.tmp/vercel-cli, git-
// ignored) instead of being a devDependency: it is ~200 packages that every `npm ci` would pay for,
// and only this check needs it. 58.10.0 is pinned because it installs here; 61 and newer do not.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const VERCEL_CLI_VERSION = "58.10.0";

/** The path of the `vercel` binary, installing the pinned version first when it is missing. */
export function ensureVercelCli(root, log = console.log) {
  const prefix = path.join(root, ".tmp/vercel-cli");
  const bin = path.join(prefix, "node_modules/.bin/vercel");
  if (installedVersion(prefix) === VERCEL_CLI_VERSION && fs.existsSync(bin)) return bin;
  log(`  installing vercel@${VERCEL_CLI_VERSION} into ${path.relative(root, prefix)} (once)`);
  fs.mkdirSync(prefix, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(
    npm,
    [
      "install",
      "--prefix",
      prefix,
      "--no-save",
      "--no-audit",
      "--no-fund",
      `vercel@${VERCEL_CLI_VERSION}`,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  if (result.status !== 0 || installedVersion(prefix) !== VERCEL_CLI_VERSION) {
    throw new Error(
      `could not install vercel@${VERCEL_CLI_VERSION} from the npm registry (npm exit ${result.status ?? result.signal}). ` +
        "Nothing was built or served: check the registry is reachable (npm config get registry), " +
        `or install it yourself: npm install --prefix .tmp/vercel-cli vercel@${VERCEL_CLI_VERSION}`,
    );
  }
  return bin;
}

function installedVersion(prefix) {
  try {
    const pkg = path.join(prefix, "node_modules/vercel/package.json");
    return JSON.parse(fs.readFileSync(pkg, "utf8")).version;
  } catch {
    return undefined;
  }
}
