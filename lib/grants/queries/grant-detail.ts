// One grant as the grant page and GET /api/v1/grants/{id} both need it, plus the deliveries
// received for it in the order they arrived. The license key is never in it: the page polls the
// API every 10 s, so it carries the key's last 4 characters and what is known of it; the key
// itself only comes from revealLicenseKey, which writes each reveal to the audit log.
import "server-only";
import { withNames, type GrantNames } from "@/lib/grants/queries/with-names";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { readSearchParams, type SearchParamsLike } from "@/lib/search-params";
import { maskKeyInJson } from "@/lib/grants/redact";
import { revealLicenseKey } from "@/lib/grants/queries/reveal-license-key";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export type DeliveredFile = { file_id: string; filename: string; download_url: string } & Record<
  string,
  unknown
>;

export type GrantDelivery = {
  webhookId: string;
  type: string | null;
  timestamp: Date | null;
  dataUpdatedAt: Date | null;
  receivedAt: Date;
  outcome: string;
  source: string;
  /** Set once retention removed the raw body (GRANTDESK_KEEP_RAW_BODIES_DAYS); null while kept. */
  bodyRemovedAt: Date | null;
};

export type GrantLicenseKey = {
  id: string | null;
  last4: string;
  status: string | null;
  activationsUsed: number | null;
  activationsLimit: number | null;
  expiresAt: Date | null;
  /** The full key: only when asked for explicitly, and audited as a reveal. */
  key?: string;
};

export type GrantDetail = GrantNames & {
  id: string;
  businessId: string;
  brandId: string | null;
  customerId: string;
  entitlementId: string;
  integrationType: string;
  integrationTypeInferred: boolean;
  status: string;
  /** Dodo's metadata with any license key in it masked. */
  metadata: unknown;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  oauthUrl: string | null;
  oauthExpiresAt: Date | null;
  paymentId: string | null;
  subscriptionId: string | null;
  licenseKey: GrantLicenseKey | null;
  digitalDelivery: {
    files: DeliveredFile[];
    instructions: string | null;
    externalUrl: string | null;
  } | null;
  feature: { id: string; type: string | null } | null;
  snapshotSource: string;
  deliveries: GrantDelivery[];
};

const deliverySelect = {
  id: true,
  type: true,
  timestamp: true,
  dataUpdatedAt: true,
  receivedAt: true,
  outcome: true,
  source: true,
  bodyPrunedAt: true,
} as const;

export async function getGrantWithDeliveries(
  viewer: Viewer,
  id: string,
): Promise<GrantDetail | null> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const [grant, events] = await Promise.all([
    db.grant.findUnique({ where: { id }, omit: { rawSnapshot: true } }),
    db.webhookEvent.findMany({
      where: { grantId: id },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      select: deliverySelect,
    }),
  ]);
  if (!grant) return null;
  const [names] = await withNames(db, [grant]);
  const { licenseKey, metadata, deliveryFiles, deliveryInstructions, deliveryExternalUrl } = grant;
  const hasDelivery =
    deliveryFiles !== null || deliveryInstructions !== null || deliveryExternalUrl !== null;
  // Field by field, not a spread of the row: the row holds the full license key.
  return {
    id: grant.id,
    businessId: grant.businessId,
    brandId: grant.brandId,
    customerId: grant.customerId,
    customerName: names!.customerName,
    customerEmail: names!.customerEmail,
    entitlementId: grant.entitlementId,
    entitlementName: names!.entitlementName,
    integrationType: grant.integrationType,
    integrationTypeInferred: grant.integrationTypeInferred,
    status: grant.status,
    metadata: maskKeyInJson(metadata ?? null, licenseKey),
    createdAt: grant.createdAt,
    updatedAt: grant.updatedAt,
    deliveredAt: grant.deliveredAt,
    revokedAt: grant.revokedAt,
    revocationReason: grant.revocationReason,
    errorCode: grant.errorCode,
    errorMessage: grant.errorMessage,
    oauthUrl: grant.oauthUrl,
    oauthExpiresAt: grant.oauthExpiresAt,
    paymentId: grant.paymentId,
    subscriptionId: grant.subscriptionId,
    licenseKey:
      grant.licenseKeyLast4 === null
        ? null
        : {
            id: grant.licenseKeyId,
            last4: grant.licenseKeyLast4,
            status: grant.licenseKeyStatus,
            activationsUsed: grant.licenseKeyActivationsUsed,
            activationsLimit: grant.licenseKeyActivationsLimit,
            expiresAt: grant.licenseKeyExpiresAt,
          },
    digitalDelivery: hasDelivery
      ? {
          files: (deliveryFiles ?? []) as DeliveredFile[],
          instructions: deliveryInstructions,
          externalUrl: deliveryExternalUrl,
        }
      : null,
    feature: grant.featureId === null ? null : { id: grant.featureId, type: grant.featureType },
    snapshotSource: grant.snapshotSource,
    deliveries: events.map(({ id: webhookId, bodyPrunedAt, ...event }) => ({
      webhookId,
      ...event,
      bodyRemovedAt: bodyPrunedAt,
    })),
  };
}

const INCLUDABLE = ["license_key"] as const;

const grantDetailQuerySchema = z.object({
  include: z
    .string()
    .transform((value) => value.split(","))
    .pipe(z.array(z.enum(INCLUDABLE, { error: `may only be ${INCLUDABLE.join(", ")}` })))
    .optional(),
});

/** `?include=license_key`: what an API client asks for beyond the default answer. */
export function readGrantDetailQuery(params: SearchParamsLike) {
  const { value, problems } = readSearchParams(grantDetailQuerySchema, params);
  return { includeLicenseKey: value.include?.includes("license_key") ?? false, problems };
}

/** The grant, with its full license key when asked for explicitly (and audited as a reveal). */
export async function getGrantDetail(
  viewer: Viewer,
  id: string,
  options: { includeLicenseKey: boolean },
): Promise<GrantDetail | null> {
  const grant = await getGrantWithDeliveries(viewer, id);
  if (!grant?.licenseKey || !options.includeLicenseKey) return grant;
  const key = await revealLicenseKey(viewer, id, "include");
  return typeof key === "string" ? { ...grant, licenseKey: { ...grant.licenseKey, key } } : grant;
}
