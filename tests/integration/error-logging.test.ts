// A query that fails must not carry its arguments into the logs: a search is often a license key,
// and Prisma's messages print the whole `where`. Next logs a failing page or route with
// console.error(error), so that is what these tests do with the error, capturing every stream.
import util from "node:util";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { parseGrantFilter, type GrantFilter } from "@/lib/grants/grant-filters";
import { testViewer } from "../support/viewers";

const provider = inject("testProvider");
const KEY = "LK-SECRET-9F2C-77QD-AB12";

/** Everything written to stdout, stderr and the console while `run` runs. */
async function captureOutput(run: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const keep = (chunk: unknown) => written.push(String(chunk)) > 0;
  vi.spyOn(process.stdout, "write").mockImplementation(keep);
  vi.spyOn(process.stderr, "write").mockImplementation(keep);
  for (const level of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      written.push(util.format(...args));
    });
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return written.join("\n");
}

async function failedSearch(filter: Partial<GrantFilter>): Promise<Error> {
  const { listGrants } = await import("@/lib/grants/queries/list-grants");
  // Past the parser on purpose: whatever lets a bad value through, the log must stay clean.
  const error = await listGrants(testViewer("support"), {
    ...parseGrantFilter({}),
    ...filter,
  }).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

async function expectNotPrinted(error: Error) {
  const output = await captureOutput(async () => {
    console.error(error);
    console.error("%s", error.stack);
  });
  const everything = [output, error.message, String(error.stack), util.inspect(error)].join("\n");
  // Which probe fails first depends on the search: a grant query, or the customer probe by email.
  expect(everything).toMatch(/db\.(grant|customer)\.find(Many|First)\(\) failed/);
  for (const secret of [KEY, KEY.slice(0, 12), KEY.slice(-12)])
    expect(everything).not.toContain(secret);
}

afterEach(() => vi.restoreAllMocks());

describe(`a failing search does not print what was searched (${provider})`, () => {
  it.each([
    // A search value itself is only ever in its probes (grant-search.ts): a filter beside it is
    // applied in memory to the few grants it names, so the customer filter carries the value here.
    ["an invalid start date beside it", { customer: KEY, created_from: "2024-99-99" }],
    ["an invalid end date beside it", { customer: KEY, updated_to: "someday" }],
  ])("with %s", async (_, filter) => {
    await expectNotPrinted(await failedSearch(filter));
  });

  it.skipIf(provider === "sqlite")("when PostgreSQL refuses a NUL byte in it", async () => {
    await expectNotPrinted(await failedSearch({ q: `${KEY}\u0000` }));
  });

  it("keeps what the error is, and its code", async () => {
    const error = await failedSearch({ customer: KEY, created_from: "2024-99-99" });
    expect(error.name).toBe("PrismaClientValidationError");
    expect(error.message).toMatch(/Invalid value for argument `gte`/);
  });
});
