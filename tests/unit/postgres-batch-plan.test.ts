// Planning a PostgreSQL batch (lib/ingest/stores/postgres-batch-plan.ts): what goes into the one
// multi-row statement. Its effect on the database is tested in
// tests/integration/webhook-group-commit-postgres.test.ts; here, what the SQL cannot show: the
// lock order (rows sorted) and the grouping.
import { describe, expect, it } from "vitest";
import { batchDeliverySql } from "@/lib/ingest/stores/postgres-batch";
import { planBatch, type GrantRequest } from "@/lib/ingest/stores/postgres-batch-plan";

const request = (
  webhookId: string,
  grantId: string,
  order: string,
  extra: Record<string, unknown> = {},
): GrantRequest => ({
  event: { id: webhookId, rawBody: "{}", grantId, outcome: "applied" },
  grant: { id: grantId, status: "Delivered", snapshotOrder: order, ...extra },
});

describe("planBatch", () => {
  it("one statement; grant rows sorted by id and event rows by webhook-id, so concurrent batches lock in one order", () => {
    const { statements } = planBatch([
      request("msg_c", "grant_z", "1"),
      request("msg_a", "grant_x", "1"),
      request("msg_b", "grant_y", "1"),
    ]);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.grants.map((g) => g.id)).toEqual(["grant_x", "grant_y", "grant_z"]);
    expect(statements[0]!.events.map((e) => e.event.id)).toEqual(["msg_a", "msg_b", "msg_c"]);
    expect(statements[0]!.events.map((e) => e.index)).toEqual([1, 2, 0]);
    expect(statements[0]!.members).toEqual([0, 1, 2]);
  });

  it("the event row leaves the outcome to the statement", () => {
    const { statements } = planBatch([
      request("msg_a", "grant_a", "1"),
      request("msg_b", "grant_b", "1"),
    ]);
    expect(statements[0]!.eventColumns).toEqual(["id", "rawBody", "grantId"]);
    expect(statements[0]!.events[0]!.event).not.toHaveProperty("outcome");
  });

  it("one grant row per grant id: the highest snapshotOrder wins, the first to arrive on a tie", () => {
    const { statements } = planBatch([
      request("msg_1", "grant_a", "002"),
      request("msg_2", "grant_a", "003"),
      request("msg_3", "grant_a", "001"),
      request("msg_4", "grant_a", "003"),
      request("msg_5", "grant_b", "001"),
    ]);
    const [statement] = statements;
    expect(statement!.grants.map((g) => [g.id, g.snapshotOrder])).toEqual([
      ["grant_a", "003"],
      ["grant_b", "001"],
    ]);
    expect(statement!.events.filter((e) => e.winner).map((e) => e.event.id)).toEqual([
      "msg_2",
      "msg_5",
    ]);
    expect(statement!.events.map((e) => [e.event.id, e.grantId, e.snapshotOrder])).toContainEqual([
      "msg_4",
      "grant_a",
      "003",
    ]);
  });

  it("a copy of a webhook-id is not written again: it joins its first copy's statement as a member only", () => {
    const { statements } = planBatch([
      request("msg_1", "grant_a", "1"),
      request("msg_2", "grant_b", "1"),
      request("msg_1", "grant_a", "1"),
      request("msg_1", "grant_a", "1"),
    ]);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.events.map((e) => e.index)).toEqual([0, 1]);
    expect(statements[0]!.members).toEqual([0, 1, 2, 3]);
    // A copy carrying a newer snapshot is still only a copy: the webhook-id decides.
    const newerCopy = planBatch([
      request("msg_1", "grant_a", "1"),
      request("msg_1", "grant_a", "9"),
    ]);
    expect(newerCopy.statements[0]!.grants.map((g) => g.snapshotOrder)).toEqual(["1"]);
  });

  it("rows with other columns get a statement of their own; a copy follows its first copy", () => {
    const { statements } = planBatch([
      request("msg_1", "grant_a", "1"),
      request("msg_2", "grant_b", "1", { metadata: { x: 1 } }),
      request("msg_3", "grant_c", "1"),
      request("msg_2", "grant_b", "1"),
    ]);
    expect(statements.map((s) => s.members)).toEqual([
      [0, 2],
      [1, 3],
    ]);
    expect(statements[1]!.grantColumns).toContain("metadata");
    expect(statements[0]!.grantColumns).not.toContain("metadata");
  });
});

describe("batchDeliverySql", () => {
  it("numbers every parameter once, in the order the values are sent", () => {
    const text = batchDeliverySql(["id", "metadata", "snapshotOrder"], ["id", "grantId"], 2, 3);
    const numbers = [...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
    const expected = 2 * 3 + 3 * (2 + 3);
    expect(Math.max(...numbers)).toBe(expected);
    expect(new Set(numbers).size).toBe(expected);
    // jsonb columns keep their cast; the grant ids of the upsert are read back by `prior`.
    expect(text).toContain("$2::jsonb");
    expect(text).toContain(`WHERE "id" IN ($1, $4)`);
  });
});
