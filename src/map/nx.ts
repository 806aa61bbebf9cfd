// Nx workspaces (nx.dev/recipes/tips-n-tricks/define-environment-variables):
// for `nx run <project>:<target>:<configuration>`, Nx loads, from the
// project's root and then from the workspace root,
//   .env.<target>.<configuration>, .<target>.<configuration>.env,
//   .env.<configuration>, .<configuration>.env,
//   .env.<target>, .<target>.env,
//   .env.local, .local.env, .env
// and the first file to set a name wins. So `.env` (and `.env.<target>`) hold
// values for every configuration, a configuration's file wins over
// `.env.local`, and the workspace root's files serve every project below it.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dirOf, isEnvironmentWord, nameWords } from "./environment.js";

/** Targets Nx's own plugins infer without listing them anywhere (@nx/js, @nx/vite, @nx/next, @nx/node…). */
const INFERRED_TARGETS = ["build", "serve", "serve-static", "preview", "start", "lint", "e2e", "typecheck"];

/** A workspace Nx runs: an `nx.json` at the root, or `nx` among the root package's dependencies. */
export function isNxWorkspace(root: string, dependencies: string[]): boolean {
  return dependencies.includes("nx") || readJson(join(root, "nx.json")) !== null;
}

/**
 * The target names of an Nx workspace that .env files may be named after:
 * nx.json's `targetDefaults`, the `targets` of each `project.json` and of a
 * package.json's `nx` key, its `scripts` (Nx runs them as targets), in the
 * workspace root and in every directory holding a .env file, and the targets
 * Nx's plugins infer.
 */
export function nxTargetNames(root: string, envFiles: string[]): Set<string> {
  const out = new Set(INFERRED_TARGETS);
  const keysOf = (v: unknown) => (typeof v === "object" && v !== null && !Array.isArray(v) ? Object.keys(v) : []);
  for (const k of keysOf(readJson(join(root, "nx.json"))?.["targetDefaults"])) out.add(k);
  for (const dir of new Set(["", ...envFiles.map(dirOf)])) {
    for (const k of keysOf(readJson(join(root, dir, "project.json"))?.["targets"])) out.add(k);
    const pkg = readJson(join(root, dir, "package.json"));
    for (const k of [...keysOf(pkg?.["scripts"]), ...keysOf((pkg?.["nx"] as Record<string, unknown> | undefined)?.["targets"])]) out.add(k);
  }
  return new Set([...out].map((t) => t.toLowerCase()));
}

/**
 * The target a file of an Nx workspace is for, when its name is `.env.<target>`
 * or `.<target>.env` of a known target that is no environment word (`.env.serve`
 * → "serve"; `.env.dev` stays development's file, `.env.serve.production`
 * production's): Nx loads it for every configuration of that target.
 */
export function nxTargetFile(file: string, targets: Set<string>): string | undefined {
  const base = (file.split("/").pop() ?? file).toLowerCase();
  if (base === ".env") return undefined;
  const words = nameWords(base);
  if (words.length !== 1 || isEnvironmentWord(words[0]!)) return undefined;
  return targets.has(words[0]!) ? words[0] : undefined;
}

function readJson(path: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(readFileSync(path, "utf8")) as unknown;
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
