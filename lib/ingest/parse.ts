// Turns a verified body into what ingestion needs. Runs only after the signature has been checked
// on the raw bytes. Never throws: a body we cannot understand becomes an "invalid" delivery that
// is stored for reprocessing, because Dodo retrying it would not change it.
import { z } from "zod";
import { factsFromEvent, type EventFacts } from "@/lib/customers/customer-from-event";
import { grantSnapshotSchema, type GrantSnapshot } from "@/lib/grants/grant-schema";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "@/lib/json-walk";
import { isoToMicros, microsToDate } from "@/lib/time";

const GRANT_EVENT_PREFIX = "entitlement_grant.";

const envelopeSchema = z.looseObject({
  business_id: z.string().nullish(),
  type: z.string().min(1),
  timestamp: z.string().refine((value) => isoToMicros(value) !== null, {
    message: "must be an ISO 8601 timestamp with a time zone",
  }),
  data: z.unknown(),
});

type EnvelopeInfo = {
  type: string;
  businessId: string | null;
  timestamp: Date;
  timestampUs: bigint;
};

export type ParsedDelivery =
  | ({ kind: "grant"; grant: GrantSnapshot; rawSnapshot: string } & EnvelopeInfo)
  | ({ kind: "other"; facts: EventFacts } & EnvelopeInfo)
  | { kind: "invalid"; error: string; type: string | null; grantId: string | null };

export function parseDelivery(body: string): ParsedDelivery {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return {
      kind: "invalid",
      error: `body is not JSON: ${(error as Error).message}`,
      type: null,
      grantId: null,
    };
  }
  // Before anything walks the value: a signed body nested thousands deep must be stored as
  // invalid, not overflow the stack (a 500 Dodo would retry for 27 hours, never stored).
  if (nestsDeeperThan(json, MAX_JSON_DEPTH))
    return invalid(json, `body nested deeper than ${MAX_JSON_DEPTH} levels`);
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return invalid(json, `envelope: ${formatIssues(envelope.error)}`);

  const timestampUs = isoToMicros(envelope.data.timestamp)!;
  const info: EnvelopeInfo = {
    type: envelope.data.type,
    businessId: envelope.data.business_id ?? null,
    timestamp: microsToDate(timestampUs),
    timestampUs,
  };
  // Not a grant: still read for the customer and subscription it names (payment.*, subscription.*,
  // refund.*, license_key.*), leniently, so it is stored whatever its shape.
  if (!info.type.startsWith(GRANT_EVENT_PREFIX))
    return { kind: "other", facts: factsFromEvent(info.type, envelope.data.data), ...info };

  const grant = grantSnapshotSchema.safeParse(envelope.data.data);
  if (!grant.success) return invalid(json, `data: ${formatIssues(grant.error)}`);
  return {
    kind: "grant",
    grant: grant.data,
    rawSnapshot: JSON.stringify(envelope.data.data),
    ...info,
  };
}

/** Whatever can still be read from a body that failed the schema, so the event log can show it. */
function invalid(json: unknown, error: string): ParsedDelivery {
  const record = (value: unknown) =>
    value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const type = record(json).type;
  const grantId = record(record(json).data).id;
  return {
    kind: "invalid",
    error,
    type: typeof type === "string" ? type : null,
    grantId: typeof grantId === "string" ? grantId : null,
  };
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}
