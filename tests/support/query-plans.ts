// Records the SQL the app's Prisma client sends (with its parameters) and asks the database for
// each statement's plan, so a test can assert that real queries, not hand-copied ones, use an
// index. SQLite: EXPLAIN QUERY PLAN. PostgreSQL: EXPLAIN with sequential scans and sorts priced
// out, so a Seq Scan or a Sort in the plan means no index can serve the query (a test table is
// small enough that the planner would otherwise scan it whatever the indexes).
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "@/lib/database-url.mjs";

export type Captured = { sql: string; params: unknown[] };

const captured: Captured[] = [];
let recording = false;

type StatementProto = Record<
  "all" | "get" | "iterate" | "bind",
  (...args: unknown[]) => unknown
> & {
  source: string;
};

function patchSqlite() {
  const probe = new Database(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as StatementProto;
  probe.close();
  // Prisma's adapter binds the parameters first, then runs the statement without arguments.
  const bound = new WeakMap<object, unknown[]>();
  const bind = proto.bind;
  proto.bind = function (this: StatementProto, ...args: unknown[]) {
    bound.set(this, args.flat());
    return bind.apply(this, args);
  };
  for (const method of ["all", "get", "iterate"] as const) {
    const original = proto[method];
    proto[method] = function (this: StatementProto, ...args: unknown[]) {
      if (recording) captured.push({ sql: this.source, params: bound.get(this) ?? args.flat() });
      return original.apply(this, args);
    };
  }
}

function patchPostgres() {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args as [unknown, unknown];
    if (recording) {
      const config = typeof first === "string" ? { text: first, values: second } : first;
      const { text, values } = config as { text: string; values?: unknown[] };
      captured.push({ sql: text, params: values ?? [] });
    }
    return original.apply(this, args);
  };
}

/** Call once, before the app opens its database connection. */
export function captureQueries(provider: "sqlite" | "postgresql") {
  if (provider === "sqlite") patchSqlite();
  else patchPostgres();
}

/** The SELECTs on "Grant" (or `table`) that `run` sent. */
export async function queriesOf(run: () => Promise<unknown>, table = "Grant"): Promise<Captured[]> {
  captured.length = 0;
  recording = true;
  try {
    await run();
  } finally {
    recording = false;
  }
  // Prisma quotes names with backticks on SQLite, double quotes on PostgreSQL.
  const named = new RegExp(`[\`"]${table}[\`"]`);
  return captured.filter((q) => /^\s*(SELECT|WITH)/i.test(q.sql) && named.test(q.sql));
}

/** Each plan as lines of text. */
export async function explain(
  provider: "sqlite" | "postgresql",
  url: string,
  query: Captured,
): Promise<string[]> {
  if (provider === "sqlite") {
    const db = new Database(sqliteFilePath(url), { readonly: true });
    try {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as {
        detail: string;
      }[];
      return rows.map((row) => row.detail);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET enable_seqscan = off");
    await client.query("SET enable_sort = off");
    const result = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN ${query.sql}`,
      query.params,
    );
    return result.rows.map((row) => row["QUERY PLAN"]);
  } finally {
    await client.end();
  }
}

/** What in a plan means the query reads the table (or sorts) instead of seeking an index. */
export function planProblems(provider: "sqlite" | "postgresql", plan: string[]): string[] {
  const bad =
    provider === "sqlite"
      ? // A table read without an index; "SCAN sub" (a subquery's rows) is no table.
        [/^SCAN (main\.)?(Grant|WebhookEvent)\b(?!.*USING)/, /TEMP B-TREE/]
      : [/Seq Scan/, /(^|\s|>)Sort(\s|$)/];
  return plan.filter((line) => bad.some((pattern) => pattern.test(line.trim())));
}
