// On-demand refreshes ("Refresh from Dodo" on a customer or an entitlement) answer a person: a
// refusal or an outage becomes a Refusal with the readable message, and nothing is written.
import { Refusal } from "../refusal";
import { dodoErrorMessage } from "./errors";

export class DodoRefreshError extends Refusal {
  override name = "DodoRefreshError";
}

export async function askDodoToRefresh<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const message = dodoErrorMessage(error);
    if (message) throw new DodoRefreshError(message);
    throw error;
  }
}
