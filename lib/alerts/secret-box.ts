// Channel secrets sealed with AES-256-GCM under ALERTS_ENCRYPTION_KEY: a database dump or backup
// alone does not give away the Slack URL, the SMTP password or the signing secret. Stored as
// "v1.<iv>.<tag>.<ciphertext>" in base64url; the tag makes a wrong key or a changed byte fail
// instead of decrypting to garbage.
import "server-only";
import crypto from "node:crypto";
import { getEnv } from "../env";
import { Refusal } from "../refusal";

const VERSION = "v1";

export class MissingEncryptionKey extends Refusal {
  override name = "MissingEncryptionKey";
  constructor() {
    super(
      "Set ALERTS_ENCRYPTION_KEY (openssl rand -base64 32) and restart: channel secrets are stored encrypted with it.",
    );
  }
}

function key(): Buffer {
  const found = getEnv().alertsEncryptionKey;
  if (!found) throw new MissingEncryptionKey();
  return found;
}

export function sealSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function openSecret(box: string): string {
  const [version, iv, tag, sealed] = box.split(".");
  if (version !== VERSION || !iv || !tag || sealed === undefined)
    throw new Error("not a sealed secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(sealed, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new Error("the channel's secret cannot be decrypted: was ALERTS_ENCRYPTION_KEY changed?");
  }
}
