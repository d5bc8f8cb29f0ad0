import { Facts, Panel } from "@/components/ui/panel";
import { formatExact } from "@/lib/format";
import { LicenseKeyReveal } from "./license-key-reveal";

type LicenseKey = {
  last4: string;
  status: string | null;
  activationsUsed: number | null;
  activationsLimit: number | null;
  expiresAt: Date | null;
};

export function LicenseKeyPanel({
  grantId,
  licenseKey,
  now,
}: {
  grantId: string;
  licenseKey: LicenseKey;
  now: Date;
}) {
  const { activationsUsed: used, activationsLimit: limit } = licenseKey;
  const share = used !== null && limit ? Math.min(1, used / limit) : null;
  const expired = licenseKey.expiresAt !== null && licenseKey.expiresAt < now;
  return (
    <Panel title="License key">
      <Facts
        items={[
          ["Key", <LicenseKeyReveal key="key" grantId={grantId} last4={licenseKey.last4} />],
          ["Key status", licenseKey.status ?? <span className="text-faint">not sent</span>],
          [
            "Activations",
            <div key="activations" className="max-w-xs">
              <p className="tabular-nums">
                {used ?? "?"} of {limit ?? "unlimited"}
              </p>
              {share !== null ? (
                <div
                  role="meter"
                  aria-label="Activations used"
                  aria-valuemin={0}
                  aria-valuemax={limit ?? 0}
                  aria-valuenow={used ?? 0}
                  className="mt-1 h-2 rounded-full bg-neutral-soft"
                >
                  <div
                    className={`h-2 rounded-full ${share >= 1 ? "bg-danger" : "bg-accent"}`}
                    style={{ width: `${Math.round(share * 100)}%` }}
                  />
                </div>
              ) : null}
            </div>,
          ],
          [
            "Expires",
            licenseKey.expiresAt ? (
              <span className={expired ? "font-medium text-danger-text" : ""}>
                {formatExact(licenseKey.expiresAt)}
                {expired ? " (expired)" : ""}
              </span>
            ) : (
              "never"
            ),
          ],
        ]}
      />
    </Panel>
  );
}
