// Planning a PostgreSQL batch (pure, no database): which rows go into the one multi-row statement
// and what each delivery's answer will be computed from. Two things a single multi-row statement
// cannot do are settled here, before any SQL is sent:
//  - the same webhook-id twice (concurrent copies of one delivery): only the first is written; the
//    others are answered alreadyRecorded once the statement holding the first has run;
//  - the same grant id twice: `ON CONFLICT DO UPDATE` may not touch a row twice in one statement
//    ("command cannot affect row a second time"), so only the highest snapshotOrder per grant id
//    goes into the upsert (the winner); the others are recorded as stale or duplicate against
//    what ends up stored (the statement computes that, see postgres-batch.ts).
// Rows are sorted by grant id and by webhook-id: two batches running at once on different
// connections then lock the grant rows (and wait on each other's event ids) in the same order,
// so they cannot deadlock on each other.
import type { Row, StoreRequest } from "./store-request";

export type GrantRequest = StoreRequest & { grant: NonNullable<StoreRequest["grant"]> };

/** One event row of a batch statement, with what its outcome is computed from. */
export type PlannedEvent = {
  /** The request's position in the batch. */
  index: number;
  /** The WebhookEvent row without `outcome` (the statement fills it in). */
  event: Row & { id: string };
  grantId: string;
  snapshotOrder: string;
  /** This delivery's grant row is the one in the upsert (the highest order for its grant id). */
  winner: boolean;
};

/** One statement: requests whose rows have the same columns (so the same statement text). */
export type PlannedStatement = {
  grantColumns: string[];
  eventColumns: string[];
  /** One row per grant id (the winner's), sorted by id. */
  grants: GrantRequest["grant"][];
  /** One row per webhook-id (the first copy's), sorted by webhook-id. */
  events: PlannedEvent[];
  /** Every request this statement answers, copies included, in arrival order: what the fallback stores one by one. */
  members: number[];
};

export type BatchPlan = { statements: PlannedStatement[] };

// Code-unit order: any total order does for locking, as long as every batch uses the same one.
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Columns of the event row the statement writes (without the outcome, which it computes). */
export function eventRowOf(request: StoreRequest): Row & { id: string } {
  const event = { ...request.event };
  delete event.outcome;
  return event;
}

export function planBatch(requests: readonly GrantRequest[]): BatchPlan {
  const statements = new Map<string, PlannedStatement & { firsts: number[] }>();
  const statementOf = new Map<string, PlannedStatement & { firsts: number[] }>(); // by webhook-id
  requests.forEach((request, index) => {
    const copied = statementOf.get(request.event.id);
    if (copied) {
      // A copy is answered with its first: in the same statement (or the same fallback).
      copied.members.push(index);
      return;
    }
    const grantColumns = Object.keys(request.grant);
    const eventColumns = Object.keys(eventRowOf(request));
    // Columns are joined with a character no column name contains.
    const key = `${grantColumns.join("\u0000")}\u0001${eventColumns.join("\u0000")}`;
    let statement = statements.get(key);
    if (!statement)
      statements.set(
        key,
        (statement = {
          grantColumns,
          eventColumns,
          grants: [],
          events: [],
          members: [],
          firsts: [],
        }),
      );
    statement.members.push(index);
    statement.firsts.push(index);
    statementOf.set(request.event.id, statement);
  });

  return {
    statements: [...statements.values()].map(({ firsts, ...statement }) => {
      // The winner per grant id: the highest snapshotOrder (fixed-width digits, so JavaScript's
      // comparison agrees with PostgreSQL's under any collation); on a tie the first to arrive.
      const winners = new Map<string, number>();
      for (const index of firsts) {
        const grant = requests[index]!.grant;
        const best = winners.get(grant.id);
        if (best === undefined || grant.snapshotOrder > requests[best]!.grant.snapshotOrder)
          winners.set(grant.id, index);
      }
      const grants = [...winners.values()]
        .map((index) => requests[index]!.grant)
        .sort((a, b) => byString(a.id, b.id));
      const events = firsts
        .map((index): PlannedEvent => {
          const request = requests[index]!;
          const { id: grantId, snapshotOrder } = request.grant;
          return {
            index,
            event: eventRowOf(request),
            grantId,
            snapshotOrder,
            winner: winners.get(grantId) === index,
          };
        })
        .sort((a, b) => byString(a.event.id, b.event.id));
      return { ...statement, grants, events };
    }),
  };
}
