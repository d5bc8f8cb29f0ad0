// The door of /api/cron/*: machine-to-machine, so no session; Vercel Cron sends
// `Authorization: Bearer ${CRON_SECRET}`. Without CRON_SECRET configured every call is refused.
import "server-only";
import crypto from "node:crypto";
import { getEnv } from "../env";

export function isCronAuthorized(request: Request): boolean {
  const secret = getEnv().cronSecret;
  if (!secret) return false;
  const given = request.headers.get("authorization") ?? "";
  const expected = `Bearer ${secret}`;
  // Compare digests: equal length, constant time, whatever was sent.
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

export function cronRefusal(): Response {
  return Response.json(
    { error: "send Authorization: Bearer <CRON_SECRET>" },
    { status: 401, headers: { "Cache-Control": "no-store" } },
  );
}
