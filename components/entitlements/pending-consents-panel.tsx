import { entitlementGrantsHref } from "@/components/entitlements/entitlement-links";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { TBody, TCell, TH, THead, TRow, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { TimeAgo } from "@/components/ui/time-ago";
import type { PendingConsent } from "@/lib/entitlements/queries/get-entitlement-activity";

/** Pending grants whose customer has a consent link to accept (Discord, GitHub, Notion…). */
export function PendingConsentsPanel({
  entitlementId,
  consents,
  shown,
  now,
}: {
  entitlementId: string;
  consents: PendingConsent[];
  shown: number;
  now: Date;
}) {
  return (
    <Panel
      title="Waiting for the customer's consent"
      actions={
        consents.length > 0 ? (
          <TextLink href={entitlementGrantsHref(entitlementId, "Pending")} className="text-sm">
            Every pending grant
          </TextLink>
        ) : null
      }
    >
      {consents.length === 0 ? (
        <p className="text-sm text-muted">
          No pending grant has a consent link: nobody is waiting to authorise this entitlement.
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-muted">
            Dodo sent these customers an authorisation link; the grant is delivered once they accept
            it. An expired link needs a new grant.
            {consents.length === shown ? ` The newest ${shown} are shown.` : ""}
          </p>
          <Table framed={false}>
            <THead>
              <TRow>
                <TH>Grant</TH>
                <TH>Customer</TH>
                <TH>Created</TH>
                <TH>Link expires</TH>
              </TRow>
            </THead>
            <TBody>
              {consents.map((c) => {
                const expired = c.oauthExpiresAt !== null && c.oauthExpiresAt <= now;
                return (
                  <TRow key={c.id}>
                    <TCell>
                      <TextLink
                        href={`/grants/${encodeURIComponent(c.id)}`}
                        className="font-mono text-xs break-all"
                      >
                        {c.id}
                      </TextLink>
                    </TCell>
                    <TCell>
                      <TextLink
                        href={`/customers/${encodeURIComponent(c.customerId)}`}
                        className="font-mono text-xs break-all"
                      >
                        {c.customerId}
                      </TextLink>
                    </TCell>
                    <TCell>
                      <TimeAgo date={c.createdAt} now={now} />
                    </TCell>
                    <TCell>
                      {c.oauthExpiresAt === null ? (
                        <span className="text-faint">Not sent</span>
                      ) : (
                        <span className="inline-flex items-center gap-2">
                          <TimeAgo date={c.oauthExpiresAt} now={now} />
                          {expired ? <Badge variant="danger">Expired</Badge> : null}
                        </span>
                      )}
                    </TCell>
                  </TRow>
                );
              })}
            </TBody>
          </Table>
        </>
      )}
    </Panel>
  );
}
