import { describe, expect, it } from "vitest";
import { csvField } from "@/lib/grants/grant-csv";

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    [null, ""],
  ])("%j → %s", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});
