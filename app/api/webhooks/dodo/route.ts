// Dodo's webhook endpoint. Public: its Standard Webhooks signature is its authentication.
import { withStrictTransportSecurity } from "@/lib/security/hsts";
import { ingestDelivery } from "@/lib/ingest/ingest-delivery";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return withStrictTransportSecurity(await ingestDelivery(request));
}
