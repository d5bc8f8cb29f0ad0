// `vercel build` offline. It needs no account and no network when .vercel/project.json already
// holds the project settings that `vercel pull` would download (it only asks to pull when
// `settings` is missing); the ids are placeholders no request is made with. The settings are what
// the dashboard sets for this project: the Next.js preset, no install step (the copy has
// node_modules), the build command left to the preset, which runs the `vercel-build` script
// (scripts/deploy/vercel-build.mjs: env check, migrations, next build), Node 24 as on Vercel.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const PROJECT_SETTINGS = {
  framework: "nextjs",
  installCommand: "", // empty: skip; unset would run `npm install`
  buildCommand: null,
  devCommand: null,
  outputDirectory: null,
  rootDirectory: null,
  nodeVersion: "24.x",
};

export function writeProjectJson(dir) {
  const project = {
    projectId: "prj_checkvercel",
    orgId: "team_checkvercel",
    settings: PROJECT_SETTINGS,
  };
  fs.mkdirSync(path.join(dir, ".vercel"), { recursive: true });
  fs.writeFileSync(path.join(dir, ".vercel/project.json"), `${JSON.stringify(project, null, 2)}\n`);
}

/**
 * Runs `vercel build --prod` in dir with env (the variables a Production deployment has) and its
 * output in logFile; throws with the log's tail when it fails.
 */
export function runVercelBuild(vercelBin, dir, env, logFile) {
  const log = fs.openSync(logFile, "w");
  try {
    const result = spawnSync(vercelBin, ["build", "--prod", "--yes"], {
      cwd: dir,
      env,
      stdio: ["ignore", log, log],
    });
    if (result.status !== 0) {
      const tail = fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-25).join("\n");
      throw new Error(
        `vercel build failed (exit ${result.status ?? result.signal}); log ${logFile}:\n${tail}`,
      );
    }
  } finally {
    fs.closeSync(log);
  }
  return path.join(dir, ".vercel/output");
}
