// The sign-in page's ?next= (already decoded once by Next, as the page receives it): every known
// way of smuggling another host past a "starts with one slash" check, and the paths that must
// keep working. Each refused value falls back to "/".
import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPath } from "@/lib/auth/sign-in-path";

const REFUSED: [family: string, value: string][] = [
  ["tab", "/\t/evil.example"],
  ["newline", "/\n/evil.example"],
  ["carriage return", "/\r/evil.example"],
  ["other C0 control", "/\u0000/evil.example"],
  ["DEL", "/\u007f/evil.example"],
  ["C1 control (NEL)", "/\u0085/evil.example"],
  ["two backslashes", "\\\\evil.example"],
  ["slash backslash", "/\\evil.example"],
  ["backslash slash", "\\/evil.example"],
  ["backslash later in the path", "/grants\\..\\..\\evil.example"],
  ["encoded slashes, not a path", "%2F%2Fevil.example"],
  ["absolute https URL", "https://evil.example"],
  ["scheme-relative", "//evil.example"],
  ["three slashes", "///evil.example"],
  ["userinfo, scheme-relative", "//user@evil.example"],
  ["userinfo with password", "//user:pass@evil.example/x"],
  ["javascript: URL", "javascript:alert(1)"],
  ["data: URL", "data:text/html,<script>alert(1)</script>"],
  ["leading space", " //evil.example"],
  ["encoded tab", "/%09/evil.example"],
  ["encoded newline", "/%0A/evil.example"],
  ["encoded carriage return", "/%0d/evil.example"],
  ["encoded backslash", "/%5Cevil.example"],
  ["encoded C1 control", "/%C2%85/evil.example"],
  ["double-encoded newline", "/%250A/evil.example"],
  ["double-encoded backslash", "/%255Cevil.example"],
  ["tab encoded four times", "/%25252509/evil.example"],
  ["dot segment collapsing to //", "/.//evil.example"],
  ["dot-dot segment collapsing to //", "/..//evil.example"],
  ["encoded dot-dot collapsing to //", "/%2e%2e//evil.example"],
  ["the sign-in page itself", "/sign-in?next=/x"],
  ["the sign-in page through a dot segment", "/./sign-in"],
  ["an API route", "/api/v1/grants"],
  ["empty", ""],
];

/** Paths that stay on this site, as the browser would open them (URL-normalised). */
const KEPT: [family: string, value: string, expected: string][] = [
  ["a page", "/grants", "/grants"],
  ["with query and hash", "/grants?status=Failed#top", "/grants?status=Failed#top"],
  ["a bare % in the query", "/grants?q=100%", "/grants?q=100%"],
  ["encoded slashes in a path (one segment here)", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["one encoded slash", "/%2Fevil.example", "/%2Fevil.example"],
  ["userinfo-looking path", "/@evil.example", "/@evil.example"],
  ["fullwidth solidus U+FF0F", "/\uff0f/evil.example", "/%EF%BC%8F/evil.example"],
  ["fullwidth solidus, encoded", "/%EF%BC%8F/evil.example", "/%EF%BC%8F/evil.example"],
  ["division slash U+2215", "/\u2215evil.example", "/%E2%88%95evil.example"],
  ["dot segments", "/events/../grants", "/grants"],
  ["non-ASCII", "/grants?q=café", "/grants?q=caf%C3%A9"],
];

describe("safeReturnPath", () => {
  it.each(REFUSED)("refuses %s", (_family, value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it.each(KEPT)("keeps %s on this site", (_family, value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it("falls back to / for a missing value", () => {
    expect(safeReturnPath(null)).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });

  it("never returns something a browser reads as another host", () => {
    for (const [, value] of [...REFUSED, ...KEPT]) {
      const path = safeReturnPath(value);
      expect(new URL(path, "https://grantdesk.example").origin, value).toBe(
        "https://grantdesk.example",
      );
      expect(path, value).toMatch(/^\/(?![/\\])/);
    }
  });
});

describe("signInPath", () => {
  it("carries a safe path and drops an unsafe one", () => {
    expect(signInPath("/grants/g_1")).toBe("/sign-in?next=%2Fgrants%2Fg_1");
    expect(signInPath("/\t/evil.example")).toBe("/sign-in");
    expect(signInPath("/.//evil.example")).toBe("/sign-in");
  });
});
