// What `npm run check:vercel` asks of the served build: the requests a deployment must answer.
// Each returns a one-line detail on success and throws with what it saw on failure. The project's
// own tools make the delivery and the API key (webhook:send, apikey:create), as an operator would.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const EXAMPLE = "license-key-delivered"; // lib/webhooks/examples.ts
const EXAMPLE_GRANT = "grant_lk_delivered";

/** The checks, in order; ctx: { url, root, env, databaseUrl, webhookSecret }. */
export const CHECKS = [
  ["a signed webhook delivery answers 2xx and is stored", signedDelivery],
  ["a signed-out page request is sent to /sign-in", signedOutPage],
  ["the sign-in page and its static assets are served", signInPage],
  ["a signed-out API request is refused with 401", signedOutApi],
  ["an API request with an API key answers 200 with the grant", apiWithKey],
];

async function signedDelivery(ctx) {
  const id = `msg_checkvercel${Date.now()}`;
  const sent = await tsx(ctx, "scripts/webhook-send.ts", [
    EXAMPLE,
    "--url",
    `${ctx.url}/api/webhooks/dodo`,
    "--secret",
    ctx.webhookSecret,
    "--id",
    id,
  ]);
  const status = sent.stdout.match(/^(\d{3}) /m)?.[1];
  if (sent.status !== 0 || !status?.startsWith("2"))
    throw new Error(`webhook:send: ${(sent.stdout + sent.stderr).trim().slice(0, 400)}`);
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT outcome FROM "WebhookEvent" WHERE id = $1', [id]);
    if (rows.length !== 1) throw new Error(`answered ${status} but no WebhookEvent row ${id}`);
    return `${status}, stored as ${rows[0].outcome}`;
  } finally {
    await client.end();
  }
}

async function signedOutPage(ctx) {
  const response = await fetch(`${ctx.url}/grants`, { redirect: "manual" });
  const location = response.headers.get("location") ?? "";
  if (response.status === 401) return "401";
  if (
    ![302, 303, 307, 308].includes(response.status) ||
    !/^(https?:\/\/[^/]+)?\/sign-in/.test(location)
  )
    throw new Error(`expected a redirect to /sign-in or 401, got ${response.status} ${location}`);
  return `${response.status} → ${location}`;
}

async function signInPage(ctx) {
  const response = await fetch(`${ctx.url}/sign-in`);
  const html = await response.text();
  if (response.status !== 200 || !html.includes("<form"))
    throw new Error(`expected the sign-in form, got ${response.status}: ${html.slice(0, 200)}`);
  const assets = [...new Set(html.match(/\/_next\/static\/[^"'\s)]+\.(?:css|js)/g) ?? [])];
  if (!assets.length) throw new Error("the sign-in page links no /_next/static asset");
  for (const asset of assets) {
    const fetched = await fetch(`${ctx.url}${asset}`);
    if (fetched.status !== 200) throw new Error(`${asset} answered ${fetched.status}`);
    await fetched.arrayBuffer();
  }
  return `200, ${assets.length} assets 200`;
}

async function signedOutApi(ctx) {
  const response = await fetch(`${ctx.url}/api/v1/grants`);
  const body = await response.text();
  if (response.status !== 401)
    throw new Error(`expected 401, got ${response.status}: ${body.slice(0, 200)}`);
  return "401";
}

async function apiWithKey(ctx) {
  const created = await tsx(
    ctx,
    "scripts/apikey-create.ts",
    ["--name", "check:vercel"],
    ["--conditions=react-server"],
  );
  const key = created.stdout.trim().split("\n").at(-1);
  if (created.status !== 0 || !key)
    throw new Error(`apikey:create failed: ${created.stderr.trim().slice(0, 400)}`);
  const response = await fetch(`${ctx.url}/api/v1/grants`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`expected 200, got ${response.status}: ${body.slice(0, 200)}`);
  if (!body.includes(EXAMPLE_GRANT)) throw new Error(`200, but ${EXAMPLE_GRANT} is not listed`);
  return `200, lists ${EXAMPLE_GRANT}`;
}

/**
 * Runs a project script with tsx against the check's database (never printing the key). Not
 * spawnSync: the server answering the script runs in this process and must keep serving.
 */
async function tsx(ctx, script, args, nodeArgs = []) {
  const cli = path.join(ctx.root, "node_modules/tsx/dist/cli.mjs");
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [cli, ...nodeArgs, script, ...args],
      { cwd: ctx.root, env: ctx.env, encoding: "utf8", timeout: 120_000 },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const why = error.killed ? "timed out after 120 s" : `exit ${error.code ?? error.signal}`;
    return { status: 1, stdout: error.stdout ?? "", stderr: `${why}\n${error.stderr ?? ""}` };
  }
}
