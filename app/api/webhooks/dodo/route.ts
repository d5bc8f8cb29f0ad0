// Dodo's webhook endpoint. Public: its Standard Webhooks signature is its authentication.
import { handleDodoWebhook } from "@/lib/webhooks/handle-delivery";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleDodoWebhook(request);
}
