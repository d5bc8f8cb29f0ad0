import { describe, expect, it } from "vitest";
import { csvField } from "@/lib/grants/queries/grant-csv";

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["grant_2026-03-01", "grant_2026-03-01"],
    ["2026-03-01T10:00:00.000Z", "2026-03-01T10:00:00.000Z"],
    ["", ""],
    [null, ""],
    // Separators: `;` is the list separator of many spreadsheet locales, so it splits cells too.
    ["a,b", '"a,b"'],
    ["cus_x;=1+1", '"cus_x;=1+1"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["carriage\rreturn", '"carriage\rreturn"'],
    ["crlf\r\nline", '"crlf\r\nline"'],
    // A leading formula character: quoted, and a ' inside the quotes so it stays text (OWASP).
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["=1+1", `"'=1+1"`],
    ["+1", `"'+1"`],
    ["-1", `"'-1"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\t=1+1", `"'\t=1+1"`],
    ["\r=1+1", `"'\r=1+1"`],
    ["=a;b,c", `"'=a;b,c"`],
    ["a=1", "a=1"],
  ])("%j → %s", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});
