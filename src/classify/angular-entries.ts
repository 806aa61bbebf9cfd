import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import fg from "fast-glob";

// Angular workspaces name their browser bundle's entry in their own
// configuration, not in an HTML <script> or a bundler config: angular.json's
// `architect.build.options.browser` (the application builder, Angular 17+) or
// `main` (the browser builder before it), and Nx's project.json `targets.build`
// with an Angular executor. The files `fileReplacements` swaps in per
// configuration (`src/environments/environment.prod.ts` for
// `environment.ts`) are compiled into that bundle too: Angular's
// `environments/` files are imported by browser code and ship to every
// visitor (angular.dev/tools/cli/environments). Server builders (`:server`,
// `:ssr-dev-server`, `:prerender`) name server entries and are not read.

export interface ConfiguredEntry {
  /** Project-relative path of the entry. */
  file: string;
  why: string;
}

interface Target {
  builder?: unknown;
  executor?: unknown;
  options?: { browser?: unknown; main?: unknown };
  configurations?: Record<string, { fileReplacements?: { replace?: unknown; with?: unknown }[] } | undefined>;
}

const ANGULAR_BUILDER = /^@(?:angular-devkit\/build-angular|angular\/build|nx\/angular|nrwl\/angular):(?:application|browser|browser-esbuild|webpack-browser)$/;

function entriesOf(target: Target | undefined, config: string, base: string): ConfiguredEntry[] {
  const builder = target?.builder ?? target?.executor;
  if (typeof builder !== "string" || !ANGULAR_BUILDER.test(builder)) return [];
  const out: ConfiguredEntry[] = [];
  const rel = (p: string) => posix.normalize(posix.join(base, p.replace(/^\{projectRoot\}\//, "").replace(/^\.\//, "")));
  const main = target!.options?.browser ?? target!.options?.main;
  if (typeof main === "string") out.push({ file: rel(main), why: `the browser entry of the Angular build in ${config} (${builder})` });
  for (const [name, c] of Object.entries(target!.configurations ?? {})) {
    for (const r of c?.fileReplacements ?? []) {
      if (typeof r.with === "string") out.push({ file: rel(r.with), why: `compiled into the browser bundle in place of ${String(r.replace)} (${config}, configuration "${name}", fileReplacements)` });
    }
  }
  return out;
}

/** The browser entries an Angular workspace configures (angular.json at the root, Nx project.json files). */
export function angularBrowserEntries(root: string, ignore: string[] = []): ConfiguredEntry[] {
  const out: ConfiguredEntry[] = [];
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(root, file), "utf8"));
    } catch {
      return null;
    }
  };
  const workspace = read("angular.json") as { projects?: Record<string, { architect?: Record<string, Target>; targets?: Record<string, Target> } | undefined> } | null;
  for (const project of Object.values(workspace?.projects ?? {})) {
    // Paths in angular.json are relative to the workspace root.
    out.push(...entriesOf(project?.architect?.build ?? project?.targets?.build, "angular.json", ""));
  }
  for (const file of fg.sync("**/project.json", { cwd: root, deep: 4, ignore, onlyFiles: true, followSymbolicLinks: false }).sort()) {
    const project = read(file) as { targets?: Record<string, Target> } | null;
    // Nx writes workspace-relative paths, or `{projectRoot}/…`.
    const dir = posix.dirname(file) === "." ? "" : posix.dirname(file);
    const target = project?.targets?.build;
    const entries = entriesOf(target, file, "");
    out.push(...entries.map((e) => (e.file.startsWith(dir) ? e : { ...e, file: posix.normalize(posix.join(dir, e.file)) })));
  }
  return out;
}
