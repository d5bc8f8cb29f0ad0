// One Vercel function, run the way its runtime would (child process of serve-output.mjs: each
// function is its own process, as on Vercel, and the Next.js launchers chdir into their folder).
//
//   node function-host.mjs <laid-out function folder>     (forked; sends { port } when listening)
//
// It loads .vc-config.json's `handler` and serves it over HTTP on 127.0.0.1: a Node `(req, res)`
// handler as it is, a Web API one (`useWebApi`, e.g. the middleware: Request → Response) through
// Request/Response conversion. `waitUntil` is provided and awaited nowhere (a real instance may
// be frozen before it settles). Not emulated: Vercel's request limits, freezing, streaming limits,
// timeouts (maxDuration), and the exact Node version of `runtime` (this runs on the Node running
// the check).
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import fs from "node:fs";
import { createRequire } from "node:module";

const dir = path.resolve(process.argv[2]);
const config = JSON.parse(fs.readFileSync(path.join(dir, ".vc-config.json"), "utf8"));
if (config.launcherType !== "Nodejs" || !String(config.runtime).startsWith("nodejs"))
  throw new Error(`${dir}: only Node.js functions are emulated, not ${config.runtime}`);

globalThis[Symbol.for("@vercel/request-context")] = {
  get: () => ({ waitUntil: (promise) => void Promise.resolve(promise).catch(() => {}) }),
};
const loaded = createRequire(path.join(dir, "noop.js"))(path.join(dir, config.handler));
const handler = loaded.default ?? loaded;

async function webApiHandler(req, res) {
  const url = `http://${req.headers.host ?? "localhost"}${req.url}`;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(url, {
    method: req.method,
    headers: Object.entries(req.headers).flatMap(([key, value]) =>
      [value ?? []].flat().map((item) => [key, item]),
    ),
    body: hasBody ? Readable.toWeb(req) : undefined,
    duplex: hasBody ? "half" : undefined,
  });
  const response = await handler(request);
  const headers = {};
  response.headers.forEach((value, key) => {
    headers[key] = key === "set-cookie" ? response.headers.getSetCookie() : value;
  });
  res.writeHead(response.status, headers);
  if (response.body) Readable.fromWeb(response.body).pipe(res);
  else res.end();
}

const server = http.createServer((req, res) => {
  const run = config.useWebApi ? webApiHandler(req, res) : handler(req, res);
  Promise.resolve(run).catch((error) => {
    console.error(`[${path.basename(dir)}] ${error?.stack ?? error}`);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("function crashed");
  });
});
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
