import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-policy";

const EMAIL = "Dana.Scully@example.com";

describe("the password rules", () => {
  it.each([
    ["correct-horse-battery", null],
    ["a-long-enough-password", null],
    ["e2e-owner-passphrase-7", null],
    ["short-one", /at least 10 characters/],
    ["x".repeat(257), /at most 256 characters/],
    // On zxcvbn's list of common passwords, in any case.
    ["qwertyuiop", /most commonly used/],
    ["1234567890", /most commonly used/],
    ["Password123", /most commonly used/],
    // A common word with digits or symbols stuck on.
    ["monkey2026!!", /most commonly used/],
    ["!!!!sunshine", /most commonly used/],
    // The account's own address, or the name before the @.
    [EMAIL, /must not contain the email address/],
    ["dana.scully-2026", /must not contain the email address/],
    ["I am DANA.SCULLY really", /must not contain the email address/],
  ])("%s → %s", async (password, expected) => {
    const problem = await passwordProblem(password, EMAIL);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it("does not refuse every password holding a two-letter name", async () => {
    expect(await passwordProblem("major-tom-to-ground", "jo@example.com")).toBeNull();
  });
});
