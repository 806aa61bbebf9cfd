import { nameWords } from "./environment.js";

// The variable an app's own loader picks its .env file by. Many apps choose
// `.env.<mode>` by NODE_ENV, which is what the secrets module reads too. Others
// choose by a variable of their own: Symfony's and Laravel's APP_ENV, a deploy
// target (`DEPLOY_ENV`, `STAGE`, `ENVIRONMENT`), so that staging and production
// both run with NODE_ENV=production (an optimised build) against different
// backends: `dotenv.config({ path: `.env.${process.env.APP_ENV || "local"}` })`.
// Selecting by NODE_ENV there would serve staging production's secrets, with
// nothing said. The loader's own variable selects the environment instead, as
// it selected the file.

export interface EnvironmentSelector {
  /** The variable the loader reads (`APP_ENV`). */
  variable: string;
  /** The value the loader uses when the variable is unset (`"local"`), if it has one. */
  fallback?: string;
}

/** How one .env file is selected: `APP_ENV=staging` loads `.env.staging`. */
export interface EnvSelection extends EnvironmentSelector {
  value: string;
}

/** Variables the secrets module reads anyway: a loader choosing by them needs nothing more. */
const ALREADY_READ = new Set(["NODE_ENV", "VAULTSHIFT_ENV"]);

/** A `.env.` file name built from an expression: `` `.env.${X}` `` or `".env." + X`. */
const PER_MODE_PATH = /\.env\.(?:\$\{\s*([^}`]+?)\s*\}|["']\s*\+\s*([\w$.[\]"' |?]+))/g;
/** `process.env.NAME` or `process.env["NAME"]`, with an optional `|| "x"` / `?? "x"` default. */
const ENV_READ = /^(?:globalThis\.)?process\.env(?:\.([A-Za-z_]\w*)|\[\s*["']([A-Za-z_]\w*)["']\s*\])(?:\s*(?:\|\||\?\?)\s*(?:["'`]([\w-]+)["'`]|(?:globalThis\.)?process\.env(?:\.([A-Za-z_]\w*)|\[\s*["']([A-Za-z_]\w*)["']\s*\])))?\s*$/;

/**
 * The variables a source text's per-mode .env paths are chosen by, other than
 * NODE_ENV/VAULTSHIFT_ENV: read in the path itself (`` `.env.${process.env.APP_ENV}` ``)
 * or through a binding of the same text (`const target = process.env.APP_ENV ?? "local"`,
 * `const { APP_ENV = "local" } = process.env`). A chain ending in NODE_ENV
 * (`process.env.APP_ENV ?? process.env.NODE_ENV`) has no fallback word: NODE_ENV
 * decides when the variable is unset, as the secrets module does anyway.
 */
export function environmentSelectors(text: string): EnvironmentSelector[] {
  if (!text.includes(".env.")) return [];
  const out: EnvironmentSelector[] = [];
  for (const m of text.matchAll(PER_MODE_PATH)) {
    const expression = (m[1] ?? m[2] ?? "").trim();
    const selector = readOf(expression) ?? bindingOf(text, expression);
    if (selector !== undefined && !ALREADY_READ.has(selector.variable)) out.push(selector);
  }
  return out;
}

