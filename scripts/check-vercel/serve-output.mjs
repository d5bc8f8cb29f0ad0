// Serves a Build Output API folder (.vercel/output) on 127.0.0.1, the way a deployment answers:
// config.json's routes decide, functions run from their laid-out folders (lay-out-function.mjs),
// each in its own process (function-host.mjs, started on its first request), and static/ is
// served as files.
//
// A small emulation, honest about its limits. It follows the routes' `src`, `has`/`missing`
// (header, cookie, query, host), `headers`, `dest`, `status`, `continue`, and `middlewarePath`
// (x-middleware-next / -rewrite / -override-headers / -request-*), then the filesystem, then the
// `rewrite` phase (for dynamic routes), then `hit` headers, and answers 404 with the 404 page.
// It does not emulate: the `resource`, `miss` and `error` phases beyond that 404, prerenders and
// ISR (prerendered functions are always run), image optimisation, edge functions, crons,
// `overrides` other than their paths and content types, caching, region, or Vercel's limits.
import { fork } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { layOutFunction } from "./lay-out-function.mjs";

const HOST = path.join(import.meta.dirname, "function-host.mjs");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".txt": "text/plain",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".png": "image/png",
};

/** Starts serving; returns { url, close, functionLog }. Function output goes to functionLog. */
export async function serveOutput({ outputDir, repoDir, workDir, env, port = 0 }) {
  const config = JSON.parse(fs.readFileSync(path.join(outputDir, "config.json"), "utf8"));
  const phases = splitPhases(config.routes ?? []);
  const statics = staticFiles(path.join(outputDir, "static"), config.overrides ?? {});
  fs.mkdirSync(workDir, { recursive: true });
  const functionLog = path.join(workDir, "functions.log");
  const functions = functionPool({ outputDir, repoDir, workDir, env, logFile: functionLog });

  /** The function or static file a path names, if any. */
  const resolve = (pathname) => {
    const file = statics.get(pathname);
    if (file) return { file };
    const name = pathname === "/" ? "index" : pathname.replace(/^\//, "");
    const funcDir = path.join(outputDir, "functions", `${name}.func`);
    return fs.existsSync(path.join(funcDir, ".vc-config.json")) ? { funcDir } : undefined;
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error(`  [serve-output] ${error.stack ?? error}`);
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`emulator error: ${error.message}`);
    });
  });

  async function handle(req, res) {
    const body = await readBody(req);
    const url = new URL(req.url, "http://localhost");
    const state = {
      method: req.method,
      path: url.pathname,
      query: url.searchParams,
      headers: { ...req.headers },
      responseHeaders: {},
    };
    for (const route of phases.main) {
      const captures = matchRoute(route, state);
      if (!captures) continue;
      if (route.middlewarePath) {
        const answer = await functions.request(
          resolve(route.middlewarePath)?.funcDir,
          state,
          url,
          body,
        );
        if (!applyMiddleware(answer, state)) return send(res, answer, state.responseHeaders);
        continue;
      }
      applyRoute(route, captures, state);
      if (route.status && state.responseHeaders.location)
        return send(
          res,
          { status: route.status, headers: {}, body: Buffer.alloc(0) },
          state.responseHeaders,
        );
      if (!route.continue) break;
    }
    let target = resolve(state.path);
    for (const route of target ? [] : phases.rewrite) {
      const captures = matchRoute(route, state);
      if (!captures) continue;
      applyRoute(route, captures, state);
      target = resolve(state.path);
      if (target) break;
    }
    if (!target) {
      const page = statics.get("/404");
      const notFound = page ? readStatic(page) : { headers: {}, body: Buffer.from("Not Found") };
      return send(res, { ...notFound, status: 404 }, state.responseHeaders);
    }
    if (target.file)
      return send(res, { status: 200, ...readStatic(target.file) }, state.responseHeaders);
    state.headers["x-matched-path"] = state.path;
    send(res, await functions.request(target.funcDir, state, url, body), state.responseHeaders);
  }

  await new Promise((done) => server.listen(port, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    functionLog,
    close: async () => {
      functions.stopAll();
      await new Promise((done) => server.close(done));
    },
  };
}

function splitPhases(routes) {
  const phases = { main: [] };
  let current = phases.main;
  for (const route of routes) {
    if (route.handle) current = phases[route.handle] = [];
    else current.push(route);
  }
  phases.rewrite ??= [];
  return phases;
}

/** The captures ($1, $name) when route applies to the request, else undefined. */
function matchRoute(route, state) {
  const found = new RegExp(route.src, "i").exec(state.path);
  if (!found) return undefined;
  const captures = { ...found.groups };
  found.forEach((value, index) => (captures[index] = value));
  for (const condition of route.has ?? []) {
    const value = conditionValue(condition, state);
    if (value === undefined) return undefined;
    if (condition.value !== undefined) {
      const inner = new RegExp(`^${condition.value}$`).exec(value);
      if (!inner) return undefined;
      Object.assign(captures, inner.groups);
    }
  }
  for (const condition of route.missing ?? []) {
    const value = conditionValue(condition, state);
    if (
      value !== undefined &&
      (condition.value === undefined || new RegExp(`^${condition.value}$`).test(value))
    )
      return undefined;
  }
  return captures;
}

