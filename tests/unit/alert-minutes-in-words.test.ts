import { describe, expect, it } from "vitest";
import { minutesInWords } from "@/lib/alerts/conditions/stuck-pending";

describe("an alert threshold in words", () => {
  it.each([
    [1440, "24 hours"],
    [60, "1 hour"],
    [2880, "2 days"],
    [90, "90 min"],
    [30, "30 min"],
  ])("%i minutes reads %s", (minutes, words) => {
    expect(minutesInWords(minutes)).toBe(words);
  });
});
