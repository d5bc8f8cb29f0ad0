// The Vercel build refuses the configuration the deployed app would refuse, with the same words:
// a missing or SQLite DATABASE_URL used to build green and deploy an app that failed every request,
// and a missing AUTH_SECRET built green and deployed an app that refused to start.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const root = path.join(import.meta.dirname, "../..");
const POSTGRES = "postgresql://u:p@db.example.com:5432/grants";
const WEBHOOK_KEY = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
/** Everything a Vercel deployment needs; each test below breaks one of them. */
const GOOD = {
  VERCEL: "1",
  DATABASE_URL: POSTGRES,
  AUTH_SECRET: "0123456789abcdef0123456789abcdef",
  DODO_PAYMENTS_WEBHOOK_KEY: WEBHOOK_KEY,
};

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

/** What the running app says about the same configuration's variable (lib/env.ts). */
function runtimeMessage(vars: Record<string, string>, variable = "DATABASE_URL"): string {
  try {
    parseEnv({ NODE_ENV: "production", ...vars });
  } catch (error) {
    return (error as Error).message.match(new RegExp(`^  ${variable}: (.*)$`, "m"))?.[1] ?? "";
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
    expect(runScript("check-deploy-env.mjs", GOOD).code).toBe(0);
    expect(runScript("check-deploy-env.mjs", {}).code).toBe(0);
  });

  it("checks DIRECT_DATABASE_URL too, when it is set", () => {
    const { code, output } = runScript("check-deploy-env.mjs", {
      ...GOOD,
      DIRECT_DATABASE_URL: "file:./data/x.db",
    });
    expect(code).toBe(1);
    expect(output).toContain("DIRECT_DATABASE_URL: must be a postgresql:// URL on Vercel");
    expect(output).not.toMatch(/^\s*DATABASE_URL:/m);
  });

  it.each([
    ["AUTH_SECRET unset", { AUTH_SECRET: "" }, "is required with a PostgreSQL database"],
    ["a short AUTH_SECRET", { AUTH_SECRET: "short-secret" }, "at least 32 characters"],
  ])("fails the build on %s, with the runtime's message", (_, change, expected) => {
    const vars = { ...GOOD, ...change };
    const { code, output } = runScript("check-deploy-env.mjs", vars);
    expect(code).toBe(1);
    const message = runtimeMessage(vars, "AUTH_SECRET");
    expect(message).toContain(expected);
    expect(output).toContain(`AUTH_SECRET: ${message}`);
    expect(output).not.toContain(change.AUTH_SECRET || "(no secret)"); // never echoes a secret
  });

  it("fails the build on a malformed webhook secret, with the runtime's message", () => {
    const vars = { ...GOOD, DODO_PAYMENTS_WEBHOOK_KEY: `${WEBHOOK_KEY} not-a-secret` };
    const { code, output } = runScript("check-deploy-env.mjs", vars);
    expect(code).toBe(1);
    const message = runtimeMessage(vars, "DODO_PAYMENTS_WEBHOOK_KEY");
    expect(message).toContain("secret #2 is not of the form whsec_");
    expect(output).toContain(`DODO_PAYMENTS_WEBHOOK_KEY: ${message}`);
  });

  it("fails the build without a webhook secret: the route would refuse every delivery", () => {
    const { code, output } = runScript("check-deploy-env.mjs", {
      ...GOOD,
      DODO_PAYMENTS_WEBHOOK_KEY: " ",
    });
    expect(code).toBe(1);
    expect(output).toContain("DODO_PAYMENTS_WEBHOOK_KEY: is not set");
    expect(output).not.toMatch(/^\s*(DATABASE_URL|AUTH_SECRET):/m);
  });

  it("leaves secrets alone off Vercel (the SQLite default generates its own AUTH_SECRET)", () => {
    expect(runScript("check-deploy-env.mjs", { DATABASE_URL: POSTGRES }).code).toBe(0);
  });

  it("stops `npm run vercel-build` without AUTH_SECRET, before it migrates anything", () => {
    const { code, output } = runScript("vercel-build.mjs", { ...GOOD, AUTH_SECRET: "" });
    expect(code).toBe(1);
    expect(output).toContain("AUTH_SECRET: is required with a PostgreSQL database");
    expect(output).not.toContain("apply migrations");
  });

  it("stops `npm run vercel-build` before it migrates or builds anything", () => {
    const { code, output } = runScript("vercel-build.mjs", { VERCEL: "1" });
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL: must be a postgresql:// URL on Vercel");
    expect(output).not.toContain("apply migrations");
    expect(output).not.toContain("next build");
  });
});
