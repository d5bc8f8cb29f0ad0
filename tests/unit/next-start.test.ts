import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  SERVER_HEAP_MB,
  SERVER_SEMI_SPACE_MB,
  serverEnv,
  serverNodeOptions,
} from "../../scripts/next-start.mjs";

const root = path.resolve(import.meta.dirname, "../..");

/** V8's heap limit, in MB, of a Node process started with `env`. */
function heapLimitMb(env: NodeJS.ProcessEnv): number {
  const script = "console.log(require('node:v8').getHeapStatistics().heap_size_limit)";
  return (
    Number(execFileSync(process.execPath, ["-e", script], { env, encoding: "utf8" })) / 2 ** 20
  );
}

describe("next start's heap cap", () => {
  it("caps a server started with the server env", () => {
    const { NODE_OPTIONS: _, ...withoutOptions } = process.env;
    const capped = heapLimitMb(serverEnv(withoutOptions));
    const larger = heapLimitMb({ ...withoutOptions, NODE_OPTIONS: "--max-old-space-size=1024" });
    // V8 adds its young generation to the old-space cap (Node 20: 480 MB in all, Node 24: 512);
    // the uncapped default here is ~4 GB.
    expect(capped).toBeGreaterThanOrEqual(SERVER_HEAP_MB);
    expect(capped).toBeLessThan(larger);
    expect(capped).toBeLessThan(1024);
  });

  const caps = `--max-old-space-size=${SERVER_HEAP_MB} --max-semi-space-size=${SERVER_SEMI_SPACE_MB}`;

  it("keeps the operator's NODE_OPTIONS and adds the caps after them", () => {
    expect(serverNodeOptions("--enable-source-maps")).toBe(`--enable-source-maps ${caps}`);
    expect(serverNodeOptions(undefined)).toBe(caps);
  });

  it("lets an operator's own heap sizes win, each on its own", () => {
    expect(serverNodeOptions("--max-old-space-size=1024")).toBe(
      `--max-old-space-size=1024 --max-semi-space-size=${SERVER_SEMI_SPACE_MB}`,
    );
    expect(serverNodeOptions("--max-semi-space-size=64")).toBe(
      `--max-semi-space-size=64 --max-old-space-size=${SERVER_HEAP_MB}`,
    );
    expect(
      heapLimitMb(serverEnv({ ...process.env, NODE_OPTIONS: "--max-old-space-size=1024" })),
    ).toBeGreaterThanOrEqual(1024);
  });

  it("is how every script and npm start launch the built app", () => {
    const scripts = ["scripts", "scripts/bench"].flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir))
        .filter((name) => /\.(ts|mjs)$/.test(name) && name !== "next-start.mjs")
        .map((name) => path.join(dir, name)),
    );
    const rawStarts = scripts.filter((file) =>
      /next\/dist\/bin\/next["'],\s*["']start/.test(fs.readFileSync(path.join(root, file), "utf8")),
    );
    expect(rawStarts).toEqual([]);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(pkg.scripts.start).toContain("node scripts/next-start.mjs");
  });
});
