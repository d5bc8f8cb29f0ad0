import { describe, expect, it } from "vitest";
import { cn } from "../../lib/cn";

describe("cn", () => {
  it("lets a caller's class win over a primitive's of the same property", () => {
    expect(cn("px-4 py-2.5", "px-3")).toBe("py-2.5 px-3");
    expect(cn("bg-subtle text-left", "bg-transparent")).toBe("text-left bg-transparent");
  });

  it("keeps a size and a colour token, which only share the text- prefix", () => {
    expect(cn("text-sm", "text-muted")).toBe("text-sm text-muted");
    expect(cn("text-xs text-danger-text", "text-success-text")).toBe("text-xs text-success-text");
  });

  it("drops what is falsy", () => {
    expect(cn("rounded", false, null, undefined, "", "border")).toBe("rounded border");
  });
});
