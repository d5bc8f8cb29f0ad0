#!/usr/bin/env node
// `npm run db:migration -- --name <name>`: author the next migration for BOTH providers from
// prisma/models.prisma, as prisma/sqlite/migrations/<ts>_<name>/ and
// prisma/postgresql/migrations/<ts>_<name>/ (one folder name for both).
//
// Per provider, against a throwaway database (never DATABASE_URL), both providers at once:
//   1. `migrate diff --from-migrations prisma/<provider>/migrations --to-schema prisma/<provider>
//      --script`: the SQL that takes the committed history (replayed in a shadow database) to the
//      current models: what `migrate dev --create-only` would write, without its prompts (which
//      fail on non-interactive machines) and with one timestamp for both folders;
//   2. after writing it, `migrate deploy` the whole history into the throwaway database and
//      `migrate diff --from-config-datasource --to-schema … --exit-code`: the new migration must
//      apply and leave nothing to change.
// SQLite uses a temporary file; PostgreSQL a throwaway embedded server (scripts/prisma/
// throwaway-postgres.mjs), or the server in MIGRATION_POSTGRES_URL / TEST_DATABASE_URL.
// When the models did not change, it says so and creates nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT, runPrisma } from "./prisma.mjs";
import { startExternalOrThrowawayPostgres } from "./throwaway-postgres.mjs";

const PROVIDERS = ["sqlite", "postgresql"];

function usage(message) {
  if (message) console.error(`db:migration: ${message}`);
  console.error("usage: npm run db:migration -- --name <migration_name>");
  process.exit(2);
}

function parseArgs(argv) {
  let name;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--name" || arg === "-n") name = argv[++i];
    else if (arg.startsWith("--name=")) name = arg.slice("--name=".length);
    else if (arg === "--help" || arg === "-h") usage();
    else if (!arg.startsWith("-") && name === undefined) name = arg;
    else usage(`unknown argument ${arg}`);
  }
  if (!name) usage("a migration name is required");
  const slug = slugify(name);
  if (!slug) usage(`"${name}" has no letters or digits to name a migration with`);
  return { slug };
}

