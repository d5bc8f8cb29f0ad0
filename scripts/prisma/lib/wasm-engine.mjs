// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm).
//
// The package is a wasm-bindgen "bundler" build: its entry point does
// `import * as wasm from "./schema_engine_bg.wasm"`, which plain Node cannot import. So, like
// Prisma's own loader (@prisma/internals' wasmSchemaEngineLoader), we compile the .wasm by hand
// and wire it to the JS glue (schema_engine_bg.js) ourselves.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

let loaded; // the glue module, instantiated once: wasm-bindgen keeps global state per instance

/** The glue module (`SchemaEngine`, `version`) with its wasm instance started. */
export async function loadSchemaEngineWasm() {
  if (loaded) return loaded;

  // The engine reports the reason of a Rust panic through this global before trapping; keep the
  // last message so the JSON-RPC error can say what happened instead of "unreachable".
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    set_message(message) {
      this.message = `RuntimeError: ${message}`;
    },
  };

  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import(pathToFileURL(gluePath).href);
  const bytes = fs.readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": glue,
  });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  loaded = glue;
  return glue;
}

/** The last panic message the engine registered, if any. */
export function lastPanicMessage() {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || "";
}
