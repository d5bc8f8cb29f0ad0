"use server";
// The customer page's action: fetch the customer's email and name from Dodo (admin and support).
import type { ActionState } from "@/lib/action-state";
import { requireActionViewer } from "@/lib/auth/guards";
import { FORGOTTEN_SOURCE } from "@/lib/customers/forgotten";
import { refreshCustomer } from "@/lib/dodo/sync-customers";
import { formText, runAction } from "@/lib/run-action";

export async function refreshCustomerAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("grants:refresh");
  const customerId = formText(form, "customerId");
  return runAction(`/customers/${encodeURIComponent(customerId)}`, async () => {
    const customer = await refreshCustomer(viewer, customerId);
    return {
      ok: true,
      message:
        customer.source === FORGOTTEN_SOURCE
          ? "This customer's personal data was erased on request: Grantdesk does not store it again from Dodo's API."
          : "Fetched from Dodo: the customer's email and name are up to date.",
    };
  });
}
