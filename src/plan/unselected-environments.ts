import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dirOf, isStandardEnvironment, namesEnvironment } from "../map/environment.js";
import type { PlannedSecret, PlanWarning } from "./types.js";

// A .env file named by a word that is no environment NODE_ENV holds
// (`.env.<firebase project id>`, an Nx target the plan does not know,
// `.env.eu-west`) gives its secrets an environment of that name. The secrets
// module serves them only to a process whose VAULTSHIFT_ENV or NODE_ENV is that
// name: where the tool that chose the file by its own rule runs with
// NODE_ENV=development, the app would read another environment's values, the
// shared layer's or none, and nothing would say so (round 10's firebase-params,
// round 11's nx-targets). The plan names each such file, unless the project
// sets NODE_ENV or VAULTSHIFT_ENV to that name somewhere it can see (package.json
// scripts, source files, a Dockerfile, compose file or Procfile at the root),
// or the user mapped the file to an environment (config `environments`), or the
// secrets module selects that environment by a rule of the same tool (a
// Firebase project id, chosen at run time by GCLOUD_PROJECT as Firebase chose
// the file).

const ROOT_FILES = ["Dockerfile", "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml", "Procfile", ".envrc"];

export function unselectedEnvironments(
  root: string,
  secrets: PlannedSecret[],
  sourceFiles: string[],
  mapped: Record<string, string> = {},
  selectedAtRunTime: readonly string[] = [],
): PlanWarning[] {
  const byFile = new Map<string, { environment: string; names: string[]; line: number }>();
  for (const s of secrets) {
    if (s.source.type !== "dotenv" || isStandardEnvironment(s.environment) || s.environment === "shared" || selectedAtRunTime.includes(s.environment)) continue;
    const file = s.source.file;
    if (!namesEnvironment(file) || file in mapped || (file.split("/").pop() ?? file) in mapped) continue;
    const entry = byFile.get(file) ?? { environment: s.environment, names: [], line: s.source.line };
    entry.names.push(s.name);
    entry.line = Math.min(entry.line, s.source.line);
    byFile.set(file, entry);
  }
  if (byFile.size === 0) return [];
  const texts = (): string[] => {
    const files = [...new Set(["package.json", ...[...byFile.keys()].map((f) => join(dirOf(f), "package.json")), ...ROOT_FILES, ...sourceFiles])];
    return files.flatMap((f) => {
      try {
        return [readFileSync(join(root, f), "utf8")];
      } catch {
        return [];
      }
    });
  };
  const all = texts();
  const warnings: PlanWarning[] = [];
  for (const [file, { environment, names, line }] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const word = environment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const selects = new RegExp(`\\b(?:NODE_ENV|VAULTSHIFT_ENV)["'\\]]?\\s*(?:\\?\\?=|\\|\\|=|=|:|,)\\s*["'\`]?${word}(?![\\w-])`, "i");
    if (all.some((t) => selects.test(t))) continue;
    warnings.push({
      code: "unselected-environment",
      file,
      line,
      message: `${file} holds ${names.join(", ")} for an environment named "${environment}" by the file's name alone, which is no value NODE_ENV usually holds and nothing in this project sets NODE_ENV or VAULTSHIFT_ENV to: the secrets module serves "${environment}"'s secrets only to a process whose VAULTSHIFT_ENV (or NODE_ENV) is "${environment}", so wherever a tool loaded ${file} by a rule of its own, the app would read another environment's values or none. Set VAULTSHIFT_ENV=${environment} where that file was used, or map it to the environment it serves (config "environments": {"${file}": "production"}), then plan again.`,
    });
  }
  return warnings;
}
