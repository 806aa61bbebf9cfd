import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PlannedSecret, PlanWarning } from "./types.js";

// Code that writes a .env file the migration takes secrets out of: a setup
// step or installer that creates `.env` on first start and fills in what the
// file lacks (an APP_KEY, a SESSION_SECRET it generates), a "save settings"
// screen. After the migration those names are no longer in the file, so such
// code writes new values there, in plain text, on its next run: the app's
// reads go to Vault, but the file holds fresh secrets and the setup step
// reports a first start. vaultshift cannot tell what the code means to write:
// the plan names the place (since round 10).

/** `fs.writeFileSync(target, …)`, `appendFile`, `copyFile(src, target)`, `createWriteStream(target)`, `fs.promises.writeFile`: the call and its target argument. */
const WRITE_CALL = /\b(writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|copyFileSync|copyFile|renameSync|rename)\s*\(/g;

/** The arguments of a call whose `(` is at `open`, split at top-level commas (strings and brackets skipped), up to 400 characters. */
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote = "";
  let start = open + 1;
  for (let i = open + 1; i < Math.min(text.length, open + 400); i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) {
        args.push(text.slice(start, i).trim());
        return args;
      }
      depth--;
    } else if (c === "," && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args;
}

/** `.env` file names written as string literals in `expr` (`".env"`, `'.env.local'`, `` `${root}/.env` ``). */
function namedEnvFiles(expr: string): string[] {
  const out: string[] = [];
  for (const m of expr.matchAll(/["'`/]((?:\.env(?:\.[\w-]+)*|[\w-]+\.env))(?=["'`])/g)) out.push(m[1]!);
  return out;
}

/**
 * The .env file names the target expression of a write names: as a literal in
 * it, or through a variable of the file assigned an expression naming one
 * (`const file = path.join(root, ".env")`).
 */
function targetEnvFiles(text: string, target: string): string[] {
  const direct = namedEnvFiles(target);
  if (direct.length > 0) return direct;
  const ident = /^[A-Za-z_$][\w$]*$/.exec(target)?.[0];
  if (ident === undefined) return [];
  const assigned = new RegExp(`\\b(?:const|let|var)\\s+${ident.replace(/\$/g, "\\$")}\\s*=\\s*([^;\\n]{1,300})`).exec(text);
  return assigned ? namedEnvFiles(assigned[1]!) : [];
}

export function envFileWrites(root: string, secrets: PlannedSecret[], sourceFiles: string[]): PlanWarning[] {
  // Moved names by the base name of the .env file they leave (`.env`, `.env.local`).
  const movedFrom = new Map<string, Set<string>>();
  for (const s of secrets) {
    if (s.source.type !== "dotenv") continue;
    for (const src of [s.source, ...s.duplicates]) {
      const base = src.file.split("/").pop() ?? src.file;
      movedFrom.set(base, (movedFrom.get(base) ?? new Set()).add(s.name));
    }
  }
  if (movedFrom.size === 0) return [];
  const warnings: PlanWarning[] = [];
  for (const file of sourceFiles) {
    let text: string;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      continue;
    }
    if (!text.includes(".env") || !/\b(?:write|append|copy)File|createWriteStream|\brename(?:Sync)?\s*\(/.test(text)) continue;
    for (const m of text.matchAll(WRITE_CALL)) {
      const args = callArguments(text, m.index + m[0].length - 1);
      // copyFile and rename write their second argument.
      const target = /^(?:copyFile|rename)/.test(m[1]!) ? args[1] : args[0];
      if (target === undefined) continue;
      const written = targetEnvFiles(text, target).map((f) => f.split("/").pop()!).filter((f) => movedFrom.has(f));
      if (written.length === 0) continue;
      const envFile = written[0]!;
      const names = [...movedFrom.get(envFile)!].sort();
      const line = text.slice(0, m.index).split("\n").length;
      warnings.push({
        code: "env-file-write",
        file,
        line,
        message: `${file}:${line}: this writes ${envFile} (${m[1]}), which the migration takes ${names.join(", ")} out of. Code that creates or completes that file (a setup step filling in the keys it lacks, a settings screen) will write values for them there again, in plain text, on its next run, while the app reads them from Vault. Have it look at the secrets module first (secrets.NAME, or processEnv from it) before writing a name, or drop the step, then plan again.`,
      });
    }
  }
  return warnings;
}
