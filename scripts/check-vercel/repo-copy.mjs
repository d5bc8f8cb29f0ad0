// A copy of the checkout to build in. `vercel build` writes .vercel/ (and would overwrite the
// .vercel/project.json of a developer's `vercel link`), .next/ and next-env.d.ts: the copy keeps
// the checkout as it was. It is the working tree as git sees it (tracked and untracked files that
// are not ignored: what you are about to commit), plus the installed node_modules (hard links:
// fast, no extra disk) and the generated Prisma clients (lib/generated, git-ignored).
// It lives outside the checkout: inside it, Next.js would find the checkout's package-lock.json
// above the copy's and take the checkout for the workspace root.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export function copyRepo(root, dest) {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const listed = spawnSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr.trim()}`);
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    const from = path.join(root, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dest, file));
  }
  for (const dir of ["node_modules", "lib/generated"]) {
    if (!fs.existsSync(path.join(root, dir)))
      throw new Error(`${dir} is missing: run npm ci first (it also generates lib/generated)`);
    linkTree(path.join(root, dir), path.join(dest, dir));
  }
}

/** Hard-link a tree (`cp -al`), or copy it where links cannot be made (another file system). */
function linkTree(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (spawnSync("cp", ["-al", from, to]).status === 0) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}
