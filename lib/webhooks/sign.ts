// Signs a body as Dodo does (Standard Webhooks), for the send tool, the demo, the benchmark and
// the tests. Uses the same library that verifies, so the two cannot drift apart.
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";

export type SignedHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

export function newWebhookId(): string {
  return `msg_${randomUUID().replaceAll("-", "")}`;
}

export function signDelivery(
  secret: string,
  body: string,
  webhookId = newWebhookId(),
  at = new Date(),
): SignedHeaders {
  return {
    "webhook-id": webhookId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(webhookId, at, body),
  };
}
