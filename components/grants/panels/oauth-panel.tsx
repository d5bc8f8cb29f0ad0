import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { Facts, Panel } from "@/components/ui/panel";
import { formatExact } from "@/lib/format";
import { safeHttpUrl } from "@/lib/safe-url";

/** OAuth grants stay Pending until the customer consents at this URL: support sends it to them. */
export function OAuthPanel({
  url,
  expiresAt,
  now,
}: {
  url: string;
  expiresAt: Date | null;
  now: Date;
}) {
  const expired = expiresAt !== null && expiresAt < now;
  const link = safeHttpUrl(url);
  return (
    <Panel title="Customer consent (OAuth)" actions={<CopyButton value={url} label="Copy link" />}>
      <p className="mb-3 text-sm text-muted">
        Delivery waits until the customer accepts at this link. Send it to them.
      </p>
      <Facts
        items={[
          [
            "Consent URL",
            link && !expired ? (
              <a
                href={link}
                rel="noreferrer noopener"
                target="_blank"
                className="font-mono text-xs break-all text-link underline"
              >
                {url}
              </a>
            ) : (
              <code className="font-mono text-xs break-all">{url}</code>
            ),
          ],
          [
            "Valid until",
            expiresAt ? (
              <span className="inline-flex items-center gap-2">
                {formatExact(expiresAt)}{" "}
                {expired ? <Badge tone="rose">Expired</Badge> : <Badge tone="emerald">Valid</Badge>}
              </span>
            ) : (
              "not sent"
            ),
          ],
        ]}
      />
      {expired ? (
        <p className="mt-3 text-sm text-danger-text">
          This link has expired: the customer needs a new grant (or Dodo’s customer portal) to
          consent.
        </p>
      ) : null}
    </Panel>
  );
}
