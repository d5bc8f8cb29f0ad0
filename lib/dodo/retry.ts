// Retrying Dodo calls: a 429 after the delay Dodo asks for, if it is short enough; a 5xx or a
// network failure after a short backoff, but only for requests that are safe to repeat.
import DodoPayments from "dodopayments";

export type RetryPolicy = {
  attempts: number;
  /** The longest Retry-After we are willing to wait; beyond it the 429 reaches the user. */
  maxWaitMs: number;
  /** GETs and the idempotent revoke: yes. Fulfilling a key: only on 429 (nothing was done). */
  repeatable: boolean;
};

export const INTERACTIVE: RetryPolicy = { attempts: 3, maxWaitMs: 5_000, repeatable: true };
export const BACKGROUND: RetryPolicy = { attempts: 5, maxWaitMs: 30_000, repeatable: true };

export function retryAfterMs(error: InstanceType<typeof DodoPayments.RateLimitError>): number {
  const header = error.headers?.get("retry-after");
  const seconds = header ? Number(header) : NaN;
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = header ? Date.parse(header) : NaN;
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 1_000;
}

function delayBefore(error: unknown, attempt: number, policy: RetryPolicy): number | null {
  if (error instanceof DodoPayments.RateLimitError) {
    const wait = retryAfterMs(error);
    return wait <= policy.maxWaitMs ? wait : null;
  }
  if (!policy.repeatable) return null;
  const transient =
    error instanceof DodoPayments.InternalServerError ||
    error instanceof DodoPayments.APIConnectionError;
  return transient ? Math.min(250 * 2 ** attempt, 4_000) : null;
}

export async function withRetries<T>(
  policy: RetryPolicy,
  call: () => Promise<T>,
  sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const wait = attempt + 1 < policy.attempts ? delayBefore(error, attempt, policy) : null;
      if (wait === null) throw error;
      await sleep(wait);
    }
  }
}
