// A function folder as a deployment holds it. `vercel build` for Next.js leaves only the launcher
// in each `functions/**/*.func` and lists the files the function needs in .vc-config.json's
// `filePathMap` (function path → path in the repository); the deployment uploads those. Laying
// them out the same way, and running from there, is what shows a traced file is missing (the
// webhook worker, Prisma's wasm, pg): the repository next to it is not visible to the function.
import fs from "node:fs";
import path from "node:path";

/** Builds the folder for the function at funcDir (a `.func`) in dest from repoDir; returns dest. */
export function layOutFunction(funcDir, repoDir, dest) {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(funcDir, dest, { recursive: true, verbatimSymlinks: true });
  const config = JSON.parse(fs.readFileSync(path.join(funcDir, ".vc-config.json"), "utf8"));
  const missing = [];
  for (const [target, source] of Object.entries(config.filePathMap ?? {})) {
    const from = path.join(repoDir, source);
    const to = path.join(dest, target);
    let stat;
    try {
      stat = fs.lstatSync(from);
    } catch {
      missing.push(source);
      continue;
    }
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (stat.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
    else if (stat.isDirectory()) fs.mkdirSync(to, { recursive: true });
    else linkOrCopy(from, to);
  }
  if (missing.length)
    throw new Error(
      `${path.basename(funcDir)} lists ${missing.length} file(s) the build did not produce: ${missing.slice(0, 5).join(", ")}`,
    );
  return dest;
}

function linkOrCopy(from, to) {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}
