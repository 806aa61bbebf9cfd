import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASE_LAYER_ENVIRONMENT } from "../map/environment.js";
import { decodeSecretFile } from "../plan/secret-files.js";
import type { Plan, SecretFileEncoding } from "../plan/types.js";
import type { RunBinding } from "./bindings.js";

// `vaultshift run` and the files a migration moved into Vault (src/plan/secret-files.ts): the
// content of each file the running environment's variable named is written into a private
// temporary directory (mkdtemp: 0700; each file 0600, written under a temporary name and
// renamed, with its original base name), the variable is set to that path for the child, and
// the directory is removed when the child ends, whether it exits or dies of a signal
// vaultshift passed on (SIGINT, SIGTERM, …), and when vaultshift itself exits.

/** A variable whose value is the path of a file `run` writes from Vault. */
export interface FileBinding extends RunBinding {
  baseName: string;
  encoding: SecretFileEncoding;
}

/**
 * The plan's secret files for `serving`: a file its own environment's variable names, else the
 * shared layer's, unless that environment's own .env file sets the variable otherwise.
 */
export function planFileBindings(plan: Pick<Plan, "secretFiles">, serving: string): FileBinding[] {
  const out = new Map<string, FileBinding>();
  const files = plan.secretFiles ?? [];
  for (const own of [true, false]) {
    for (const f of files) {
      if (out.has(f.envName)) continue;
      const location = own ? f.environments[serving] : (f.notIn ?? []).includes(serving) ? undefined : f.environments[BASE_LAYER_ENVIRONMENT];
      if (location !== undefined) out.set(f.envName, { name: f.envName, mount: f.mount, path: location.path, key: f.key, baseName: f.baseName, encoding: f.encoding });
    }
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Written files: each variable's path, and how to remove them (idempotent). */
export interface WrittenFiles {
  dir: string;
  paths: Map<string, string>;
  remove(): void;
}

/**
 * Write each binding's content (`values`: name → Vault value) into one new private directory.
 * Two files of one base name go into subdirectories named after their variables.
 */
export function writeSecretFiles(files: readonly FileBinding[], values: ReadonlyMap<string, string>, base = tmpdir()): WrittenFiles {
  const dir = mkdtempSync(join(base, "vaultshift-run-"));
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    process.off("exit", remove);
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", remove);
  const paths = new Map<string, string>();
  try {
    const shared = new Set(files.filter((f, i) => files.findIndex((g) => g.baseName === f.baseName) !== i).map((f) => f.baseName));
    for (const f of files) {
      const value = values.get(f.name);
      if (value === undefined) continue;
      const into = shared.has(f.baseName) ? join(dir, f.name) : dir;
      if (into !== dir) mkdirSync(into, { mode: 0o700 });
      const path = join(into, f.baseName);
      const temp = join(into, `.${f.baseName}.tmp`);
      writeFileSync(temp, decodeSecretFile(value, f.encoding), { mode: 0o600, flag: "wx" });
      renameSync(temp, path);
      paths.set(f.name, path);
    }
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, paths, remove };
}