function conditionValue({ type, key }, state) {
  if (type === "header") return state.headers[key.toLowerCase()];
  if (type === "query") return state.query.get(key) ?? undefined;
  if (type === "host") return state.headers.host;
  if (type === "cookie") {
    const pair = (state.headers.cookie ?? "")
      .split(/;\s*/)
      .find((item) => item.startsWith(`${key}=`));
    return pair?.slice(key.length + 1);
  }
  return undefined;
}

function applyRoute(route, captures, state) {
  const fill = (template) => template.replace(/\$(\w+)/g, (_, name) => captures[name] ?? "");
  for (const [key, value] of Object.entries(route.headers ?? {}))
    state.responseHeaders[key.toLowerCase()] = fill(value);
  if (route.dest) {
    const dest = new URL(fill(route.dest), "http://localhost");
    state.path = dest.pathname;
    dest.searchParams.forEach((value, key) => state.query.set(key, value));
  }
}

/** Applies a middleware answer that lets the request through; false when it is the response. */
function applyMiddleware(answer, state) {
  const headers = answer.headers;
  if (!headers["x-middleware-next"] && !headers["x-middleware-rewrite"]) return false;
  if (headers["x-middleware-override-headers"]) {
    const names = String(headers["x-middleware-override-headers"])
      .split(",")
      .map((n) => n.trim());
    const next = {};
    for (const name of names) next[name] = headers[`x-middleware-request-${name}`];
    state.headers = { ...next, host: state.headers.host };
  }
  if (headers["x-middleware-rewrite"]) {
    const rewrite = new URL(headers["x-middleware-rewrite"], "http://localhost");
    state.path = rewrite.pathname;
    rewrite.searchParams.forEach((value, key) => state.query.set(key, value));
  }
  for (const [key, value] of Object.entries(headers))
    if (!key.startsWith("x-middleware-") && key !== "content-length" && key !== "transfer-encoding")
      state.responseHeaders[key] = value;
  return true;
}

/** Forks each function on first use (laid out under workDir) and proxies requests to it. */
function functionPool({ outputDir, repoDir, workDir, env, logFile }) {
  const running = new Map();
  const log = fs.openSync(logFile, "a");
  const start = (funcDir) => {
    const real = fs.realpathSync(funcDir); // audit.func → index.func: one function, one process
    if (!running.has(real)) {
      const name = path.relative(path.join(outputDir, "functions"), real).replaceAll("/", "__");
      const dir = layOutFunction(real, repoDir, path.join(workDir, "functions", name));
      const child = fork(HOST, [dir], { env, stdio: ["ignore", log, log, "ipc"] });
      const port = new Promise((resolvePort, reject) => {
        child.once("message", (message) => resolvePort(message.port));
        child.once("exit", (code) =>
          reject(new Error(`function ${name} exited (${code}) before listening; see ${logFile}`)),
        );
      });
      running.set(real, { child, port });
    }
    return running.get(real).port;
  };
  return {
    async request(funcDir, state, url, body) {
      if (!funcDir) throw new Error(`no function for ${state.path}`);
      const port = await start(funcDir);
      const query = state.query.toString();
      return proxy(port, {
        method: state.method,
        path: `${url.pathname}${query ? `?${query}` : ""}`,
        headers: { ...state.headers, "content-length": String(body.length) },
        body,
      });
    },
    stopAll() {
      for (const { child } of running.values()) child.kill();
      fs.closeSync(log);
    },
  };
}

function proxy(port, { method, path: requestPath, headers, body }) {
  return new Promise((resolveAnswer, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method, path: requestPath, headers },
      (response) => {
        readBody(response).then(
          (data) =>
            resolveAnswer({ status: response.statusCode, headers: response.headers, body: data }),
          reject,
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function send(res, answer, routeHeaders) {
  const headers = { ...routeHeaders, ...answer.headers };
  delete headers["transfer-encoding"];
  delete headers.connection;
  headers["content-length"] = String(answer.body.length);
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

function staticFiles(dir, overrides) {
  const files = new Map();
  if (!fs.existsSync(dir)) return files;
  for (const rel of fs.readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, rel);
    if (!fs.statSync(file).isFile()) continue;
    const key = rel.split(path.sep).join("/");
    const override = overrides[key] ?? {};
    const type = override.contentType ?? TYPES[path.extname(key)] ?? "application/octet-stream";
    files.set(`/${override.path ?? key}`, { file, type });
  }
  return files;
}

function readStatic({ file, type }) {
  return { headers: { "content-type": type }, body: fs.readFileSync(file) };
}

function readBody(stream) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => resolveBody(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}
