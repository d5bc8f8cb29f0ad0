// Standard Webhooks verification of the raw body, against every configured secret: during a
// rotation Dodo signs with the new secret while the old one stays valid for 24 h.
import { Webhook, WebhookVerificationError } from "standardwebhooks";

export type SignatureCheck = { ok: true; webhookId: string } | { ok: false; reason: string };

const REQUIRED_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

export function verifySignature(
  body: string,
  headers: Headers,
  secrets: readonly string[],
): SignatureCheck {
  const values: Record<string, string> = {};
  for (const name of REQUIRED_HEADERS) {
    const value = headers.get(name);
    if (!value) return { ok: false, reason: `missing ${name} header` };
    values[name] = value;
  }
  let reason = "no matching signature";
  for (const secret of secrets) {
    try {
      // jsonParse: false — parsing is ours, after verification, so a signed non-JSON body is
      // stored as invalid instead of failing here.
      new Webhook(secret).verify(body, values, { jsonParse: false });
      return { ok: true, webhookId: values["webhook-id"]! };
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) {
        // A malformed signature list must read as "not verified" (401), never as a crash (500).
        reason = "malformed webhook-signature header";
        continue;
      }
      reason = describeFailure(error.message);
      // A timestamp outside the tolerance fails the same way for every secret.
      if (reason !== "no matching signature") break;
    }
  }
  return { ok: false, reason };
}

function describeFailure(message: string): string {
  if (/too old/i.test(message)) return "timestamp too old (more than 300 s)";
  if (/too new/i.test(message)) return "timestamp too new (more than 300 s ahead)";
  if (/invalid signature headers/i.test(message)) return "invalid webhook-timestamp header";
  if (/missing/i.test(message)) return "missing webhook headers";
  return "no matching signature";
}
