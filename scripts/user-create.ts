// npm run user:create -- --email E [--password P] --role admin|support [--name N]
// Creates a member of the team (the first admin, typically). Without --password it asks for one
// on the terminal, so it never lands in the shell history.
import { parseArgs } from "node:util";
import { createUser } from "../lib/auth/users";
import { cliViewer } from "../lib/auth/viewer";
import { promptHidden, runCli } from "./cli";

const USAGE =
  "usage: npm run user:create -- --email you@example.com --role admin|support [--password P] [--name N]";

runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
    },
  });
  if (!values.email || !values.role) throw new Error(`--email and --role are required\n${USAGE}`);
  const password =
    values.password ?? (await promptHidden(`Password for ${values.email} (10+ characters): `));
  const user = await createUser(cliViewer(), {
    email: values.email,
    password,
    role: values.role as "admin",
    name: values.name,
  });
  console.log(`Created ${user.role} ${user.email}. They can sign in now.`);
});
