import { readDotenv } from "../scan/dotenv-reader.js";

// After the migration a .env file keeps its plain config and comments exactly
// as they were (byte for byte) and loses the lines of the migrated secrets;
// `.env.example` documents every variable without a value; `.gitignore`
// keeps every .env file but the example out of git. Pure functions over text:
// the pipeline reads, calls these, and writes atomically.

/**
 * Remove every entry of `migratedKeys` (all of them when a key repeats),
 * each with its own line ending; multi-line values go whole. Anything else,
 * including comments, blank lines, a BOM and CRLF, is kept as it is.
 */
export function cleanEnvFile(content: string, migratedKeys: string[]): string {
  const keys = new Set(migratedKeys);
  const ranges: [number, number][] = [];
  for (const entry of readDotenv(content)) {
    if (!keys.has(entry.key)) continue;
    let end = entry.end;
    if (content.startsWith("\r\n", end)) end += 2;
    else if (content[end] === "\n" || content[end] === "\r") end += 1;
    // A BOM is not part of the first line's entry.
    const start = entry.start === 0 && content.charCodeAt(0) === 0xfeff ? 1 : entry.start;
    ranges.push([start, end]);
  }
  let out = content;
  for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  return out;
}

/**
 * `.env.example` with every key and no value: the existing file is kept as it
 * is and missing keys are appended as `KEY=`; a new file gets a short header.
 */
export function updateEnvExample(existing: string | null, keys: string[]): string {
  const unique = [...new Set(keys)];
  if (existing === null) {
    const header = [
      "# Every variable this app reads. Values are not kept here:",
      "# secrets live in Vault (read at run time through vaultshift/runtime),",
      "# plain config goes in your local .env (git-ignored).",
    ];
    return [...header, ...unique.map((k) => `${k}=`)].join("\n") + "\n";
  }
  const present = new Set(readDotenv(existing).map((e) => e.key));
  const missing = unique.filter((k) => !present.has(k));
  if (missing.length === 0) return existing;
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  const sep = existing.length === 0 || existing.endsWith("\n") ? "" : eol;
  return existing + sep + missing.map((k) => `${k}=${eol}`).join("");
}

/** Lines that already ignore every .env file (gitignore syntax, https://git-scm.com/docs/gitignore). */
const IGNORES_ALL_ENV = new Set([".env*", "/.env*", "**/.env*", ".env.*"]);

/**
 * Make sure git ignores `.env*` but tracks `.env.example`. Existing patterns
 * are not repeated; the negation is written after the pattern it undoes,
 * since in gitignore the last matching line wins.
 */
export function ensureGitignore(existing: string | null): string {
  const text = existing ?? "";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  // `.env.*` alone misses `.env` itself, so it does not count as ignoring all.
  const hasAll = lines.some((l) => l === ".env*" || l === "/.env*" || l === "**/.env*");
  const lastIgnore = Math.max(...lines.map((l, i) => (IGNORES_ALL_ENV.has(l) ? i : -1)));
  const lastNegation = lines.lastIndexOf("!.env.example");
  const add: string[] = [];
  if (!hasAll) add.push(".env*");
  if (add.length > 0 || lastNegation < lastIgnore) add.push("!.env.example");
  if (add.length === 0) return text;
  const block = ["# vaultshift: .env files hold local values and stay out of git; the example is tracked", ...add];
  const sep = text.length === 0 || text.endsWith("\n") ? "" : eol;
  return text + sep + (text.length > 0 && !/\r?\n\r?\n$/.test(text + sep) ? eol : "") + block.join(eol) + eol;
}

/** What follows a removed entry's value on its line: an inline comment, or the rest of a word dotenv cut at `#`. */
export interface RemovedLineRest {
  key: string;
  line: number;
  /** `comment`: `VALUE # note`; `cut`: `abc#def`, where dotenv reads `abc` only. */
  kind: "comment" | "cut";
  /** Characters lost with the line (never the text itself: it may hold a secret). */
  length: number;
}

/**
 * The text that `cleanEnvFile` removes beside the values of `migratedKeys`:
 * an inline comment after the value (`KEY=value # rotated 2024`), or, for an
 * unquoted value with a `#` inside (`KEY=abc#def`), the part after the `#`,
 * which dotenv never read (it reads `abc`) but which is on the line. The
 * cleaner removes lines whole (a comment beside a secret can name or hold
 * one), so each such rest is reported, never dropped silently.
 */
export function removedLineRests(content: string, migratedKeys: string[]): RemovedLineRest[] {
  const keys = new Set(migratedKeys);
  const out: RemovedLineRest[] = [];
  for (const entry of readDotenv(content)) {
    if (!keys.has(entry.key)) continue;
    const lineEnd = content.indexOf("\n", entry.valueEnd);
    const rest = content.slice(entry.valueEnd, lineEnd < 0 ? content.length : lineEnd).replace(/\r$/, "");
    const hash = rest.indexOf("#");
    if (hash < 0) continue;
    const tail = rest.slice(hash).trimEnd();
    // `abc#def`: the `#` right after an unquoted value cuts the word; after a blank it starts a comment.
    const cut = entry.quote === "" && hash === 0 && entry.valueEnd > entry.valueStart;
    out.push({ key: entry.key, line: entry.line, kind: cut ? "cut" : "comment", length: tail.length });
  }
  return out;
}
