// What a person reads when Dodo refuses or cannot be reached. Nothing changes locally in any of
// these cases: the callers only write after Dodo has answered 2xx.
import DodoPayments from "dodopayments";
import { DodoNotConfiguredError } from "./client";
import { retryAfterMs } from "./retry";

export function dodoErrorMessage(error: unknown): string | null {
  if (error instanceof DodoNotConfiguredError) return error.message;
  if (error instanceof DodoPayments.AuthenticationError)
    return "Dodo refused the API key (401). Check DODO_PAYMENTS_API_KEY and that it belongs to this business and mode (test or live).";
  if (error instanceof DodoPayments.PermissionDeniedError)
    return "Dodo says this API key may not do that (403). Give the key write access in Dodo's dashboard.";
  if (error instanceof DodoPayments.NotFoundError)
    return "Dodo does not know this grant or entitlement (404). It may belong to another business or mode, or have been deleted.";
  if (error instanceof DodoPayments.UnprocessableEntityError)
    return `Dodo refused the request (422): ${detailOf(error)}`;
  if (error instanceof DodoPayments.BadRequestError)
    return `Dodo refused the request (400): ${detailOf(error)}`;
  if (error instanceof DodoPayments.RateLimitError)
    return `Dodo is rate-limiting requests (429). Try again in ${Math.ceil(retryAfterMs(error) / 1000)} s.`;
  if (error instanceof DodoPayments.InternalServerError)
    return `Dodo had an error (${error.status}). Nothing changed; try again in a minute.`;
  if (error instanceof DodoPayments.APIConnectionTimeoutError)
    return "Dodo did not answer in time. Nothing changed here; it may still have acted, so refresh the grant before trying again.";
  if (error instanceof DodoPayments.APIConnectionError)
    return "Dodo could not be reached (network error). Check the connection and try again.";
  if (error instanceof DodoPayments.APIError)
    return `Dodo answered ${error.status ?? "an error"}: ${detailOf(error)}`;
  return null;
}

function detailOf(error: InstanceType<typeof DodoPayments.APIError>): string {
  const body = error.error as { message?: unknown } | undefined;
  return typeof body?.message === "string" ? body.message : error.message;
}
