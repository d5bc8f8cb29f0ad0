// The Vercel build refuses the configuration the deployed app would refuse, with the same words:
// a missing or SQLite DATABASE_URL used to build green and deploy an app that failed every request.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const root = path.join(import.meta.dirname, "../..");
const POSTGRES = "postgresql://u:p@db.example.com:5432/grants";

/** Runs a deploy script with exactly these variables (plus PATH), as a Vercel build would. */
function runScript(script: string, vars: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts/deploy", script)], {
    cwd: root,
    env: { NODE_ENV: "production", PATH: process.env.PATH, ...vars },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** What the running app says about the same configuration (lib/env.ts). */
function runtimeMessage(vars: Record<string, string>): string {
  try {
    parseEnv(vars);
  } catch (error) {
    return (error as Error).message.match(/DATABASE_URL: (.*)/)?.[1] ?? "";
  }
  throw new Error("expected the runtime to refuse it too");
}

describe("the Vercel build's configuration check", () => {
  it.each([
    ["DATABASE_URL unset", { VERCEL: "1" }],
    ["DATABASE_URL empty", { VERCEL: "1", DATABASE_URL: " " }],
    ["a SQLite DATABASE_URL", { VERCEL: "1", DATABASE_URL: "file:./data/x.db" }],
  ])("fails the build on %s, with the runtime's message", (_, vars) => {
    const { code, output } = runScript("check-deploy-env.mjs", vars);
    expect(code).toBe(1);
    const message = runtimeMessage(vars);
    expect(message).toContain("must be a postgresql:// URL on Vercel");
    expect(output).toContain(`DATABASE_URL: ${message}`);
  });

  it("passes with a PostgreSQL URL, and off Vercel with none", () => {
    expect(runScript("check-deploy-env.mjs", { VERCEL: "1", DATABASE_URL: POSTGRES }).code).toBe(0);
    expect(runScript("check-deploy-env.mjs", {}).code).toBe(0);
  });

  it("checks DIRECT_DATABASE_URL too, when it is set", () => {
    const { code, output } = runScript("check-deploy-env.mjs", {
      VERCEL: "1",
      DATABASE_URL: POSTGRES,
      DIRECT_DATABASE_URL: "file:./data/x.db",
    });
    expect(code).toBe(1);
    expect(output).toContain("DIRECT_DATABASE_URL: must be a postgresql:// URL on Vercel");
    expect(output).not.toMatch(/^\s*DATABASE_URL:/m);
  });

  it("stops `npm run vercel-build` before it migrates or builds anything", () => {
    const { code, output } = runScript("vercel-build.mjs", { VERCEL: "1" });
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL: must be a postgresql:// URL on Vercel");
    expect(output).not.toContain("apply migrations");
    expect(output).not.toContain("next build");
  });
});
