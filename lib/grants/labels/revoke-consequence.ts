// What a customer loses when a grant is revoked, in the words the confirm dialog uses.
const CONSEQUENCES: Record<string, string> = {
  license_key: "their license key is disabled and stops activating.",
  digital_files: "their download links stop working.",
  discord: "the Discord role is removed from their account.",
  telegram: "they are removed from the Telegram chat.",
  github: "their access to the GitHub repository is removed.",
  notion: "their access to the Notion template is removed.",
  figma: "their access to the Figma file is removed.",
  framer: "their access to the Framer template is removed.",
  feature_flag: "the feature is turned off for them.",
};

export function revokeConsequence(integrationType: string): string {
  return CONSEQUENCES[integrationType] ?? "whatever this entitlement gave them is taken away.";
}
