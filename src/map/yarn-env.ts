import { readFileSync } from "node:fs";
import { join, posix } from "node:path";

// Yarn 4 injects .env files into every script it runs (`yarn run`, `yarn
// <script>`): `.yarnrc.yml`'s `injectEnvironmentFiles`, a list of paths relative
// to the project, `?` marking one optional, later files overriding earlier
// ones; its default is `[".env.yarn?"]`
// (https://yarnpkg.com/configuration/yarnrc#injectEnvironmentFiles). The app
// loads nothing itself. Those files are layers of every environment the app
// runs in, not environments named "yarn".

/** The files a `.yarnrc.yml` text injects, in order, `?` dropped; undefined when it does not set the option. */
export function injectedEnvFiles(text: string): string[] | undefined {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => /^injectEnvironmentFiles\s*:/.test(l));
  if (at < 0) return undefined;
  const clean = (s: string) => s.trim().replace(/\s+#.*$/, "").replace(/^["']|["']$/g, "").replace(/\?$/, "").replace(/^\.\//, "");
  const inline = /^injectEnvironmentFiles\s*:\s*\[(.*)\]\s*(?:#.*)?$/.exec(lines[at]!);
  if (inline) return inline[1]!.split(",").map(clean).filter(Boolean);
  const out: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const item = /^\s+-\s*(.+)$/.exec(line);
    if (item) out.push(clean(item[1]!));
    else if (line.trim() !== "" && !line.trim().startsWith("#")) break;
  }
  return out.filter(Boolean);
}

/**
 * The .env files (of `envFiles`) that Yarn injects into the scripts of the
 * project at `dir` (relative, "" for the root), in load order: those its
 * `.yarnrc.yml` lists, else `.env.yarn` when the project uses Yarn 4 or later
 * (a `.yarnrc.yml`, or package.json's `packageManager: "yarn@4…"`).
 */
export function yarnInjectedFiles(root: string, dir: string, envFiles: readonly string[]): string[] {
  const read = (name: string): string | undefined => {
    try {
      return readFileSync(join(root, dir, name), "utf8");
    } catch {
      return undefined;
    }
  };
  const rc = read(".yarnrc.yml");
  let listed = rc === undefined ? undefined : injectedEnvFiles(rc);
  if (listed === undefined) {
    const manager = /"packageManager"\s*:\s*"yarn@(\d+)/.exec(read("package.json") ?? "")?.[1];
    if (rc === undefined && (manager === undefined || Number(manager) < 4)) return [];
    listed = [".env.yarn"];
  }
  return listed.map((f) => posix.normalize(posix.join(dir, f))).filter((f) => envFiles.includes(f));
}
