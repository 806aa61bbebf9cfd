// Glob patterns as regular expressions, with the semantics of gitignore(5)
// "PATTERN FORMAT" (https://git-scm.com/docs/gitignore#_pattern_format), which
// every path option of vaultshift shares (`.vaultshiftignore`, config
// `include`/`exclude`, `allowlist.paths`), so that one mental model serves all:
//   - `*` matches anything but `/`, `?` one character but `/`, `[a-z]` a class;
//   - a leading `**/` matches in every directory, a trailing `/**` everything
//     inside, `/**/` zero or more directories;
//   - a pattern with a `/` at the start or in the middle is anchored to its
//     base directory; one without matches a name at any depth;
//   - a trailing `/` matches directories only.
// Config globs may also use `{a,b}` alternatives (not in gitignore, but users
// of fast-glob and ESLint expect them). The output has no nested quantifiers,
// so matching is linear.

export interface CompiledGlob {
  regex: RegExp;
  /** Trailing `/` in the pattern: only directories match. */
  dirOnly: boolean;
  /** Pattern had a `/` before its end: matched against the whole relative path. */
  anchored: boolean;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** Translate the body of a glob (no leading `/`, no trailing `/`) to a regex source. */
function translate(glob: string, braces: boolean): string {
  let out = "";
  let i = 0;
  let braceDepth = 0;
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === "\\" && i + 1 < glob.length) {
      out += escapeChar(glob[i + 1]!);
      i += 2;
      continue;
    }
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const atStart = i === 0 || glob[i - 1] === "/";
        const next = glob[i + 2];
        if (atStart && next === "/") {
          // `**/`: zero or more whole directories.
          out += "(?:[^/]*/)*";
          i += 3;
          continue;
        }
        if (atStart && next === undefined) {
          // trailing `**`: everything below.
          out += ".*";
          i += 2;
          continue;
        }
        // `**` elsewhere is an ordinary `*` (gitignore says so).
        out += "[^/]*";
        i += 2;
        continue;
      }
      out += "[^/]*";
      i += 1;
      continue;
    }
    if (c === "?") {
      out += "[^/]";
      i += 1;
      continue;
    }
    if (c === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close !== -1) {
        let body = glob.slice(i + 1, close);
        if (body.startsWith("!") || body.startsWith("^")) body = `^${body.slice(1)}`;
        body = body.replace(/\\/g, "\\\\");
        out += `[${body}]`;
        i = close + 1;
        continue;
      }
      out += "\\[";
      i += 1;
      continue;
    }
    if (braces && c === "{") {
      braceDepth += 1;
      out += "(?:";
      i += 1;
      continue;
    }
    if (braces && c === "}" && braceDepth > 0) {
      braceDepth -= 1;
      out += ")";
      i += 1;
      continue;
    }
    if (braces && c === "," && braceDepth > 0) {
      out += "|";
      i += 1;
      continue;
    }
    out += escapeChar(c);
    i += 1;
  }
  // An unclosed `{` would leave an open group: close it so the regex compiles.
  out += ")".repeat(braceDepth);
  return out;
}

/**
 * Compile one glob. The resulting regex is tested against a path relative to
 * the pattern's base directory (`/` separators, no leading `./`); for an
 * unanchored pattern it matches when any trailing run of path segments does.
 */
export function compileGlob(pattern: string, options: { braces?: boolean } = {}): CompiledGlob {
  let p = pattern;
  const dirOnly = p.endsWith("/") && p.length > 1;
  if (dirOnly) p = p.slice(0, -1);
  if (p.startsWith("./")) p = p.slice(2);
  const hasLeadingSlash = p.startsWith("/");
  if (hasLeadingSlash) p = p.slice(1);
  const anchored = hasLeadingSlash || p.includes("/");
  const body = translate(p, options.braces ?? false);
  const source = anchored || body.startsWith("(?:[^/]*/)*") ? `^${body}$` : `^(?:.*/)?${body}$`;
  return { regex: new RegExp(source), dirOnly, anchored };
}

/**
 * A set of config globs (`include`, `exclude`, `allowlist.paths`). A path
 * matches when a glob matches it or one of its parent directories (so `docs`
 * and `docs/` and `docs/**` all cover `docs/a.md`).
 */
export class GlobSet {
  private readonly globs: CompiledGlob[];
  constructor(patterns: readonly string[]) {
    this.globs = patterns.map((p) => compileGlob(p, { braces: true }));
  }
  get size(): number {
    return this.globs.length;
  }
  matches(path: string): boolean {
    if (this.globs.length === 0) return false;
    const segments = path.split("/");
    for (let i = segments.length; i >= 1; i--) {
      const candidate = segments.slice(0, i).join("/");
      const isDir = i < segments.length;
      for (const g of this.globs) {
        if (g.dirOnly && !isDir) continue;
        if (g.regex.test(candidate)) return true;
      }
    }
    return false;
  }
}
