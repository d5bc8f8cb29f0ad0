// The customer page in the browser: reached from the grants list by name, it shows who the
// customer is, what they have now, their subscription and one timeline.
import { expect, test } from "./fixtures";
import { sendWebhook } from "./webhooks";
import { E2E_DODO_URL } from "./e2e-env";

const shotsDir = process.env.SHOTS_DIR;

test("search by email, open the customer, and read what they have now", async ({
  page,
  request,
  freshGrant,
}) => {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  const customerId = `cus_e2e_${suffix}`;
  const email = `ada.${suffix}@example.com`;
  const subscriptionId = `sub_e2e_${suffix}`;
  const person = { customer_id: customerId, email, name: `Ada ${suffix}` };
  const now = new Date().toISOString();
  expect(
    (
      await sendWebhook(request, {
        business_id: "bus_e2e",
        type: "subscription.cancelled",
        timestamp: now,
        data: {
          subscription_id: subscriptionId,
          status: "cancelled",
          product_id: "pdt_pro",
          cancelled_at: now,
          customer: person,
        },
      })
    ).outcome,
  ).toBe("applied");
  const revoked = await freshGrant("revoked-subscription-cancelled", {
    customer_id: customerId,
    subscription_id: subscriptionId,
  });
  const failed = await freshGrant("github-failed-permission", { customer_id: customerId });

  await page.goto(`/grants?q=${encodeURIComponent(email.toUpperCase())}`);
  const table = page.getByRole("table", { name: /Grants/ });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("link", { name: person.name })).toHaveCount(2);
  await page
    .getByRole("navigation", { name: "Customers found" })
    .getByRole("link", { name: new RegExp(person.name) })
    .click();

  await expect(page).toHaveURL(new RegExp(`/customers/${customerId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(person.name);
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText("Failed: github_permission_denied")).toBeVisible();
  await expect(page.getByText(/Revoked .*: Subscription cancelled/)).toBeVisible();
  await expect(page.getByRole("link", { name: revoked.id }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: failed.id }).first()).toBeVisible();
  await expect(page.getByText(subscriptionId)).toBeVisible();
  await expect(page.getByText(/The subscription was cancelled on/)).toBeVisible();
  if (shotsDir) await page.screenshot({ path: `${shotsDir}/customer.png`, fullPage: true });

  // The revoked grant's page says what the subscription is doing now.
  await page.goto(`/grants/${revoked.id}`);
  await expect(page.getByRole("region", { name: "The subscription now" })).toContainText(
    "Access does not come back by itself",
  );
  if (shotsDir)
    await page.screenshot({ path: `${shotsDir}/grant-with-customer.png`, fullPage: true });
});

test("an unknown customer id is a 404 page that says how to find one", async ({ page }) => {
  const response = await page.goto("/customers/cus_never_seen_anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("No customer with this id")).toBeVisible();
});

test("a customer known only by id gets their name from Dodo with Refresh", async ({
  page,
  request,
  freshGrant,
}) => {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  const customerId = `cus_refresh_${suffix}`;
  // Dodo knows the person; Grantdesk has only seen their id, on a grant.
  const added = await request.post(`${E2E_DODO_URL}/__mock/customers`, {
    data: {
      customer_id: customerId,
      email: `grace.${suffix}@example.com`,
      name: `Grace ${suffix}`,
    },
  });
  expect(added.status()).toBe(201);
  await freshGrant("license-key-delivered", { customer_id: customerId });

  await page.goto(`/customers/${customerId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(customerId);
  await expect(page.getByText("Dodo has named this customer by id only so far")).toBeVisible();
  await page.getByRole("button", { name: "Refresh from Dodo" }).click();
  await expect(page.getByRole("status")).toHaveText(/the customer's email and name are up to date/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Grace ${suffix}`);
  await expect(page.getByText(`grace.${suffix}@example.com`)).toBeVisible();
});
