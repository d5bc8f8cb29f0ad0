// One verified delivery, from its stored-or-not check to the answer: already stored? → parse →
// store. Runs in the ingestion worker (worker.ts) and never throws: every failure becomes
// the answer Dodo should get — 503 with Retry-After when the database cannot take it (Dodo
// redelivers), 500 only for a bug.
import type { Driver } from "@/lib/db-driver";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { parseDelivery } from "./parse";
import { findRecordedDelivery, storeDelivery, type Outcome } from "./store";

const RETRY_AFTER_SECONDS = "30";

/** Verified on the server's thread: its clock is the time of receipt, and junk never gets here. */
export type VerifiedBody = { webhookId: string; body: string };

/** What the log line says of a delivery besides its id, status and time. */
export type LoggedFields = {
  type: string | null;
  grantId: string | null;
  outcome: Outcome | "rejected" | "error";
};

/** A plain object (it crosses threads): the response to send and what to log. */
export type Answer = {
  status: number;
  body: Record<string, unknown>;
  retryAfter?: string;
  log: LoggedFields;
};

const failed = (outcome: LoggedFields["outcome"]): LoggedFields => ({
  type: null,
  grantId: null,
  outcome,
});

export function unavailableAnswer(error: string): Answer {
  return { status: 503, body: { error }, retryAfter: RETRY_AFTER_SECONDS, log: failed("error") };
}

/** `driver` opens (or returns) the connection; opening can fail like any statement. */
export async function answerDelivery(
  driver: () => Driver,
  { webhookId, body }: VerifiedBody,
): Promise<Answer> {
  try {
    const db = driver();
    const recorded =
      (await findRecordedDelivery(db, webhookId)) ??
      (await storeDelivery(db, {
        webhookId,
        body,
        parsed: parseDelivery(body),
        source: "webhook",
      }));
    return { status: 200, body: { ok: true, outcome: recorded.outcome }, log: recorded };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return unavailableAnswer("database unavailable, retry later");
    console.error("webhook: unexpected error", error instanceof Error ? error.stack : error);
    return { status: 500, body: { error: "internal error" }, log: failed("error") };
  }
}
