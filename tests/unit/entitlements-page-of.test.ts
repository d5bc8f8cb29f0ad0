import { describe, expect, it } from "vitest";
import { pageOf, readEntitlementsQuery } from "@/lib/entitlements/page-of";

const rows = Array.from({ length: 250 }, (_, i) => i);

describe("entitlements in pages", () => {
  it("slices the sorted rows into pages of the given size", () => {
    expect(pageOf(rows, 1)).toMatchObject({ page: 1, pages: 3, total: 250, first: 1 });
    expect(pageOf(rows, 1).rows).toEqual(rows.slice(0, 100));
    expect(pageOf(rows, 3).rows).toEqual(rows.slice(200));
    expect(pageOf(rows, 3).first).toBe(201);
  });

  it("shows the last page for a page past the end, and one empty page for no rows", () => {
    expect(pageOf(rows, 9)).toMatchObject({ page: 3, first: 201 });
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, pages: 1, total: 0, first: 0 });
  });

  it("reads the page number from the address, and says what it ignored", () => {
    expect(readEntitlementsQuery({ page: "2" })).toEqual({ page: 2, problems: [] });
    expect(readEntitlementsQuery({})).toEqual({ page: 1, problems: [] });
    expect(readEntitlementsQuery({ page: "0" })).toMatchObject({ page: 1 });
    expect(readEntitlementsQuery({ page: "two" }).problems).toEqual([
      "page: must be a page number",
    ]);
  });
});
