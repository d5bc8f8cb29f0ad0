// What a reader needs to trust a number from this shared VM: the machine, the load on it while
// the pages ran (other engineers' builds and tests share its two cores), and the database's own
// settings.
import os from "node:os";
import { providerOf, sqliteFilePath } from "../../lib/database-url.mjs";
import { openSqlite } from "../../lib/db-driver";
import { postgresRows } from "./raw-query";

const SQLITE_SYNCHRONOUS = ["OFF", "NORMAL", "FULL", "EXTRA"];

export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}`;
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

/** The 1-minute load average every few seconds, summarised as min / mean / max. */
export function sampleLoadAverage(everyMs = 5_000) {
  const samples: number[] = [os.loadavg()[0]!];
  const timer = setInterval(() => samples.push(os.loadavg()[0]!), everyMs);
  return {
    summary() {
      const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
      return `1-min load average during the runs: min ${Math.min(...samples).toFixed(2)}, mean ${mean.toFixed(2)}, max ${Math.max(...samples).toFixed(2)} (${samples.length} samples)`;
    },
    stop: () => clearInterval(timer),
  };
}

export async function databaseSettings(url: string): Promise<string> {
  if (providerOf(url) === "sqlite") {
    // Opened by lib/db-driver.ts itself, to report what the app's connections really run with.
    const db = openSqlite(sqliteFilePath(url));
    try {
      const mode = String(db.pragma("journal_mode", { simple: true }));
      const synchronous = Number(db.pragma("synchronous", { simple: true }));
      const version = String(db.prepare("SELECT sqlite_version() AS v").pluck().get());
      return `SQLite ${version} (better-sqlite3): journal_mode=${mode}, synchronous=${SQLITE_SYNCHRONOUS[synchronous] ?? synchronous} on the app's connections`;
    } finally {
      db.close();
    }
  }
  const [row] = await postgresRows(
    url,
    `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync,
       current_setting('synchronous_commit') AS sc, current_setting('full_page_writes') AS fpw,
       current_setting('shared_buffers') AS sb, current_setting('work_mem') AS wm`,
  );
  return `PostgreSQL ${String(row!.version)}: fsync=${String(row!.fsync)}, synchronous_commit=${String(row!.sc)}, full_page_writes=${String(row!.fpw)}, shared_buffers=${String(row!.sb)}, work_mem=${String(row!.wm)}`;
}
