// The Customer and Subscription rows an event writes, typed against Prisma's models like the
// grant and event rows (lib/ingest/store.ts): a column renamed in the schema fails the build here.
import type { Customer, Subscription } from "@/lib/generated/prisma-sqlite/client.ts";
import type { EventFacts } from "./customer-from-event";
import {
  normalizeEmail,
  normalizeName,
  profileOrderKey,
  reportOrderKey,
} from "./customer-merge-rule";

type Report = {
  timestampUs: bigint;
  at: Date;
  businessId: string | null;
  source: "webhook" | "api";
};

/** The customer row of a sighting; without a profile it only records the id and when it was seen. */
export function customerRow(facts: EventFacts, report: Report): Customer | null {
  const sighting = facts.customer;
  if (!sighting) return null;
  const profile = sighting.hasProfile
    ? {
        email: sighting.email,
        emailNormalized: normalizeEmail(sighting.email),
        name: sighting.name,
        nameNormalized: normalizeName(sighting.name),
        profileEventAt: report.at,
        profileOrder: profileOrderKey({ ...sighting, timestampUs: report.timestampUs }),
      }
    : {
        email: null,
        emailNormalized: null,
        name: null,
        nameNormalized: null,
        profileEventAt: null,
        profileOrder: null,
      };
  return {
    id: sighting.customerId,
    businessId: report.businessId,
    firstSeenAt: report.at,
    lastSeenAt: report.at,
    source: report.source,
    ...profile,
  };
}

export function subscriptionRow(facts: EventFacts, report: Report): Subscription | null {
  const state = facts.subscription;
  if (!state) return null;
  return {
    id: state.id,
    customerId: state.customerId,
    businessId: report.businessId,
    productId: state.productId,
    status: state.status,
    nextBillingDate: state.nextBillingDate,
    previousBillingDate: state.previousBillingDate,
    cancelAtNextBillingDate: state.cancelAtNextBillingDate,
    cancelledAt: state.cancelledAt,
    pausedAt: state.pausedAt,
    expiresAt: state.expiresAt,
    pastDueEndsAt: null,
    createdAt: state.createdAt,
    rawSnapshot: state.rawSnapshot,
    snapshotEventAt: report.at,
    snapshotOrder: reportOrderKey(report.timestampUs, state.rawSnapshot),
    snapshotSource: report.source,
    firstSeenAt: report.at,
    lastChangedAt: report.at,
  };
}
