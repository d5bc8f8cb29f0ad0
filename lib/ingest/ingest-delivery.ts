// POST /api/webhooks/dodo, end to end: size limit → signature → parse → store → answer. The answer
// is 2xx only once the delivery is durably stored; anything that stops us storing it answers 5xx
// so Dodo redelivers (its retries span about 27 hours). Parsing and storing run in the ingestion
// worker (worker-client.ts).
import "server-only";
import { noteSignatureFailure } from "@/lib/alerts/signature-failures";
import { getEnv } from "@/lib/env";
import { logDelivery } from "./delivery-log";
import { answerInWorker } from "./worker-client";
import { receiveBody } from "./receive";
import { verifySignature } from "./verify";

export const MAX_WEBHOOK_BYTES = 256 * 1024;

export async function ingestDelivery(request: Request): Promise<Response> {
  const started = performance.now();
  const webhookId = request.headers.get("webhook-id");
  const respond = (
    status: number,
    body: Record<string, unknown>,
    log: { type: string | null; grantId: string | null; outcome: string },
    headers?: HeadersInit,
  ) => {
    logDelivery({ webhookId, ...log, status, ms: performance.now() - started });
    return Response.json(body, { status, headers });
  };
  const rejected = { type: null, grantId: null, outcome: "rejected" };

  const env = getEnv();
  if (env.webhookSecrets.length === 0) {
    return respond(
      500,
      {
        error:
          "DODO_PAYMENTS_WEBHOOK_KEY is not set: Grantdesk cannot verify webhooks and refuses them all",
      },
      rejected,
    );
  }
  const read = await receiveBody(request, MAX_WEBHOOK_BYTES);
  if (!read.ok)
    return respond(413, { error: `body larger than ${MAX_WEBHOOK_BYTES} bytes` }, rejected);

  const verified = verifySignature(read.body, request.headers, env.webhookSecrets);
  if (!verified.ok) {
    // For the signature-failures alert (a wrong or rotated secret); in memory, written later.
    noteSignatureFailure();
    return respond(401, { error: verified.reason }, rejected);
  }

  const database = { databaseUrl: env.databaseUrl, pgPoolSize: env.webhookPoolMax };
  const answer = await answerInWorker(database, {
    webhookId: verified.webhookId,
    body: read.body,
  });
  return respond(
    answer.status,
    answer.body,
    answer.log,
    answer.retryAfter ? { "Retry-After": answer.retryAfter } : undefined,
  );
}
