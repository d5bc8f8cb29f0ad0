// Shared by the command-line tools: a clear one-line failure instead of a stack trace, and the
// database closed on the way out.
import { disconnectDb } from "../lib/db";

/** Prisma's "table does not exist": the database was never migrated. */
function isUnmigrated(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2021";
}

export function runCli(main: () => Promise<void>): void {
  main()
    .then(() => disconnectDb())
    .catch(async (error: Error) => {
      console.error(
        isUnmigrated(error)
          ? "✖ the database has no tables yet: run `npm run db:migrate` first"
          : `✖ ${error.message}`,
      );
      await disconnectDb().catch(() => undefined);
      process.exit(1);
    });
}

/** Reads a line from the terminal without echoing it (for passwords). */
export async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("no --password given and no terminal to ask for one");
  process.stdout.write(question);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (char === "\u0003") {
          stdin.setRawMode(false);
          reject(new Error("cancelled"));
          return;
        }
        if (char === "\u007f") value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}
