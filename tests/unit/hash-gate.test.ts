import { describe, expect, it } from "vitest";
import { createHashGate } from "@/lib/auth/hash-gate";

const RATES = { perAddress: { perSecond: 1, burst: 3 }, global: { perSecond: 2, burst: 5 } };

describe("the CPU gate", () => {
  it("lets an address spend its burst, then asks it to wait for the next token", () => {
    const gate = createHashGate(RATES);
    expect([0, 0, 0].map(() => gate.admit("a", 0))).toEqual([0, 0, 0]);
    expect(gate.admit("a", 0)).toBe(1);
    expect(gate.admit("a", 999)).toBe(1);
    expect(gate.admit("a", 1000)).toBe(0);
  });

  it("caps every address together at the global rate", () => {
    const gate = createHashGate(RATES);
    const answers = ["a", "b", "c", "d", "e", "f", "g"].map((address) => gate.admit(address, 0));
    expect(answers).toEqual([0, 0, 0, 0, 0, 1, 1]);
    // Two tokens a second come back for everyone.
    expect(gate.admit("h", 500)).toBe(0);
    expect(gate.admit("i", 500)).toBe(1);
  });

  it("takes nothing from an address that the global bucket refuses", () => {
    const gate = createHashGate(RATES);
    for (const address of ["a", "b", "c", "d", "e"]) gate.admit(address, 0);
    expect(gate.admit("x", 0)).toBe(1);
    expect(gate.admit("x", 0)).toBe(1);
    // Three seconds on, "x" still has its whole burst of three.
    expect([0, 0, 0].map(() => gate.admit("x", 3000))).toEqual([0, 0, 0]);
  });
});
