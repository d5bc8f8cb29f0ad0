// POST /api/webhooks/dodo, end to end: size limit → signature → parse → store → answer. The answer
// is 2xx only once the delivery is durably stored; anything that stops us storing it answers 5xx
// so Dodo redelivers (its retries span about 27 hours).
import "server-only";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { getEnv } from "@/lib/env";
import { parseDelivery } from "./envelope";
import { logDelivery } from "./delivery-log";
import { readBodyWithLimit } from "./read-body";
import { recordDelivery, type Outcome } from "./record-delivery";
import { verifyDelivery } from "./verify";

export const MAX_WEBHOOK_BYTES = 256 * 1024;
const RETRY_AFTER_SECONDS = "30";

type Logged = { webhookId: string | null; type: string | null; grantId: string | null; outcome: Outcome | "rejected" | "error" };

export async function handleDodoWebhook(request: Request): Promise<Response> {
  const started = performance.now();
  const log: Logged = { webhookId: request.headers.get("webhook-id"), type: null, grantId: null, outcome: "rejected" };
  const respond = (status: number, body: Record<string, unknown>, headers?: HeadersInit) => {
    logDelivery({ ...log, status, ms: performance.now() - started });
    return Response.json(body, { status, headers });
  };

  const secrets = getEnv().webhookSecrets;
  if (secrets.length === 0) {
    return respond(500, { error: "DODO_PAYMENTS_WEBHOOK_KEY is not set: Grantdesk cannot verify webhooks and refuses them all" });
  }
  const read = await readBodyWithLimit(request, MAX_WEBHOOK_BYTES);
  if (!read.ok) return respond(413, { error: `body larger than ${MAX_WEBHOOK_BYTES} bytes` });

  const verified = verifyDelivery(read.body, request.headers, secrets);
  if (!verified.ok) return respond(401, { error: verified.reason });

  const parsed = parseDelivery(read.body);
  try {
    const recorded = await recordDelivery(verified.webhookId, read.body, parsed);
    Object.assign(log, recorded);
    return respond(200, { ok: true, outcome: recorded.outcome });
  } catch (error) {
    log.outcome = "error";
    if (isDatabaseUnavailable(error)) {
      return respond(503, { error: "database unavailable, retry later" }, { "Retry-After": RETRY_AFTER_SECONDS });
    }
    console.error("webhook: unexpected error", error instanceof Error ? error.stack : error);
    return respond(500, { error: "internal error" });
  }
}
