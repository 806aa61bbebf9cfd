import type { Decision, Decisions } from "../plan/decisions.js";
import { withDecision } from "../plan/decisions.js";
import type { Plan, PlannedConfig, PlannedSecret, PlanWarning } from "../plan/types.js";
import { escapeRegExp } from "../util/regexp.js";
import { setInEnvironment } from "../plan/config-secrets.js";

// What the review screens show, computed from a plan without React: rows,
// filters, severities, who reads a secret, lines that fit the terminal. The
// plan holds no value (fingerprints, redacted labels and redacted diffs
// only), and nothing here looks anywhere else.

/** Identifies an item across plans, so the cursor stays on it after a re-plan. */
export const secretKey = (s: PlannedSecret) => `${s.name}\u0000${s.source.file}\u0000${s.environment}`;
export const configKey = (c: PlannedConfig) => `${c.name}\u0000${c.file}`;

export const targetText = (s: PlannedSecret) => `${s.target.mount}/${s.target.path}#${s.target.key}`;

/** `all`, then each environment, then each source file: what `f` cycles through. */
export interface Filter {
  kind: "all" | "environment" | "file";
  value: string;
}

export function filtersOf(plan: Plan): Filter[] {
  const envs = [...new Set(plan.secrets.map((s) => s.environment))].sort();
  const files = [...new Set(plan.secrets.map((s) => s.source.file))].sort();
  return [{ kind: "all", value: "" }, ...envs.map((value) => ({ kind: "environment" as const, value })), ...files.map((value) => ({ kind: "file" as const, value }))];
}

export function filterLabel(f: Filter): string {
  return f.kind === "all" ? "all" : f.kind === "environment" ? `environment ${f.value}` : `file ${f.value}`;
}

/** The secrets under `filter`, grouped by environment (then name, then file). */
export function secretRows(plan: Plan, filter: Filter): PlannedSecret[] {
  const rows = plan.secrets.filter((s) => filter.kind === "all" || (filter.kind === "environment" ? s.environment === filter.value : s.source.file === filter.value));
  return rows.slice().sort((a, b) => a.environment.localeCompare(b.environment) || a.name.localeCompare(b.name) || a.source.file.localeCompare(b.source.file));
}

export type Severity = "high" | "medium" | "low";

/**
 * How urgent a warning is. High: a secret stays exposed or readable (rotate
 * it, or it is not moved at all); medium: the app may break or read another
 * value unless someone acts; low: worth knowing, nothing breaks.
 */
const SEVERITY: Record<string, Severity> = {
  "browser-exposed": "high",
  "in-git-history": "high",
  "history-only": "high",
  "not-migrated": "high",
  "vault-bootstrap": "high",
  "kept-by-user": "medium",
  "duplicate-value": "low",
  shadowed: "low",
  "local-override": "low",
  "env-reference": "low",
  "vault-value-differs": "medium",
};
export const severityOf = (w: PlanWarning): Severity => SEVERITY[w.code] ?? "medium";

const RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
export function warningsBySeverity(plan: Plan): PlanWarning[] {
  return plan.warnings
    .map((w, i) => ({ w, i }))
    .sort((a, b) => RANK[severityOf(a.w)] - RANK[severityOf(b.w)] || a.i - b.i)
    .map(({ w }) => w);
}

/**
 * The code that reads a secret: the code files whose redacted diff rewrites a
 * read of its name (`process.env.NAME` → `secrets.NAME`), or the file holding
 * a hard-coded one. The plan records the rewrites only as diffs, so this is
 * read from them.
 */
export function readersOf(plan: Plan, s: PlannedSecret): string[] {
  if (s.source.type === "literal") {
    const l = plan.literals.find((x) => x.file === s.source.file && x.line === s.source.line);
    return [`${s.source.file}:${s.source.line}${l ? ` (becomes secrets.${l.name})` : ""}`];
  }
  const word = new RegExp(`(?:^|[^\\w$])${escapeRegExp(s.name)}(?![\\w$])`);
  const out: string[] = [];
  for (const f of plan.files) {
    if (f.kind !== "code") continue;
    const lines = f.diff.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---") && word.test(l.slice(1)));
    if (lines.length > 0) out.push(`${f.file} (${lines.length} line${lines.length === 1 ? "" : "s"})`);
  }
  if (out.length === 0 && s.source.type === "config") out.push(`the loader of ${s.source.file} reads ${s.name} from the environment (the reason says which and why it wins): start the app under vaultshift run --`);
  if (out.length === 0 && plan.envExports?.includes(s.name)) out.push("no code reads it by name: the secrets module sets it in process.env for the library or framework that does");
  return out;
}

// Widths are terminal columns, not string lengths: a CJK character or an
// emoji takes two columns (as ink, through string-width, draws it), a
// combining mark none, and an astral character is two UTF-16 units that must
// not be cut apart. Counting .length drew a path with Japanese in it past the
// edge, where ink cut it with "…" (the rest of the path lost), and cut emoji
// in half.

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

/** Terminal columns of one code point. */
function columnsOf(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  return (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f680 && cp <= 0x1f6ff) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
    ? 2
    : 1;
}

/** Terminal columns `text` takes on one row. */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += columnsOf(ch);
  return n;
}

/** The longest start of `text` within `width` columns, and what is left. */
function cutAt(text: string, width: number): [string, string] {
  let used = 0;
  let i = 0;
  for (const ch of text) {
    const w = columnsOf(ch);
    if (used + w > width) break;
    used += w;
    i += ch.length;
  }
  return [text.slice(0, i), text.slice(i)];
}