/** A variable read first, then `||` / `??` and the rest of the expression: `process.env.APP_ENV || SHORT[process.env.NODE_ENV] || "dev"`. */
const ENV_READ_THEN = /^(?:globalThis\.)?process\.env(?:\.([A-Za-z_]\w*)|\[\s*["']([A-Za-z_]\w*)["']\s*\])\s*(?:\|\||\?\?)\s*([^]+)$/;

function readOf(expression: string): EnvironmentSelector | undefined {
  const m = ENV_READ.exec(expression);
  if (!m) return nodeEnvFallbackOf(expression);
  const variable = (m[1] ?? m[2])!;
  return m[3] !== undefined ? { variable, fallback: m[3] } : { variable };
}

/**
 * A variable whose fallback is worked out from NODE_ENV alone (`process.env.APP_ENV || SHORT[process.env.NODE_ENV] || "dev"`,
 * `process.env.STAGE ?? (process.env.NODE_ENV === "production" ? "prod" : "dev")`): when the variable is unset
 * the loader picks NODE_ENV's file, which is what the secrets module serves by NODE_ENV, as for a chain ending
 * in NODE_ENV; no fallback word. A rest that reads anything else (another variable, the command line) is not this.
 */
function nodeEnvFallbackOf(expression: string): EnvironmentSelector | undefined {
  const m = ENV_READ_THEN.exec(expression);
  if (!m || /\bprocess\.argv\b/.test(m[3]!)) return undefined;
  const reads = [...m[3]!.matchAll(ANY_ENV_READ)].map((r) => (r[1] ?? r[2])!);
  if (reads.length === 0 || !reads.every((name) => name === "NODE_ENV")) return undefined;
  return { variable: (m[1] ?? m[2])! };
}

/** What an identifier is bound to in the text: `const|let|var id = <env read>` or `const { NAME: id = "x" } = process.env`. */
function bindingOf(text: string, identifier: string): EnvironmentSelector | undefined {
  if (!/^[A-Za-z_$][\w$]*$/.test(identifier)) return undefined;
  const id = identifier.replace(/\$/g, "\\$");
  const assigned = new RegExp(`\\b(?:const|let|var)\\s+${id}\\s*=\\s*([^;\\n]+)`).exec(text);
  if (assigned) return readOf(assigned[1]!.replace(/\s*(?:\.trim\(\)|\.toLowerCase\(\))+\s*$/, "").replace(/^\(\s*|\s*\)$/g, ""));
  const destructured = new RegExp(`\\b(?:const|let|var)\\s*\\{([^}]*)\\}\\s*=\\s*(?:globalThis\\.)?process\\.env\\b`).exec(text);
  if (!destructured) return undefined;
  for (const part of destructured[1]!.split(",")) {
    const p = /^\s*([A-Za-z_]\w*)\s*(?::\s*([A-Za-z_$][\w$]*))?\s*(?:=\s*["'`]([\w-]+)["'`])?\s*$/.exec(part);
    if (!p || (p[2] ?? p[1]) !== identifier) continue;
    return p[3] !== undefined ? { variable: p[1]!, fallback: p[3] } : { variable: p[1]! };
  }
  return undefined;
}

/**
 * The project's one selector, when its loaders agree on a single variable (and
 * fallback): several variables, or one with two fallbacks, are no rule the
 * secrets module could follow, so none is taken.
 */
export function projectSelector(found: EnvironmentSelector[]): EnvironmentSelector | undefined {
  const variables = new Set(found.map((s) => s.variable));
  if (variables.size !== 1) return undefined;
  const fallbacks = new Set(found.map((s) => s.fallback).filter((f) => f !== undefined));
  if (fallbacks.size > 1) return undefined;
  const variable = [...variables][0]!;
  const fallback = [...fallbacks][0];
  return fallback !== undefined ? { variable, fallback } : { variable };
}

/** The value of the selector that loads a `.env.<word>` file (`.env.staging` → "staging"), or undefined for any other name. */
export function selectorValueOf(file: string): string | undefined {
  const base = (file.split("/").pop() ?? file).toLowerCase();
  if (!base.startsWith(".env.")) return undefined;
  const words = nameWords(base);
  return words.length === 1 && /^[\w-]+$/.test(words[0]!) ? (file.split("/").pop() ?? file).slice(5) : undefined;
}

/** A per-mode .env path chosen by something the secrets module cannot follow. */
export interface UnfollowedSelection {
  /** 1-based line of the path in the source text. */
  line: number;
  /** What chooses it, for messages: "process.argv and npm_lifecycle_event". */
  chosenBy: string;
}

/** `process.env.NAME` / `process.env["NAME"]` anywhere in an expression. */
const ANY_ENV_READ = /(?:globalThis\.)?process\.env(?:\.([A-Za-z_]\w*)|\[\s*["']([A-Za-z_]\w*)["']\s*\])/g;

/**
 * Per-mode .env paths (`` `.env.${target}` ``) whose word comes from the
 * command line (`process.argv`, directly or through a binding) or from a
 * variable other than NODE_ENV in a form environmentSelectors does not take
 * (a ternary between an argv flag and `npm_lifecycle_event`, say). The secrets
 * module selects by VAULTSHIFT_ENV or NODE_ENV (or one followed selector), so
 * the file such a loader picks and the environment the secrets module serves
 * would disagree: a `staging` run would read whatever its NODE_ENV names.
 * Paths chosen by NODE_ENV alone, by a followed selector, or by something this
 * text does not show (a function's parameter) are not reported.
 */
export function unfollowedSelections(text: string): UnfollowedSelection[] {
  if (!text.includes(".env.")) return [];
  const out: UnfollowedSelection[] = [];
  for (const m of text.matchAll(PER_MODE_PATH)) {
    const expression = (m[1] ?? m[2] ?? "").trim();
    if (readOf(expression) !== undefined || bindingOf(text, expression) !== undefined) continue;
    const source = /^[A-Za-z_$][\w$]*$/.test(expression) ? boundExpression(text, expression) : expression;
    if (source === undefined) continue;
    const chosenBy = new Set<string>();
    if (/\bprocess\.argv\b/.test(source)) chosenBy.add("process.argv");
    for (const id of source.match(/[A-Za-z_$][\w$]*/g) ?? []) {
      if (id !== expression && /\bprocess\.argv\b/.test(boundExpression(text, id) ?? "")) chosenBy.add("process.argv");
    }
    for (const r of source.matchAll(ANY_ENV_READ)) {
      const name = (r[1] ?? r[2])!;
      if (!ALREADY_READ.has(name)) chosenBy.add(name);
    }
    if (chosenBy.size === 0) continue;
    out.push({ line: text.slice(0, m.index).split("\n").length, chosenBy: [...chosenBy].join(" and ") });
  }
  return out;
}

/** The right-hand side of `const|let|var id = …` in the text (to the end of its line or statement). */
function boundExpression(text: string, identifier: string): string | undefined {
  if (!/^[A-Za-z_$][\w$]*$/.test(identifier)) return undefined;
  const id = identifier.replace(/\$/g, "\\$");
  return new RegExp(`\\b(?:const|let|var)\\s+${id}\\s*=\\s*([^;\\n]+)`).exec(text)?.[1];
}
