// One map from grant status to label, tone and meaning; every view uses it. Dodo sends the
// capitalised values; anything else is shown as it came with a neutral tone.
export type Tone = "amber" | "emerald" | "rose" | "slate" | "zinc";

export const GRANT_STATUSES = ["Pending", "Delivered", "Failed", "Revoked"] as const;
export type KnownGrantStatus = (typeof GRANT_STATUSES)[number];

type StatusInfo = { label: string; tone: Tone; meaning: string };

const STATUS_INFO: Record<KnownGrantStatus, StatusInfo> = {
  Pending: {
    label: "Pending",
    tone: "amber",
    meaning: "Waiting for delivery (OAuth integrations wait for the customer's consent).",
  },
  Delivered: { label: "Delivered", tone: "emerald", meaning: "The customer has the access." },
  Failed: { label: "Failed", tone: "rose", meaning: "Delivery failed and will not be retried." },
  Revoked: { label: "Revoked", tone: "slate", meaning: "Access was removed at platform level." },
};

export function isKnownStatus(status: string): status is KnownGrantStatus {
  return (GRANT_STATUSES as readonly string[]).includes(status);
}

export function statusInfo(status: string): StatusInfo {
  return isKnownStatus(status)
    ? STATUS_INFO[status]
    : {
        label: status,
        tone: "zinc",
        meaning: "A status Grantdesk does not know yet, stored as Dodo sent it.",
      };
}
