// The one place a Dodo API client is made, from DODO_PAYMENTS_API_KEY, _ENVIRONMENT and _BASE_URL.
// The SDK's own retries are off: it would wait as long as a 429's Retry-After says, however long;
// ours (retry.ts) wait a bounded time and only where repeating a request is safe.
import DodoPayments from "dodopayments";
import { getEnv } from "../env";

/**
 * Per request: long enough for a page of 100 grants on a slow day, short enough for someone
 * waiting on a button. Mutable so tests can exercise a timeout without waiting 15 s.
 */
export const dodoTimeouts = { requestMs: 15_000 };

export class DodoNotConfiguredError extends Error {
  override name = "DodoNotConfiguredError";
  constructor() {
    super(
      "No Dodo API key is configured: set DODO_PAYMENTS_API_KEY (Dodo dashboard → Developer → API keys) and restart Grantdesk.",
    );
  }
}

/** Why the Dodo actions are unavailable, or null when they are available. */
export function dodoUnavailableReason(): string | null {
  return getEnv().dodoApiKey ? null : new DodoNotConfiguredError().message;
}

export function dodoClient(): DodoPayments {
  const env = getEnv();
  if (!env.dodoApiKey) throw new DodoNotConfiguredError();
  return new DodoPayments({
    bearerToken: env.dodoApiKey,
    // The SDK refuses both at once ("ambiguous URL"): a base URL (the stand-in) replaces the mode's.
    environment: env.dodoBaseUrl ? undefined : env.dodoEnvironment,
    baseURL: env.dodoBaseUrl ?? null,
    logLevel: "off",
    webhookKey: null,
    timeout: dodoTimeouts.requestMs,
    maxRetries: 0,
  });
}
