import { relative, sep } from "node:path";
import { repositoryRoot } from "../scan/git-source.js";
import { scan } from "../scan/scanner.js";
import { scanText } from "../scan/engine.js";
import type { EngineResult, TextInput } from "../scan/engine.js";
import { fingerprint } from "../util/fingerprint.js";
import type { PlanWarning } from "./types.js";

// Secrets in git history: moving a value into Vault does not remove it from
// the commits that added it. The history scan runs the engine in this process
// with a wrapper that remembers, per finding, the fingerprint of its value
// (HMAC with the plan's salt), so that history findings can be compared with
// the plan's secrets without keeping any value.

export interface HistoryResult {
  /** Value fingerprints (plan salt) of every secret ever added in a commit. */
  committed: Set<string>;
  warnings: PlanWarning[];
}

/**
 * `current`: fingerprints of the values the tree holds; `currentValues`: those
 * values, for the secret the scanner finds inside one of them (the password
 * of a DATABASE_URL that the plan moves whole): that value is committed too,
 * and it is not "only in history". Values stay in memory, as in the planner.
 */
export async function historySecrets(root: string, salt: string, current: Set<string>, currentValues: readonly string[] = []): Promise<HistoryResult> {
  const out: HistoryResult = { committed: new Set(), warnings: [] };
  // The project may be a directory of a larger repository (a package of a monorepo):
  // its history is the commits that touched that directory.
  let prefix: string;
  try {
    prefix = relative(repositoryRoot(root, true), root).split(sep).join("/");
  } catch {
    return out; // not inside a git repository: no history
  }
  const valueOf = new Map<string, string>();
  const inCurrent = new Set<string>();
  const engine = (input: TextInput, options?: Parameters<typeof scanText>[1]): EngineResult => {
    const r = scanText(input, options);
    for (const f of r.findings) {
      const v = fingerprint(salt, f.secret);
      valueOf.set(fingerprint(salt, f.ruleId, f.file, f.secret), v);
      if (f.secret.length < 8 || current.has(v)) continue;
      for (const whole of currentValues) {
        if (whole.length > f.secret.length && whole.includes(f.secret)) {
          inCurrent.add(v);
          out.committed.add(fingerprint(salt, whole));
        }
      }
    }
    return r;
  };
  let findings;
  try {
    findings = (await scan({ cwd: root, mode: "history", salt, scanText: engine, workers: 0, ...(prefix ? { paths: ["."] } : {}) })).findings;
  } catch (error) {
    // A repository git cannot read: say so rather than report a clean history.
    out.warnings.push({
      code: "history-unknown",
      message: `The git history of ${prefix || "the project"} could not be read (${(error as Error).message.split("\n")[0]}), so secrets committed earlier are unknown: nothing says which of the moved ones to rotate. Run \`vaultshift scan --history\` to see why.`,
    });
    return out;
  }
  const reported = new Set<string>();
  for (const f of findings) {
    const v = valueOf.get(f.fingerprint);
    if (v === undefined) continue;
    out.committed.add(v);
    if (current.has(v) || inCurrent.has(v) || reported.has(v)) continue;
    reported.add(v);
    const file = prefix && f.file.startsWith(`${prefix}/`) ? f.file.slice(prefix.length + 1) : f.file;
    out.warnings.push({
      code: "history-only",
      file,
      line: f.line,
      message: `${aKind(f.kind)} (${f.redacted}) was committed to ${file}:${f.line}${f.commit ? ` in ${f.commit.slice(0, 8)}` : ""} and is no longer in the tree; it is still readable in git history: rotate it.`,
    });
  }
  return out;
}

/** `api-key` → "An api key", `password` → "A password": the kind as words, with its article. */
export function aKind(kind: string): string {
  const words = kind.replace(/-/g, " ");
  return `${/^[aeiou]/i.test(words) ? "An" : "A"} ${words}`;
}
