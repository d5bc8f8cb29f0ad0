// One map from revocation_reason to what it means, whether access comes back by itself, and how
// to word it to the customer. Dodo may add reasons: an unknown one is shown as it came.

export type RevocationReasonInfo = {
  label: string;
  meaning: string;
  /** Whether Dodo re-grants access without anyone acting (retry succeeds, unpause, key re-enabled). */
  comesBack: boolean;
  comesBackWhen: string;
  customerMessage: string;
};

export const REVOCATION_REASONS: Record<string, RevocationReasonInfo> = {
  subscription_cancelled: {
    label: "Subscription cancelled",
    meaning: "The customer's subscription was cancelled.",
    comesBack: false,
    comesBackWhen: "Not by itself: the customer has to subscribe again.",
    customerMessage:
      "Your subscription was cancelled, so access ended. Subscribe again any time to get it back.",
  },
  subscription_on_hold: {
    label: "Subscription on hold",
    meaning: "A renewal payment failed and the subscription is on hold.",
    comesBack: true,
    comesBackWhen: "Yes: a successful payment retry re-grants access.",
    customerMessage:
      "We could not charge your card for the renewal. Update your payment method and access comes back automatically.",
  },
  SubscriptionPaused: {
    label: "Subscription paused",
    meaning: "The subscription was paused (Dodo sends this one capitalised).",
    comesBack: true,
    comesBackWhen: "Yes: unpausing the subscription re-grants access.",
    customerMessage: "Your subscription is paused. Access returns as soon as you resume it.",
  },
  subscription_expired: {
    label: "Subscription expired",
    meaning: "The subscription reached the end of its term.",
    comesBack: false,
    comesBackWhen: "Not by itself: a new subscription is needed.",
    customerMessage: "Your subscription term has ended. Renew to continue.",
  },
  plan_changed: {
    label: "Plan changed",
    meaning: "The plan changed: the old grant was revoked before the new plan's grant was issued.",
    comesBack: false,
    comesBackWhen: "No: the new plan's grant replaces it (look for the customer's other grants).",
    customerMessage: "You changed plans; your access now comes from the new plan.",
  },
  refund: {
    label: "Refunded",
    meaning: "The one-time payment behind the grant was refunded.",
    comesBack: false,
    comesBackWhen: "No.",
    customerMessage: "Your payment was refunded, so the purchase's access was removed.",
  },
  manual: {
    label: "Revoked by the merchant",
    meaning: "Someone on the merchant's team revoked it through the API or the dashboard.",
    comesBack: false,
    comesBackWhen: "Never: a manual revocation is not re-granted on renewal.",
    customerMessage:
      "Your access was removed by our team. Reply to this message if you think this is a mistake.",
  },
  license_key_disabled: {
    label: "License key disabled",
    meaning: "The license key behind the grant was disabled.",
    comesBack: true,
    comesBackWhen: "Yes: re-enabling the key reactivates the grant.",
    customerMessage:
      "Your license key has been disabled. Contact us and we will look into re-enabling it.",
  },
  platform_external: {
    label: "Changed on the platform",
    meaning:
      "The platform side went out of sync: a role removed by hand, the app lost repository access, or reconciliation found the target missing.",
    comesBack: false,
    comesBackWhen: "Not until the platform issue is fixed.",
    customerMessage:
      "Your access was removed on the platform itself. We are fixing it and will restore it.",
  },
};

export function revocationReasonInfo(reason: string): RevocationReasonInfo {
  return (
    REVOCATION_REASONS[reason] ?? {
      label: reason,
      meaning: "A reason Grantdesk does not know yet, stored exactly as Dodo sent it.",
      comesBack: false,
      comesBackWhen: "Unknown: check Dodo's documentation for this reason.",
      customerMessage: "Your access was removed. We are looking into why.",
    }
  );
}
