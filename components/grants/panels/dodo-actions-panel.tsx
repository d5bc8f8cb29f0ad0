import { RevokeDialog } from "@/components/grants/revoke-dialog";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/form-controls";
import { Panel } from "@/components/ui/panel";
import { TimeAgo } from "@/components/ui/time-ago";
import type { FormAction } from "@/lib/action-state";
import type { RecentAction } from "@/lib/dodo/grant-actions";
import { revokeConsequence } from "@/lib/grants/labels/revoke-consequence";

type Props = {
  grant: { id: string; customerId: string; status: string; integrationType: string };
  can: { refresh: boolean; revoke: boolean; fulfil: boolean };
  actions: RecentAction[];
  /** Why Dodo cannot be asked (no API key), or null. */
  unavailable: string | null;
  /** The server actions behind the three forms, passed in by the page (lib/run-action.ts). */
  formActions: { refresh: FormAction; revoke: FormAction; fulfil: FormAction };
};

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900";
const ACTION_LABEL: Record<string, string> = {
  revoke: "Revocation requested",
  fulfil: "License key sent",
};

/** Refresh, revoke and fulfil through Dodo's API, each shown only to the roles that may. */
export function DodoActionsPanel({ grant, can, actions, unavailable, formActions }: Props) {
  const canFulfil =
    can.fulfil && grant.integrationType === "license_key" && grant.status === "Pending";
  const canRevoke = can.revoke && grant.status !== "Revoked";
  return (
    <Panel title="Act in Dodo">
      <div className="space-y-4 text-sm">
        {actions.map((action) => (
          <p
            key={action.id}
            data-testid={action.confirmed ? "confirmed-action" : "pending-action"}
            className={`rounded-md px-3 py-2 ${action.confirmed ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200"}`}
          >
            <strong>{ACTION_LABEL[action.kind] ?? action.kind}</strong> by {action.requestedBy}{" "}
            <TimeAgo date={action.requestedAt} />.{" "}
            {action.confirmed
              ? "Dodo has confirmed it."
              : "Waiting for Dodo's webhook to confirm it."}
          </p>
        ))}
        {unavailable ? <p className="text-slate-600 dark:text-slate-400">{unavailable}</p> : null}
        {can.refresh ? (
          <ActionForm action={formActions.refresh}>
            <input type="hidden" name="grantId" value={grant.id} />
            <button type="submit" disabled={unavailable !== null} className={buttonClass.secondary}>
              Refresh from Dodo
            </button>
          </ActionForm>
        ) : null}
        {canRevoke ? (
          <RevokeDialog
            grantId={grant.id}
            customerId={grant.customerId}
            consequence={revokeConsequence(grant.integrationType)}
            action={formActions.revoke}
            disabledReason={unavailable}
          />
        ) : null}
        {canFulfil ? (
          <div className="border-t border-slate-200 pt-4 dark:border-slate-800">
            <h3 className="font-medium">Fulfil the license key</h3>
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              This product delivers keys by hand: enter the key the customer should get.
            </p>
            <ActionForm action={formActions.fulfil} className="mt-3 flex flex-col gap-3">
              <input type="hidden" name="grantId" value={grant.id} />
              <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
                License key
                <input name="key" required autoComplete="off" className={`${INPUT} font-mono`} />
              </label>
              <div className="grid grid-cols-2 gap-3">
                <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
                  Activations limit
                  <input
                    name="activationsLimit"
                    type="number"
                    min={1}
                    step={1}
                    placeholder="unlimited"
                    className={INPUT}
                  />
                </label>
                <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
                  Expires
                  <input name="expiresAt" type="date" className={INPUT} />
                </label>
              </div>
              <button
                type="submit"
                disabled={unavailable !== null}
                className={`${buttonClass.primary} self-start`}
              >
                Send key to Dodo
              </button>
            </ActionForm>
          </div>
        ) : null}
      </div>
    </Panel>
  );
}
