// Messages to and from the ingestion worker: what is queued in one turn of the event loop leaves
// as one message, in order, and nothing waits for company.
import { describe, expect, it } from "vitest";
import { coalescePerTurn } from "@/lib/ingest/coalesce-per-turn";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("coalescePerTurn", () => {
  it("sends what is queued in one turn as one batch, in order", async () => {
    const sent: number[][] = [];
    const send = coalescePerTurn<number>((items) => sent.push(items));
    [1, 2, 3].forEach(send);
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual([[1, 2, 3]]);
  });

  it("sends a lone item on the next turn, and later items in a batch of their own", async () => {
    const sent: string[][] = [];
    const send = coalescePerTurn<string>((items) => sent.push(items));
    send("a");
    await nextTurn();
    send("b");
    send("c");
    await nextTurn();
    expect(sent).toEqual([["a"], ["b", "c"]]);
  });
});

describe("coalescePerTurn with a batch limit", () => {
  it("splits a turn's items into batches of at most maxBatch, one turn apart", async () => {
    const sent: number[][] = [];
    const enqueue = coalescePerTurn<number>((items) => sent.push(items), 2);
    [1, 2, 3, 4, 5].forEach(enqueue);
    await nextTurn();
    expect(sent).toEqual([[1, 2]]);
    await nextTurn();
    await nextTurn();
    expect(sent).toEqual([[1, 2], [3, 4], [5]]);
  });
});