/**
 * Cut `text` into rows of at most `width` columns (a long line is several
 * rows): at a space where there is one (`words`, for prose), else anywhere
 * (a diff's line keeps every character).
 */
export function wrap(text: string, width: number, words = true): string[] {
  const w = Math.max(2, width);
  const out: string[] = [];
  for (let line of text.split("\n")) {
    while (columns(line) > w) {
      let [head, rest] = cutAt(line, w);
      const space = words ? line.lastIndexOf(" ", head.length) : -1;
      if (space > 0) [head, rest] = [line.slice(0, space), line.slice(space + 1)];
      out.push(head);
      line = rest;
    }
    out.push(line);
  }
  return out;
}

/** Fit `text` in `width` columns, ending in `…` when cut. */
export function fit(text: string, width: number): string {
  if (width <= 0) return "";
  const used = columns(text);
  if (used <= width) return text + " ".repeat(width - used);
  const [head] = cutAt(text, width - 1);
  return `${head}…${" ".repeat(width - 1 - columns(head))}`;
}

/** The first row shown so that `cursor` stays visible in a window of `height` rows. */
export function windowStart(cursor: number, height: number, count: number, previous: number): number {
  const h = Math.max(1, height);
  let start = Math.min(previous, Math.max(0, count - h));
  if (cursor < start) start = cursor;
  if (cursor >= start + h) start = cursor - h + 1;
  return Math.max(0, start);
}

/** Where the cursor goes in the new rows: the same item if it is still there, else the same place. */
export function keepCursor<T>(rows: T[], key: (x: T) => string, previousKey: string | undefined, previousIndex: number): number {
  if (previousKey !== undefined) {
    const i = rows.findIndex((r) => key(r) === previousKey);
    if (i >= 0) return i;
  }
  return Math.max(0, Math.min(previousIndex, rows.length - 1));
}

/** The decision `k` makes on a secret: keep it where it is, in that file. */
export const keepDecision = (s: PlannedSecret): Decision => ({ name: s.name, file: s.source.file, action: "keep" });
/** The decision `s` makes on a config item: move it, from that file. */
export const migrateDecision = (c: PlannedConfig): Decision => ({ name: c.name, file: c.file, action: "migrate" });

/**
 * The path and key `t` starts from: the binding's template (with
 * `{environment}`, so one decision covers every environment of the name) or,
 * for a hard-coded secret, its path.
 */
export function targetDraft(plan: Plan, s: PlannedSecret): string {
  const b = setInEnvironment(s.source) ? plan.bindings.find((x) => x.envName === s.name) : undefined;
  return `${b?.path ?? s.target.path}#${s.target.key}`;
}

/** `path#key` as the user typed it → the fields of a target decision (name-wide: the app reads one key per name). */
export function parseTarget(text: string): { path?: string; key?: string } {
  const hash = text.lastIndexOf("#");
  const path = (hash >= 0 ? text.slice(0, hash) : text).trim();
  const key = hash >= 0 ? text.slice(hash + 1).trim() : undefined;
  return { ...(path !== "" ? { path } : {}), ...(key !== undefined ? { key } : {}) };
}

export function targetDecision(s: PlannedSecret, text: string): Decision {
  const t = parseTarget(text);
  return { name: s.name, path: t.path, key: t.key };
}

export function apply(decisions: Decisions, d: Decision): Decisions {
  return withDecision(decisions, d);
}

/** A one-line text field: its text and the caret, counted in code points (an emoji is one step). */
export interface TextField {
  text: string;
  caret: number;
}

export const textField = (text: string): TextField => ({ text, caret: [...text].length });

/** The keys a text field reads (a subset of ink's Key). */
export interface FieldKey {
  leftArrow?: boolean;
  rightArrow?: boolean;
  home?: boolean;
  end?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

/**
 * One key in a text field, as a shell's line editor: ← → move, Home/End and ^A/^E jump, Backspace
 * deletes before the caret (ink reports the Backspace key of most terminals, DEL, as `delete`, so
 * both do), ^D deletes under it, ^U clears, printable input is inserted at the caret (a paste in one
 * piece). null: not a key of the field.
 */
export function editField(f: TextField, input: string, key: FieldKey): TextField | null {
  const chars = [...f.text];
  const caret = Math.max(0, Math.min(f.caret, chars.length));
  const at = (text: string[], c: number): TextField => ({ text: text.join(""), caret: c });
  if (key.leftArrow) return at(chars, Math.max(0, caret - 1));
  if (key.rightArrow) return at(chars, Math.min(chars.length, caret + 1));
  if (key.home || (key.ctrl && input === "a")) return at(chars, 0);
  if (key.end || (key.ctrl && input === "e")) return at(chars, chars.length);
  if (key.backspace || key.delete) return caret === 0 ? at(chars, 0) : at([...chars.slice(0, caret - 1), ...chars.slice(caret)], caret - 1);
  if (key.ctrl && input === "d") return at([...chars.slice(0, caret), ...chars.slice(caret + 1)], caret);
  if (key.ctrl && input === "u") return { text: "", caret: 0 };
  if (input && !key.ctrl && !key.meta && !/[\u0000-\u001f\u007f]/.test(input)) {
    const typed = [...input];
    return at([...chars.slice(0, caret), ...typed, ...chars.slice(caret)], caret + typed.length);
  }
  return null;
}
