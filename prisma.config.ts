// The Prisma CLI's view of the database: DATABASE_URL picks the provider folder, so
// `prisma migrate …` works on SQLite (the default) and PostgreSQL with the same commands.
// DIRECT_DATABASE_URL, when set, is used instead: the unpooled URL, for migrations.
import { defineConfig } from "prisma/config";
import { migrationDatabaseUrl, providerOf, resolveDatabaseUrl } from "./lib/database-url.mjs";

const url = resolveDatabaseUrl(migrationDatabaseUrl(process.env));
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
