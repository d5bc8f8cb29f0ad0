// The Build Output emulator of `npm run check:vercel` (scripts/check-vercel/serve-output.mjs), on a
// tiny hand-made .vercel/output: if it routed wrongly or ran functions from the repository instead
// of their laid-out folders, the check would pass builds a deployment would break on.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveOutput, type ServedOutput } from "@/scripts/check-vercel/serve-output.mjs";

let dir: string;
let served: ServedOutput;

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

function nodeFunction(name: string, source: string, filePathMap: Record<string, string>) {
  const config = {
    handler: "index.cjs",
    runtime: "nodejs24.x",
    launcherType: "Nodejs",
    filePathMap,
  };
  write(`output/functions/${name}.func/.vc-config.json`, JSON.stringify(config));
  write(`output/functions/${name}.func/index.cjs`, source);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-vercel-serve-"));
  write("repo/src/answer.txt", "from the laid-out folder");
  write("output/static/hello.txt", "static hello");
  write(
    "output/config.json",
    JSON.stringify({
      version: 3,
      routes: [
        { src: "^/old$", headers: { Location: "/new" }, status: 308 },
        { src: "/(.*)", headers: { "x-route": "yes" }, continue: true },
        { src: "^/(?!hello).*$", middlewarePath: "/_middleware", continue: true },
        { handle: "filesystem" },
        { handle: "rewrite" },
        { src: "^/items/(?<id>[^/]+)$", dest: "/items/[id]?id=$id", check: true },
      ],
    }),
  );
  nodeFunction(
    "items/[id]",
    `const fs = require("node:fs"), path = require("node:path");
     module.exports = (req, res) => res.end(JSON.stringify({
       url: req.url, matched: req.headers["x-matched-path"], nonce: req.headers["x-nonce"],
       file: fs.readFileSync(path.join(__dirname, "data/answer.txt"), "utf8"),
       repoVisible: fs.existsSync(path.join(__dirname, "src/answer.txt")),
     }));`,
    { "data/answer.txt": "src/answer.txt" },
  );
  nodeFunction("broken", "module.exports = (req, res) => res.end('unreachable');", {
    "data/gone.txt": "src/gone.txt",
  });
  // The middleware speaks the Web API, as Next's does: a response, or "go on" with new headers.
  const middleware = {
    handler: "index.cjs",
    runtime: "nodejs24.x",
    launcherType: "Nodejs",
    useWebApi: true,
  };
  write("output/functions/_middleware.func/.vc-config.json", JSON.stringify(middleware));
  write(
    "output/functions/_middleware.func/index.cjs",
    `module.exports = async (request) => new URL(request.url).pathname === "/private"
       ? new Response(null, { status: 307, headers: { location: "/sign-in" } })
       : new Response(null, { headers: { "x-middleware-next": "1",
           "x-middleware-override-headers": "x-nonce", "x-middleware-request-x-nonce": "n0nce",
           "x-from-middleware": "1" } });`,
  );
  served = await serveOutput({
    outputDir: path.join(dir, "output"),
    repoDir: path.join(dir, "repo"),
    workDir: path.join(dir, "work"),
    env: { PATH: process.env.PATH },
  });
}, 30_000);

afterAll(async () => {
  await served?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (pathname: string) => fetch(`${served.url}${pathname}`, { redirect: "manual" });

describe("the check:vercel output server", () => {
  it("serves static files with the routes' headers", async () => {
    const response = await get("/hello.txt");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("static hello");
    expect(response.headers.get("x-route")).toBe("yes");
  });

  it("answers a route's redirect", async () => {
    const response = await get("/old");
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/new");
  });

  it("runs a dynamic route's function from its laid-out folder, after the middleware", async () => {
    const response = await get("/items/42");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-from-middleware")).toBe("1");
    expect(await response.json()).toEqual({
      url: "/items/42?id=42",
      matched: "/items/[id]",
      nonce: "n0nce",
      file: "from the laid-out folder",
      repoVisible: false,
    });
  });

  it("answers the middleware's own response", async () => {
    const response = await get("/private");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("/sign-in");
  });

  it("answers 404 for what no route, file or function names", async () => {
    expect((await get("/nothing/here")).status).toBe(404);
  });

  it("fails a function whose traced files the build did not produce", async () => {
    const response = await get("/broken");
    expect(response.status).toBe(502);
    expect(await response.text()).toContain("src/gone.txt");
  });
});
