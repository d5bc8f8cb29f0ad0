// The sign-in page's ?next= in a real browser: whatever the link says, signing in (the form's
// window.location.assign) and opening the link while signed in (the server's 307) both end on
// this site. Any other host is answered by a stand-in, so a redirect that escapes shows up as
// the final URL instead of as a DNS error.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./e2e-env";

/** `next=` as an attacker would write it in a link (so percent-encoded where a link must be). */
const FAMILIES: [family: string, next: string][] = [
  ["tab", "/%09/evil.example"],
  ["newline", "/%0A/evil.example"],
  ["carriage return", "/%0D/evil.example"],
  ["two backslashes", "%5C%5Cevil.example"],
  ["slash backslash", "/%5Cevil.example"],
  ["backslash slash", "%5C/evil.example"],
  ["encoded slashes", "%2F%2Fevil.example"],
  ["slash, encoded slash", "/%2Fevil.example"],
  ["https URL", "https://evil.example/"],
  ["scheme-relative", "//evil.example"],
  ["three slashes", "///evil.example"],
  ["userinfo-looking path", "/@evil.example"],
  ["userinfo, scheme-relative", "//user@evil.example"],
  ["javascript: URL", "javascript:alert(document.domain)"],
  ["double-encoded slashes", "%252F%252Fevil.example"],
  ["double-encoded tab", "/%2509/evil.example"],
  ["double-encoded backslash", "/%255Cevil.example"],
  ["dot segment", "/.//evil.example"],
  ["encoded dot-dot", "/%252e%252e//evil.example"],
  ["fullwidth solidus U+FF0F", "/%EF%BC%8F/evil.example"],
  ["two fullwidth solidi", "%EF%BC%8F%EF%BC%8Fevil.example"],
  ["division slash U+2215", "/%E2%88%95/evil.example"],
];

function ownOrigin(): string {
  return new URL(test.info().project.use.baseURL!).origin;
}

/** Another host's pages are answered by a stand-in, so nothing leaves the machine and a
 * navigation the page itself starts (the form) shows up as the final URL. */
async function catchOtherHosts(context: BrowserContext) {
  const origin = ownOrigin();
  await context.route(
    (url) => url.origin !== origin,
    (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Left Grantdesk</h1>" }),
  );
}

/** The origin of every main-frame request from now on. Redirects are listed too, which routes
 * never see: an escaping 307 fails on DNS instead of reaching the stand-in. */
function recordNavigations(page: Page): string[] {
  const origins: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame())
      origins.push(new URL(request.url()).origin);
  });
  return origins;
}

function expectOnlyThisSite(page: Page, visited: string[], family: string) {
  expect(
    visited.filter((origin) => origin !== ownOrigin()),
    family,
  ).toEqual([]);
  expect(new URL(page.url()).origin, `${family}: ended on ${page.url()}`).toBe(ownOrigin());
}

test.describe("signed out, signing in through a crafted link", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  for (const [family, next] of FAMILIES) {
    test(`stays on this site: ${family}`, async ({ context, page }) => {
      await catchOtherHosts(context);
      await page.goto(`/sign-in?next=${next}`);
      const visited = recordNavigations(page);
      await page.getByLabel("Email").fill(E2E_ADMIN.email);
      await page.getByLabel("Password").fill(E2E_ADMIN.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/sign-in");
      expectOnlyThisSite(page, visited, family);
    });
  }
});

test.describe("signed in, opening a crafted link", () => {
  for (const [family, next] of FAMILIES) {
    test(`is redirected to a page of this site: ${family}`, async ({ context, page }) => {
      await catchOtherHosts(context);
      const visited = recordNavigations(page);
      // A redirect that escapes ends in a DNS error; what it visited is the evidence.
      const response = await page.goto(`/sign-in?next=${next}`).catch(() => null);
      expectOnlyThisSite(page, visited, family);
      expect(response?.status(), family).toBeLessThan(500);
    });
  }

  test("a newline in next= lands on the overview, not on a 500", async ({ page }) => {
    const response = await page.goto("/sign-in?next=/%0A/x");
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  });
});