/** The Prisma CLI's migration-name slug: words split (camelCase too), lower case, "_"-joined, ≤ 200. */
function slugify(name) {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

const migrationsDir = (provider) => path.join(PROJECT_ROOT, "prisma", provider, "migrations");
const rel = (file) => path.relative(PROJECT_ROOT, file);

/** Migration folder names already committed for a provider. */
function existingMigrations(provider) {
  const dir = migrationsDir(provider);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** YYYYMMDDHHMMSS (UTC), as Prisma names folders, and later than every existing migration. */
function nextTimestamp() {
  const stamp = (date) => date.toISOString().replace(/\D/g, "").slice(0, 14);
  let date = new Date();
  const latest = PROVIDERS.flatMap(existingMigrations)
    .map((name) => name.slice(0, 14))
    .sort()
    .at(-1);
  while (latest && stamp(date) <= latest) date = new Date(date.getTime() + 1000);
  return stamp(date);
}

/** Run the Prisma CLI for one provider's throwaway database, output captured. */
async function prisma(target, args) {
  const env = { ...process.env, DATABASE_URL: target.url };
  delete env.SHADOW_DATABASE_URL; // the developer's shadow database belongs to their DATABASE_URL, not ours
  delete env.DIRECT_DATABASE_URL; // it would take the throwaway DATABASE_URL's place (prisma.mjs)
  return runPrisma(args, { env, capture: true });
}

function fail(target, step, result) {
  const output = `${result.stdout}\n${result.stderr}`.trim();
  throw new Error(`${target.provider}: ${step} failed (exit ${result.code})\n${output}`);
}

/**
 * Step 1: the SQL from the committed history to the models, or null when there is none. The
 * engine replays the history into a shadow database for this, so it also proves the history
 * applies cleanly.
 */
async function pendingChanges(target, scratchDir) {
  const output = path.join(scratchDir, `${target.provider}.sql`);
  const diff = await prisma(target, [
    "migrate",
    "diff",
    "--from-migrations",
    historyDir(target.provider, scratchDir),
    "--to-schema",
    `prisma/${target.provider}`,
    "--script",
    "--exit-code",
    "--output",
    output,
  ]);
  if (diff.code === 0) return null; // 0: no difference
  if (diff.code !== 2) fail(target, "diffing the migrations against the models", diff); // 2: differences
  return fs.readFileSync(output, "utf8");
}

/**
 * The migrations folder to diff from. Before the first migration there is none, and the engine
 * wants at least a migration_lock.toml: use an empty history in the scratch folder. (Not
 * --from-empty: that side has no default schema, so PostgreSQL would get a stray
 * `CREATE SCHEMA IF NOT EXISTS "public"` that `migrate dev` does not write.)
 */
function historyDir(provider, scratchDir) {
  if (existingMigrations(provider).length) return rel(migrationsDir(provider));
  const empty = path.join(scratchDir, `${provider}-empty-history`);
  fs.mkdirSync(empty, { recursive: true });
  fs.writeFileSync(path.join(empty, "migration_lock.toml"), lockFileContent(provider));
  return empty;
}

function lockFileContent(provider) {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;
}

/** Write <ts>_<name>/migration.sql and migration_lock.toml, as `migrate dev` does. */
function writeMigration(provider, folder, sql) {
  const dir = migrationsDir(provider);
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  fs.writeFileSync(path.join(dir, folder, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
  const lock = path.join(dir, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, lockFileContent(provider));
  return path.join(dir, folder, "migration.sql");
}

/**
 * Step 2: `migrate deploy` the whole history, new migration included, into the throwaway database
 * (as it will run in production), and the database then matches the models.
 */
async function verify(target) {
  const deployed = await prisma(target, ["migrate", "deploy"]);
  if (deployed.code !== 0) fail(target, "applying the new migration", deployed);
  const diff = await prisma(target, [
    "migrate",
    "diff",
    "--from-config-datasource",
    "--to-schema",
    `prisma/${target.provider}`,
    "--exit-code",
  ]);
  if (diff.code !== 0)
    fail(target, "checking the database against the models after the new migration", diff);
}

async function main() {
  const { slug } = parseArgs(process.argv.slice(2));
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "grantdesk-migration-"));
  let server;
  let database;
  try {
    // The two providers are independent: work on both at once (the PostgreSQL server starts
    // while SQLite is being diffed).
    const sqlite = { provider: "sqlite", url: `file:${path.join(scratchDir, "authoring.db")}` };
    const postgresql = { provider: "postgresql" };
    const preparePostgres = async () => {
      server = await startExternalOrThrowawayPostgres();
      database = `grantdesk_migration_${process.pid}_${Date.now()}`;
      postgresql.url = await server.createDatabase(database);
    };
    const targets = [sqlite, postgresql];
    // allSettled, not all: on a failure, wait for the other side too, so that the server it may
    // be starting is known (and stopped below) before this process exits.
    const [sqliteSql, postgresqlSql] = await settleAll([
      pendingChanges(sqlite, scratchDir),
      preparePostgres().then(() => pendingChanges(postgresql, scratchDir)),
    ]);
    sqlite.sql = sqliteSql;
    postgresql.sql = postgresqlSql;
    console.log(`db:migration: throwaway databases: SQLite ${sqlite.url}, PostgreSQL ${server}`);
    for (const target of targets) {
      const history = existingMigrations(target.provider).length;
      console.log(
        `  ${target.provider.padEnd(10)} ${history} migration(s) replayed; ${target.sql ? "the models changed" : "no change"}`,
      );
    }

    const changed = targets.filter((target) => target.sql);
    if (changed.length === 0) {
      console.log("db:migration: the models match the latest migrations; nothing to create.");
      return 0;
    }
    if (changed.length < targets.length) {
      const same = targets.find((target) => !target.sql).provider;
      console.warn(
        `db:migration: warning: no change for ${same}; creating the ${changed[0].provider} migration only.`,
      );
    }

    const folder = `${nextTimestamp()}_${slug}`;
    const files = changed.map((target) => writeMigration(target.provider, folder, target.sql));
    try {
      await settleAll(changed.map(verify));
    } catch (error) {
      error.message += `\nThe new migration was left in place for inspection: ${files.map(rel).join(", ")}`;
      throw error;
    }

    console.log(`db:migration: created ${folder}:`);
    for (const file of files) console.log(`  ${rel(file)}`);
    console.log(
      "Each applies cleanly after the existing history and leaves the database matching the models.",
    );
    console.log("Review the SQL, then apply it to DATABASE_URL with `npm run db:migrate`.");
    return 0;
  } finally {
    if (server?.external && database) await server.dropDatabase(database).catch(() => {});
    await server?.stop();
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}

/** Promise.all that waits for every promise before throwing the first failure. */
async function settleAll(promises) {
  const results = await Promise.allSettled(promises);
  const failure = results.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
  return results.map((result) => result.value);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`db:migration: ${error.message}`);
    process.exit(1);
  },
);
