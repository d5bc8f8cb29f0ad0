// The demo's admin: created on the first `npm run demo`, given a fresh password on every run
// (the password comes in DEMO_ADMIN_PASSWORD; the demo prints it once the server is up).
import { createUser, resetPassword } from "../../lib/auth/users";
import { cliViewer } from "../../lib/auth/viewer";
import { getDb } from "../../lib/db";
import { runCli } from "../cli";

const DEMO_ADMIN_EMAIL = "admin@demo.grantdesk.local";

runCli(async () => {
  const password = process.env.DEMO_ADMIN_PASSWORD;
  if (!password) throw new Error("DEMO_ADMIN_PASSWORD is not set");
  const db = await getDb();
  const exists = await db.user.findUnique({
    where: { email: DEMO_ADMIN_EMAIL },
    select: { id: true, disabled: true },
  });
  if (exists) await resetPassword(cliViewer(), DEMO_ADMIN_EMAIL, password);
  else
    await createUser(cliViewer(), {
      email: DEMO_ADMIN_EMAIL,
      password,
      role: "admin",
      name: "Demo admin",
    });
});
