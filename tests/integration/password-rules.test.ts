// The password rules hold wherever a password is set: the team page's action, lib/auth/users.ts,
// `npm run user:create`, and Better Auth's change-password endpoint.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createHashGate, replaceHashGate } from "@/lib/auth/hash-gate";
import { authRequest, makeUser, mockNextHeaders, requestHeaders, signIn } from "../support/auth";
import { testViewer } from "../support/viewers";

mockNextHeaders();
const provider = inject("testProvider");
const COMMON = "qwertyuiop";

beforeAll(() => {
  const wide = { perSecond: 1_000, burst: 1_000 };
  replaceHashGate(createHashGate({ perAddress: wide, global: wide }));
});

describe(`the password rules (${provider})`, () => {
  it("refuse a common password or one holding the email on the team page, saying what to do", async () => {
    const admin = await makeUser("owner@rules.test", "admin");
    const { createUserAction } = await import("@/app/(dashboard)/settings/actions");
    requestHeaders.current = new Headers({ cookie: await signIn(admin.email, admin.password) });
    const create = (password: string) => {
      const form = new FormData();
      form.set("email", "newcomer@rules.test");
      form.set("password", password);
      form.set("role", "support");
      return createUserAction(null, form);
    };
    expect(await create(COMMON)).toEqual({
      ok: false,
      message: expect.stringMatching(/most commonly used .*: choose another/),
    });
    expect(await create("newcomer-2026-x")).toEqual({
      ok: false,
      message: expect.stringMatching(/must not contain the email address .*: choose another/),
    });
    expect(await create("granite-orbit-lantern")).toMatchObject({ ok: true });
  });

  it("refuse them on an admin's reset", async () => {
    const { resetPassword } = await import("@/lib/auth/users");
    const user = await makeUser("reset@rules.test", "support");
    await expect(resetPassword(testViewer("admin"), user.email, "Password123")).rejects.toThrow(
      /most commonly used/,
    );
    await expect(
      resetPassword(testViewer("admin"), user.email, "granite-orbit-lantern"),
    ).resolves.toBeUndefined();
  });

  it("refuse them in npm run user:create", () => {
    const run = (password: string) =>
      execFileSync(
        "npm",
        [
          "run",
          "--silent",
          "user:create",
          "--",
          "--email",
          "cli@rules.test",
          "--password",
          password,
          "--role",
          "support",
        ],
        {
          cwd: path.resolve(import.meta.dirname, "../.."),
          env: process.env,
          encoding: "utf8",
          stdio: "pipe",
        },
      );
    expect(() => run(COMMON)).toThrow(/most commonly used/);
    expect(run("granite-orbit-lantern")).toContain("Created support cli@rules.test");
  });

  it("refuse them when a signed-in person changes their own password", async () => {
    const user = await makeUser("changer@rules.test", "support");
    const cookie = await signIn(user.email, user.password);
    const change = (newPassword: string) =>
      authRequest("/change-password", { currentPassword: user.password, newPassword }, { cookie });
    const refused = await change("1234567890");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "PASSWORD_REFUSED" });
    expect((await change("changer-for-sure")).status).toBe(400);
    expect((await change("granite-orbit-lantern")).status).toBe(200);
  });
});
