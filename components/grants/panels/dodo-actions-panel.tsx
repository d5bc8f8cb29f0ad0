import { RevokeDialog } from "@/components/grants/revoke-dialog";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
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
          <Alert
            key={action.id}
            data-testid={action.confirmed ? "confirmed-action" : "pending-action"}
            variant={action.confirmed ? "success" : "warning"}
          >
            <strong>{ACTION_LABEL[action.kind] ?? action.kind}</strong> by {action.requestedBy}{" "}
            <TimeAgo date={action.requestedAt} />.{" "}
            {action.confirmed
              ? "Dodo has confirmed it."
              : "Waiting for Dodo's webhook to confirm it."}
          </Alert>
        ))}
        {unavailable ? <p className="text-muted">{unavailable}</p> : null}
        {can.refresh ? (
          <ActionForm action={formActions.refresh}>
            <input type="hidden" name="grantId" value={grant.id} />
            <Button type="submit" variant="secondary" disabled={unavailable !== null}>
              Refresh from Dodo
            </Button>
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
          <div className="border-t border-border pt-4">
            <h3 className="font-medium">Fulfil the license key</h3>
            <p className="mt-1 text-xs text-muted">
              This product delivers keys by hand: enter the key the customer should get.
            </p>
            <ActionForm action={formActions.fulfil} className="mt-3 flex flex-col gap-3">
              <input type="hidden" name="grantId" value={grant.id} />
              <Field label="License key">
                <Input name="key" required autoComplete="off" className="font-mono" />
              </Field>
              <div className="grid grid-cols-2 gap-3">
                <Field label="Activations limit">
                  <Input
                    name="activationsLimit"
                    type="number"
                    min={1}
                    step={1}
                    placeholder="unlimited"
                  />
                </Field>
                <Field label="Expires">
                  <Input name="expiresAt" type="date" />
                </Field>
              </div>
              <Button type="submit" disabled={unavailable !== null} className="self-start">
                Send key to Dodo
              </Button>
            </ActionForm>
          </div>
        ) : null}
      </div>
    </Panel>
  );
}
