#!/usr/bin/env node
// `npm run db:generate`: generate BOTH Prisma Clients, lib/generated/prisma-sqlite and
// lib/generated/prisma-postgresql, whatever DATABASE_URL says. prisma.config.ts picks the schema
// folder from DATABASE_URL's kind, so each run gets a URL of that kind; `prisma generate` never
// connects to it. Extra arguments go to `prisma generate`.
import { runPrisma } from "./prisma.mjs";

const PLACEHOLDER_URLS = {
  sqlite: "file:./data/grantdesk.db",
  postgresql: "postgresql://localhost:5432/grantdesk",
};

for (const [provider, url] of Object.entries(PLACEHOLDER_URLS)) {
  const env = { ...process.env, DATABASE_URL: url };
  delete env.SHADOW_DATABASE_URL;
  delete env.DIRECT_DATABASE_URL; // it would take DATABASE_URL's place (prisma.mjs)
  const { code } = await runPrisma(["generate", ...process.argv.slice(2)], {
    env,
    cwd: process.cwd(),
    forwardSignals: true,
  });
  if (code !== 0) {
    console.error(`db:generate: generating the ${provider} client failed (exit ${code})`);
    process.exit(code);
  }
}
