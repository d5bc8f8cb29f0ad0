// The admin the benchmark signs in as: created with `npm run user:create` (a database reused by
// --reuse may have it already), then signed in through Better Auth's own endpoint, as the sign-in
// page does, for the session cookie every timed request carries.
import { spawnSync } from "node:child_process";

const ADMIN_EMAIL = "bench-admin@grantdesk.local";
// A throwaway database's only account; --reuse needs it to be the same every run.
const ADMIN_PASSWORD = "long-throwaway-passphrase-0123";

export function createBenchAdmin(root: string, env: Record<string, string>): void {
  const result = spawnSync(
    "npm",
    [
      "run",
      "--silent",
      "user:create",
      "--",
      "--email",
      ADMIN_EMAIL,
      "--password",
      ADMIN_PASSWORD,
      "--role",
      "admin",
    ],
    { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" },
  );
  if (result.status !== 0 && !/already/i.test(result.stderr + result.stdout))
    throw new Error(`npm run user:create failed: ${result.stderr || result.stdout}`);
}

/** The Cookie header a browser would send after signing in. */
export async function signInAsAdmin(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const check = await fetch(`${baseUrl}/api/v1/grants?size=25`, { headers: { cookie } });
  if (check.status !== 200)
    throw new Error(`signed in, but /api/v1/grants answered ${check.status}`);
  return cookie;
}
