// A year of a busy merchant as the webhook deliveries Dodo would have sent: for each generated
// grant its lifecycle steps as signed-ready bodies (envelope + data), each with the moment it
// reached us — late when Dodo had to retry, twice when our answer was lost, sometimes re-sent as
// a new message, now and then a body our schema refuses. Sorted by arrival, which is the order
// ingestion sees them in and so decides their outcomes.
import type { ArrivingDelivery } from "./delivery-rows";
import { lifeOf, type Step } from "./grant-life";
import { planGrant, type GrantPlan } from "./grant-plan";
import { merchantCatalogue, type Catalogue } from "./merchant-catalogue";
import { paymentBody, personOf } from "./customer-people";
import {
  between,
  hashInts,
  pick,
  randomChars,
  scrambledIndex,
  seededRandom,
  type Random,
} from "./seeded-random";

export type Quirks = {
  /** A delivery's first attempts failed and a retry brought it later (out of order, often). */
  retriedLate: number;
  /** Stored, but Dodo did not get our answer and delivered the same webhook-id again. */
  redelivered: number;
  /** The same event sent again as a new message (a new webhook-id, the same snapshot). */
  resentAsNewMessage: number;
  /** Per grant: one extra delivery whose body the schema refuses (a status we do not know). */
  invalid: number;
};

export const DODO_QUIRKS: Quirks = {
  retriedLate: 0.02,
  redelivered: 0.015,
  resentAsNewMessage: 0.005,
  invalid: 0.0003,
};

export type DatasetSpec = {
  grants: number;
  /** The end of the year the grants were created in, in milliseconds since the epoch. */
  now: number;
  seed: number;
  quirks: Quirks;
};

const YEAR_MS = 365 * 86_400_000;
/** Growth: the year's last day brings four times the grants of its first. */
const GROWTH = Math.log(4);
// Dodo's retry schedule after a failed attempt (5 s, 5 min, 30 min, 2 h, 5 h).
const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000];

const catalogues = new Map<string, Catalogue>();
function catalogueOf(spec: DatasetSpec): Catalogue {
  const key = `${spec.seed}:${spec.grants}`;
  let catalogue = catalogues.get(key);
  if (!catalogue) catalogues.set(key, (catalogue = merchantCatalogue(spec.seed, spec.grants)));
  return catalogue;
}

/**
 * Grant `index` is created in the index-th slice of the year's growth curve, so grants come in
 * creation order (as ingestion inserts them) and recent days hold more of them.
 */
function createdMsOf(spec: DatasetSpec, index: number, random: Random): number {
  const share = (index + random()) / spec.grants;
  const elapsed = Math.log(1 + share * (Math.exp(GROWTH) - 1)) / GROWTH;
  return spec.now - YEAR_MS + elapsed * YEAR_MS;
}

/** Dodo's envelope timestamp has microseconds; a Date has milliseconds. */
function isoMicros(ms: number, random: Random): string {
  const whole = Math.floor(ms);
  return new Date(whole).toISOString().replace("Z", `${randomChars(random, 3, "0123456789")}Z`);
}

function envelopeBody(plan: GrantPlan, type: string, timestamp: string, data: object): string {
  return JSON.stringify({ business_id: plan.entitlement.business.id, type, timestamp, data });
}

function arrivalsOf(spec: DatasetSpec, plan: GrantPlan, step: Step, n: number, random: Random) {
  const webhookId = `msg_${scrambledIndex(plan.index)}${n}${randomChars(random, 17)}`;
  const body = envelopeBody(
    plan,
    `entitlement_grant.${step.type}`,
    isoMicros(step.at, random),
    step.data,
  );
  let arrives = step.at + between(random, 80, 900);
  if (random() < spec.quirks.retriedLate) arrives += pick(random, RETRY_DELAYS_MS);
  const arrivals: ArrivingDelivery[] = [{ webhookId, body, receivedAt: new Date(arrives) }];
  if (random() < spec.quirks.redelivered)
    arrivals.push({
      webhookId,
      body,
      receivedAt: new Date(arrives + pick(random, RETRY_DELAYS_MS)),
    });
  if (random() < spec.quirks.resentAsNewMessage)
    arrivals.push({
      webhookId: `msg_${scrambledIndex(plan.index)}r${n}${randomChars(random, 16)}`,
      body,
      receivedAt: new Date(arrives + between(random, 1_000, 10_000)),
    });
  return arrivals;
}

