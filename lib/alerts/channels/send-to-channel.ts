// Sends one message through one channel, opening its sealed secret only here.
import nodemailer from "nodemailer";
import { signDelivery } from "../../webhooks/sign";
import { slackText, type AlertMessage } from "../alert-message";
import type { EmailConfig, WebhookConfig } from "../channel-config";
import { openSecret } from "../secret-box";
import { postJson } from "./send-http";

export type SendableChannel = { id: string; kind: string; config: unknown; secret: string | null };

const secretOf = (channel: SendableChannel) => (channel.secret ? openSecret(channel.secret) : "");

async function sendEmail(config: EmailConfig, password: string, message: AlertMessage) {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: config.security === "none",
    auth: config.user ? { user: config.user, pass: password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  } catch (error) {
    throw new Error(`the SMTP server refused: ${(error as Error).message}`);
  } finally {
    transport.close();
  }
}

export async function sendToChannel(channel: SendableChannel, message: AlertMessage) {
  if (channel.kind === "slack")
    return postJson("Slack", secretOf(channel), JSON.stringify({ text: slackText(message) }));
  if (channel.kind === "email")
    return sendEmail(channel.config as EmailConfig, secretOf(channel), message);
  if (channel.kind === "webhook") {
    const body = JSON.stringify(message.payload);
    return postJson(
      "The webhook endpoint",
      (channel.config as WebhookConfig).url,
      body,
      signDelivery(secretOf(channel), body),
    );
  }
  throw new Error(`unknown channel kind ${channel.kind}`);
}
