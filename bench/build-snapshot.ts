import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measure } from "./measure.js";

// The benchmarks run vaultshift from a private copy of the build
// (.bench/vaultshift-build/: bin/, dist/src, dist/rules, package.json, and a
// link to node_modules), taken once per `npm run bench`. The working tree's
// dist/ is rewritten by every `tsc` run, and a scan that loads modules while
// they are being rewritten fails with a SyntaxError (seen on this machine):
// a copy makes every run of a benchmark measure the same, complete build.

let snapshot: string | undefined;

export async function vaultshiftBin(root: string, workDir: string): Promise<string> {
  if (snapshot) return snapshot;
  const dir = join(workDir, "vaultshift-build");
  for (let attempt = 1; ; attempt++) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, "dist"), { recursive: true });
    cpSync(join(root, "bin"), join(dir, "bin"), { recursive: true });
    cpSync(join(root, "dist", "src"), join(dir, "dist", "src"), { recursive: true });
    if (existsSync(join(root, "dist", "rules"))) cpSync(join(root, "dist", "rules"), join(dir, "dist", "rules"), { recursive: true });
    cpSync(join(root, "package.json"), join(dir, "package.json"));
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    // Smoke test: the copy must load and scan (exit 1: it finds the planted token).
    const probe = join(dir, "probe");
    mkdirSync(probe);
    writeFileSync(join(probe, ".env"), "GITHUB_TOKEN=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\n"); // vaultshift:allow
    const bin = join(dir, "bin", "vaultshift.js");
    const r = await measure(process.execPath, [bin, "scan", ".env", "--workers", "0"], { cwd: probe, timeoutMs: 60_000 });
    rmSync(probe, { recursive: true, force: true });
    if (r.exitCode === 1) return (snapshot = bin);
    if (attempt >= 5) {
      throw new Error(`the build copied to ${dir} does not work (exit ${r.exitCode}): ${r.stderr.trim().split("\n").slice(0, 3).join(" | ")}. Run \`npx tsc -p .\` and retry.`);
    }
    // Probably copied in the middle of someone's tsc run: wait and copy again.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}
