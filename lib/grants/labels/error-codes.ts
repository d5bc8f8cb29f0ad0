// Dodo publishes no list of error codes. These are the ones seen, with what to do about each;
// any other code is stored and grouped as it came, with a generic next step.

export type ErrorCodeInfo = { label: string; remediation: string };

export const ERROR_CODES: Record<string, ErrorCodeInfo> = {
  github_permission_denied: {
    label: "GitHub permission denied",
    remediation:
      "Dodo's GitHub App cannot add collaborators to the repository. Reinstall the app on the organisation that owns the repository with admin access to it, then ask Dodo to retry or issue a new grant.",
  },
  license_key_generation_failed: {
    label: "License key generation failed",
    remediation:
      "No key could be generated. Check the entitlement's key pattern and limits, then deliver a key by hand with manual fulfilment (POST /grants/{id}/license-key).",
  },
  discord_guild_not_found: {
    label: "Discord server not found",
    remediation:
      "The Discord server was deleted or Dodo's bot was removed from it. Re-invite the bot to the server, check the entitlement's server id, then re-grant.",
  },
  discord_role_not_found: {
    label: "Discord role not found",
    remediation:
      "The role was deleted or renamed. Point the entitlement at an existing role, and keep the bot's role above it in the server's role list.",
  },
  oauth_token_revoked: {
    label: "OAuth authorisation revoked",
    remediation:
      "The customer revoked the authorisation. Send them a fresh consent link (the OAuth URL on a new grant) and ask them to accept it.",
  },
};

export const GENERIC_REMEDIATION =
  "Dodo does not retry failed deliveries. Read the error message, fix the cause on the platform, then issue a new grant or fulfil it by hand; contact Dodo support with the grant id if the message is unclear.";

export function errorCodeInfo(code: string): ErrorCodeInfo & { known: boolean } {
  const info = ERROR_CODES[code];
  return info
    ? { ...info, known: true }
    : { label: code, remediation: GENERIC_REMEDIATION, known: false };
}
