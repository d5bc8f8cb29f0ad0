import { DigitalFilesPanel } from "@/components/grants/panels/digital-files-panel";
import { FailurePanel } from "@/components/grants/panels/failure-panel";
import { LicenseKeyPanel } from "@/components/grants/panels/license-key-panel";
import { OAuthPanel } from "@/components/grants/panels/oauth-panel";
import { RevocationPanel } from "@/components/grants/panels/revocation-panel";
import type { GrantDetail } from "@/lib/grants/queries/grant-detail";

/** What the grant gave the customer (OAuth link, license key, files), or why it failed or ended.
 * Each panel shows only when the grant has something for it. */
export function GrantOutcomePanels({
  grant,
  now,
  subscription,
}: {
  grant: GrantDetail;
  now: Date;
  /** The subscription behind a subscription revocation (RevocationPanel). */
  subscription?: React.ComponentProps<typeof RevocationPanel>["subscription"];
}) {
  const showFailure =
    grant.status === "Failed" || grant.errorCode !== null || grant.errorMessage !== null;
  const showRevocation = grant.status === "Revoked" || grant.revocationReason !== null;
  const key = grant.licenseKey;
  const delivery = grant.digitalDelivery;
  return (
    <>
      {showFailure ? (
        <FailurePanel errorCode={grant.errorCode} errorMessage={grant.errorMessage} />
      ) : null}
      {showRevocation ? (
        <RevocationPanel
          reason={grant.revocationReason}
          revokedAt={grant.revokedAt}
          subscription={subscription}
        />
      ) : null}
      {grant.oauthUrl ? (
        <OAuthPanel url={grant.oauthUrl} expiresAt={grant.oauthExpiresAt} now={now} />
      ) : null}
      {key ? (
        <LicenseKeyPanel
          grantId={grant.id}
          now={now}
          licenseKey={{
            last4: key.last4,
            status: key.status,
            activationsUsed: key.activationsUsed,
            activationsLimit: key.activationsLimit,
            expiresAt: key.expiresAt,
          }}
        />
      ) : null}
      {delivery ? (
        <DigitalFilesPanel
          files={delivery.files}
          instructions={delivery.instructions}
          externalUrl={delivery.externalUrl}
          deliveredAt={grant.deliveredAt}
          now={now}
        />
      ) : null}
    </>
  );
}