/** A snapshot with a status Dodo might add one day: stored as invalid, the grant untouched. */
function invalidArrival(plan: GrantPlan, steps: Step[], random: Random): ArrivingDelivery {
  const last = steps.at(-1)!;
  const at = last.at + between(random, 1_000, 60_000);
  return {
    webhookId: `msg_${scrambledIndex(plan.index)}x${randomChars(random, 17)}`,
    body: envelopeBody(plan, "entitlement_grant.updated", isoMicros(at, random), {
      ...last.data,
      status: "Suspended",
    }),
    receivedAt: new Date(at + between(random, 80, 900)),
  };
}

function deliveriesOf(
  spec: DatasetSpec,
  plan: GrantPlan,
  random: Random,
  endMs: number,
  horizonMs: number,
): ArrivingDelivery[] {
  const steps = lifeOf(plan, random, endMs).filter((step) => step.at <= horizonMs);
  const arrivals = steps.flatMap((step, n) => arrivalsOf(spec, plan, step, n, random));
  if (steps.length > 0 && random() < spec.quirks.invalid)
    arrivals.push(invalidArrival(plan, steps, random));
  return arrivals.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

/**
 * Customer `index`'s payment.succeeded, a few seconds before grant `index` is created: every
 * customer is named once, spread over the year like the grants (a grant's own customer is drawn
 * at random, so this is its own person, not the grant's).
 */
function personArrival(spec: DatasetSpec, index: number, createdMs: number): ArrivingDelivery {
  const person = personOf(spec.seed, catalogueOf(spec), index);
  const random = seededRandom(hashInts(spec.seed, 104, index));
  const at = createdMs - between(random, 1_000, 5_000);
  return {
    webhookId: `msg_${scrambledIndex(index)}p${randomChars(random, 17)}`,
    body: paymentBody(spec.seed, person, isoMicros(at, random), index),
    receivedAt: new Date(at + between(random, 80, 900)),
  };
}

/**
 * Grant `index` of the dataset (0 ≤ index < spec.grants), created during the year before spec.now,
 * and for the first `customers` indexes the payment that names customer `index`.
 */
export function grantDeliveries(spec: DatasetSpec, index: number): ArrivingDelivery[] {
  const random = seededRandom(hashInts(spec.seed, 100, index));
  const createdMs = createdMsOf(spec, index, random);
  const plan = planGrant(spec.seed, catalogueOf(spec), index, createdMs, random);
  const grant = deliveriesOf(spec, plan, random, spec.now, spec.now);
  return index < catalogueOf(spec).customers
    ? [personArrival(spec, index, createdMs), ...grant]
    : grant;
}

/**
 * A grant created at `now` by the same merchant, for the live load during the page runs: only
 * what happens in its first minute (created, and delivered when that is quick). `index` must lie
 * outside the seeded ones.
 */
export function liveGrantDeliveries(
  spec: DatasetSpec,
  index: number,
  now: number,
): ArrivingDelivery[] {
  const random = seededRandom(hashInts(spec.seed, 101, index));
  const plan = planGrant(spec.seed, catalogueOf(spec), index, now, random);
  return deliveriesOf(spec, plan, random, now + 30 * 86_400_000, now + 60_000);
}

/** Grants [from, to) in arrival order: what one bulk transaction writes. */
export function deliveriesOfGrants(spec: DatasetSpec, from: number, to: number) {
  const deliveries: ArrivingDelivery[] = [];
  for (let index = from; index < to; index++) deliveries.push(...grantDeliveries(spec, index));
  // Stable: one grant's deliveries keep their order on equal arrival times.
  return deliveries.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}
