// Messages to and from the ingestion worker: what is queued in one turn of the event loop leaves
// as one message, in order, and nothing waits for company.
import { describe, expect, it } from "vitest";
import { batchedSender } from "@/lib/ingest/coalesce-per-turn";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("batchedSender", () => {
  it("sends what is queued in one turn as one batch, in order", async () => {
    const sent: number[][] = [];
    const send = batchedSender<number>((items) => sent.push(items));
    [1, 2, 3].forEach(send);
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual([[1, 2, 3]]);
  });

  it("sends a lone item on the next turn, and later items in a batch of their own", async () => {
    const sent: string[][] = [];
    const send = batchedSender<string>((items) => sent.push(items));
    send("a");
    await nextTurn();
    send("b");
    send("c");
    await nextTurn();
    expect(sent).toEqual([["a"], ["b", "c"]]);
  });
});
