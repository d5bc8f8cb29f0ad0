// What each kind of channel is given on the settings page, split into what may be shown again
// (`config`) and what is sealed (`secret`). Pure: no database, no key.
import { z } from "zod";

export const CHANNEL_KINDS = ["slack", "email", "webhook"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const name = z.string().trim().min(1, "give the channel a name").max(80);

const addressList = z
  .string()
  .transform((value) =>
    value
      .split(/[\s,;]+/)
      .map((address) => address.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.email({ error: "is not an email address" }))
      .min(1, "add at least one address")
      .max(20),
  );

export const channelInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("slack"), name, url: httpUrl }),
  z.object({
    kind: z.literal("email"),
    name,
    host: z.string().trim().min(1, "the SMTP server's host name").max(255),
    port: z.coerce.number().int().min(1).max(65_535).default(587),
    // "tls": TLS from the first byte (port 465); "starttls": upgrade after connecting (587).
    security: z.enum(["starttls", "tls", "none"]).default("starttls"),
    user: z.string().trim().max(255).default(""),
    password: z.string().max(1024).default(""),
    from: z.email({ error: "the From address must be an email address" }),
    to: addressList,
  }),
  z.object({ kind: z.literal("webhook"), name, url: httpUrl }),
]);

export type ChannelInput = z.infer<typeof channelInputSchema>;

/** What is stored in the clear, shown on the page, and what is sealed. */
export type EmailConfig = {
  host: string;
  port: number;
  security: "starttls" | "tls" | "none";
  user: string;
  from: string;
  to: string[];
};
export type WebhookConfig = { url: string };
export type ChannelConfig = EmailConfig | WebhookConfig | Record<string, never>;

export function splitChannelInput(input: ChannelInput, signingSecret: string) {
  switch (input.kind) {
    case "slack":
      // The incoming-webhook URL is the credential: anyone holding it can post.
      return { config: {}, secret: input.url };
    case "email": {
      const { host, port, security, user, from, to } = input;
      return { config: { host, port, security, user, from, to }, secret: input.password };
    }
    case "webhook":
      return { config: { url: input.url }, secret: signingSecret };
  }
}

/** One line for the channel list: where it sends, without its secret. */
export function describeChannel(kind: string, config: unknown, secretHint: string | null): string {
  const hint = secretHint ? ` (…${secretHint})` : "";
  if (kind === "slack") return `Slack incoming webhook${hint}`;
  if (kind === "email") {
    const email = config as EmailConfig;
    return `to ${email.to.join(", ")} via ${email.host}:${email.port}`;
  }
  if (kind === "webhook") return `POST ${(config as WebhookConfig).url}, signed${hint}`;
  return kind;
}
