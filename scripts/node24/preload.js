// CommonJS (a .js file in a package without "type"), so `--require` loads it first on every thread.
// Loaded with `--require` (NODE_OPTIONS) on the Node 24 test run only (scripts/node24/node24.mjs).
// better-sqlite3 is a native addon built for one Node ABI; node_modules holds the build for the
// machine's Node. Rather than rebuild it in place (and break the machine's Node), every load of
// that file is pointed at the copy built for this Node. Worker threads run this file too.
"use strict";
const addon = process.env.GRANTDESK_BETTER_SQLITE3_ADDON;
const original = process.dlopen;
if (addon) {
  process.dlopen = function dlopenForThisNode(module, filename, ...rest) {
    const target = /[\\/]better-sqlite3[\\/]build[\\/]Release[\\/]better_sqlite3\.node$/.test(
      filename,
    )
      ? addon
      : filename;
    return original.call(this, module, target, ...rest);
  };
}
