// What a shell script does with an env file it sources: the `. FILE` / `source FILE` /
// `export $(cat FILE | xargs)` lines (FILE literal, a positional argument, or a variable set
// from one: `env_file="${1:-.env}"`), and the programs it runs that could read the variables
// so exported (envsubst, psql, a deploy CLI), as opposed to shell builtins, text tools and
// the app's own JavaScript run by node (which reads its secrets through the secrets module).
// Read by src/plan/sourced-env-files.ts; a small reading of POSIX sh, not a shell.

import { NODE_RUNNERS } from "../apply/script-environment.js";

export interface SourceStatement {
  /** 1-based line in the script. */
  line: number;
  /** The file as written (`"./$1"`). */
  written: string;
  /** The file after expanding positional arguments and the script's own variables; null when that cannot be known. */
  file: string | null;
}

/** Builtins, control words and text tools: nothing of them reads an exported secret from its environment. */
const INERT = new Set(
  (
    "set export unset . source echo printf cd exit return test [ [[ ]] true false : shift local readonly trap wait eval read getopts " +
    "if fi then else elif for while until do done case esac break continue umask alias type hash declare typeset let function { } " +
    "mkdir rm rmdir cp mv ln touch cat ls sleep chmod chown dirname basename pwd realpath grep egrep sed awk head tail tr cut xargs tee wc sort uniq date find mktemp env"
  ).split(" "),
);

/** A word without its quotes (`"./$1"` → `./$1`). */
function unquote(word: string): string {
  return word.replace(/^"(.*)"$/s, "$1").replace(/^'(.*)'$/s, "$1");
}

/**
 * `word` with `$1`, `${1}`, `${1:-x}`, `${1-x}`, `$NAME`, `${NAME:-x}` expanded from the
 * positional `args` and the script's `vars`; a variable nobody set takes its default (the usual
 * case of `${ENV_FILE:-.env}`), else the word cannot be known (null).
 */
export function expandWord(word: string, args: readonly string[] | null, vars: ReadonlyMap<string, string | null>): string | null {
  if (word.startsWith("'")) return unquote(word);
  let unknown = false;
  const value = (name: string, fallback: string | undefined): string => {
    let v: string | null | undefined;
    if (/^[1-9]$/.test(name)) v = args === null ? undefined : (args[Number(name) - 1] ?? undefined);
    else v = vars.get(name);
    if (v === null) v = undefined;
    if (v === undefined || v === "") {
      if (fallback !== undefined) return expandWord(fallback, args, vars) ?? ((unknown = true), "");
      unknown = true;
      return "";
    }
    return v;
  };
  const out = unquote(word).replace(/\$\{([A-Za-z_]\w*|[1-9])(?::?-([^}]*))?\}|\$([1-9]|[A-Za-z_]\w*)/g, (_m, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => value(braced ?? bare!, braced !== undefined ? fallback : undefined));
  if (unknown || /[$`*?]/.test(out)) return null;
  return out;
}

/** The script's lines without comments (a `#` starting a word), with 1-based numbers. */
function codeLines(text: string): { n: number; code: string }[] {
  return text.split(/\r?\n/).map((l, i) => ({ n: i + 1, code: l.replace(/(^|\s)#.*$/, "").trimEnd() }));
}

/** The env files a script sources, with `args` its positional arguments (null: run with unknown ones). */
export function sourceStatements(text: string, args: readonly string[] | null): SourceStatement[] {
  const vars = new Map<string, string | null>();
  const out: SourceStatement[] = [];
  for (const { n, code } of codeLines(text)) {
    const assign = /^\s*(?:readonly\s+|local\s+|export\s+)?([A-Za-z_]\w*)=("[^"]*"|'[^']*'|[^\s;&|]*)\s*(?:;.*)?$/.exec(code);
    if (assign) vars.set(assign[1]!, expandWord(assign[2]!, args, vars));
    for (const m of code.matchAll(/(?:^\s*|[;&|({]\s*|\b(?:then|do|else)\s+)(?:\.|source)\s+("[^"]*"|'[^']*'|[^\s;&|)]+)/g)) {
      out.push({ line: n, written: m[1]!, file: normalise(expandWord(m[1]!, args, vars)) });
    }
    // `export $(cat .env | xargs)`, `export $(grep -v '^#' .env | xargs)`.
    for (const m of code.matchAll(/\bexport\s+\$\(\s*(?:cat|grep(?:\s+-\w+)*\s+(?:"[^"]*"|'[^']*'|\S+))\s+("[^"]*"|'[^']*'|[^\s|)]+)/g)) {
      out.push({ line: n, written: m[1]!, file: normalise(expandWord(m[1]!, args, vars)) });
    }
  }
  return out;
}

function normalise(file: string | null): string | null {
  if (file === null || file === "" || file.startsWith("/") || file.includes("..")) return null;
  return file.replace(/^(?:\.\/)+/, "");
}

/**
 * The programs a script starts that can read what it exported: not builtins, text tools,
 * functions it defines, or node and its runners (the app's code). `"$@"` is the program the
 * caller passed (`args`), unknown (left out) when the script is run with unknown arguments.
 */
export function programsRun(text: string, args: readonly string[] | null): string[] {
  const functions = new Set([...text.matchAll(/^\s*(?:function\s+)?([A-Za-z_][\w-]*)\s*\(\)\s*\{?/gm)].map((m) => m[1]!));
  const out = new Set<string>();
  for (const { code } of codeLines(text)) {
    for (const part of code.split(/&&|\|\||;|\||\$\(|`/)) {
      const words = part.trim().split(/\s+/).filter((w) => w !== "");
      let i = 0;
      const skip = /^(?:then|do|else|elif|if|while|until|!|\{|\(|exec|command|nohup|time|env)$|^[A-Za-z_]\w*=|^-/;
      while (i < words.length && skip.test(words[i]!)) i++;
      let program = words[i];
      if (program === undefined) continue;
      program = unquote(program);
      if (program === "$@" || program === "${@}") {
        if (args === null || args.length === 0) continue;
        program = args[0]!;
      }
      const base = program.replace(/^.*\//, "");
      if (base === "" || INERT.has(base) || functions.has(base) || /[)(]$|^[)(<>]|^\$/.test(base) || /^[A-Za-z_]\w*\(\)/.test(base)) continue;
      if (NODE_RUNNERS.test(base)) continue;
      out.add(base);
    }
  }
  return [...out].sort();
}
