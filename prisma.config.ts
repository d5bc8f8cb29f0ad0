// The Prisma CLI's view of the database: DATABASE_URL picks the provider folder, so
// `prisma migrate …` works on SQLite (the default) and PostgreSQL with the same commands.
import { defineConfig } from "prisma/config";
import { providerOf, resolveDatabaseUrl } from "./lib/database-url.mjs";

const url = resolveDatabaseUrl(process.env.DATABASE_URL);
const provider = providerOf(url);

export default defineConfig({
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
  datasource: {
    url,
    ...(process.env.SHADOW_DATABASE_URL
      ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL }
      : {}),
  },
});
