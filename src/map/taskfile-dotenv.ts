import { readFileSync } from "node:fs";
import { join } from "node:path";

// go-task (https://taskfile.dev/docs/guide/environment) loads the `dotenv:`
// files of the Taskfile's root and of the task it runs into the task's
// commands: within one list the first file to set a name wins, a task's own
// files win over the root's, and a missing file is skipped. A file name may use
// a variable (`.env.{{.ENV}}`), given on the command line (`task start
// ENV=production`) or by the Taskfile's `vars:`. So `task start ENV=production`
// with a root `dotenv: ['.env']` and `start`'s `dotenv: ['.env.{{.ENV}}']`
// loads .env under .env.production, as a layering loader does.

const TASKFILES = ["Taskfile.yml", "taskfile.yml", "Taskfile.yaml", "taskfile.yaml", "Taskfile.dist.yml", "taskfile.dist.yml"];

const indentOf = (line: string) => line.length - line.trimStart().length;
const unquote = (s: string) => s.trim().replace(/^(["'])(.*)\1$/, "$2");

/** The `dotenv:` list of the block whose keys sit at `indent` from line `from` to its end: flow (`[a, b]`) or block (`- a`). */
function dotenvList(lines: string[], from: number, indent: number): string[] | undefined {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (indentOf(line) < indent) break;
    if (indentOf(line) !== indent) continue;
    const m = /^\s*dotenv\s*:\s*(.*)$/.exec(line.replace(/\s+#.*$/, ""));
    if (!m) continue;
    if (m[1]!.startsWith("[")) return m[1]!.replace(/^\[|\]$/g, "").split(",").map(unquote).filter(Boolean);
    const out: string[] = [];
    for (let j = i + 1; j < lines.length && /^\s*-\s/.test(lines[j]!); j++) out.push(unquote(lines[j]!.replace(/^\s*-\s*/, "").replace(/\s+#.*$/, "")));
    return out;
  }
  return undefined;
}

/** The Taskfile's root `vars:` given as plain scalars (`ENV: development`). */
function rootVars(lines: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const at = lines.findIndex((l) => /^vars\s*:\s*$/.test(l));
  if (at < 0) return out;
  for (let i = at + 1; i < lines.length && (lines[i]!.trim() === "" || indentOf(lines[i]!) > 0); i++) {
    const m = /^\s+([A-Za-z_]\w*)\s*:\s*([^{}\s#][^#]*?)\s*(?:#.*)?$/.exec(lines[i]!);
    if (m) out[m[1]!] = unquote(m[2]!);
  }
  return out;
}

/**
 * The .env files a `task …` command line loads into its commands (relative to the Taskfile's
 * directory `dir`), the winner first; undefined when the command runs no Task, names no task of
 * the Taskfile, or a file's name needs a variable nobody gives.
 */
export function taskLoadOrder(root: string, dir: string, command: string): { files: string[]; lastWins: false } | undefined {
  const tokens = command.trim().split(/\s+/);
  const at = tokens.findIndex((t) => /^(?:\S*\/)?(?:task|go-task)$/.test(t));
  if (at < 0 || (at > 0 && !/^(?:npx|pnpm|yarn|exec|\w+=\S*)$/.test(tokens[at - 1]!))) return undefined;
  let text: string | undefined;
  for (const name of TASKFILES) {
    try {
      text = readFileSync(join(root, dir, name), "utf8");
      break;
    } catch {
      continue;
    }
  }
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  const args = tokens.slice(at + 1).filter((t) => !t.startsWith("-"));
  const cliVars = Object.fromEntries(args.filter((t) => /^[A-Za-z_]\w*=/.test(t)).map((t) => [t.slice(0, t.indexOf("=")), unquote(t.slice(t.indexOf("=") + 1))]));
  const vars = { ...rootVars(lines), ...cliVars };
  const task = args.find((t) => !t.includes("=")) ?? "default";
  const tasksAt = lines.findIndex((l) => /^tasks\s*:\s*$/.test(l));
  if (tasksAt < 0) return undefined;
  const escaped = task.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const taskAt = lines.findIndex((l, i) => i > tasksAt && new RegExp(`^\\s+["']?${escaped}["']?\\s*:\\s*$`).test(l));
  if (taskAt < 0) return undefined;
  const inner = lines.slice(taskAt + 1).find((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  const own = inner !== undefined && indentOf(inner) > indentOf(lines[taskAt]!) ? (dotenvList(lines, taskAt + 1, indentOf(inner)) ?? []) : [];
  const files: string[] = [];
  for (const written of [...own, ...(dotenvList(lines, 0, 0) ?? [])]) {
    let unknown = false;
    const file = written.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, name: string) => vars[name] ?? ((unknown = true), "")).replace(/^\.\//, "");
    if (unknown) return undefined;
    if (!files.includes(file)) files.push(file);
  }
  return files.length >= 2 ? { files, lastWins: false } : undefined;
}
