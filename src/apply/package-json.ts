// Adds `vaultshift` to an app's dependencies without reformatting the file:
// the indent (detected from the first indented line, as npm itself does with
// detect-indent), the line ending and the final newline stay as they were.

export function addDependency(content: string, name: string, range: string): { content: string; changed: boolean } {
  const bom = content.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
  const text = bom ? content.slice(1) : content;
  const pkg = JSON.parse(text) as Record<string, unknown>;
  const deps = (pkg.dependencies ?? {}) as Record<string, string>;
  if (typeof deps !== "object" || deps === null || Array.isArray(deps)) throw new TypeError("package.json `dependencies` is not an object");
  if (deps[name] !== undefined) return { content, changed: false };
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  ";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const finalNewline = /\r?\n$/.test(text) ? eol : "";
  // Keep dependencies sorted, as `npm install --save` writes them.
  const sorted = Object.fromEntries(Object.entries({ ...deps, [name]: range }).sort(([a], [b]) => a.localeCompare(b, "en")));
  const next = pkg.dependencies === undefined ? insertAfterVersionish(pkg, sorted) : { ...pkg, dependencies: sorted };
  const out = JSON.stringify(next, null, indent).replace(/\n/g, eol) + finalNewline;
  return { content: bom + out, changed: true };
}

/** A new `dependencies` block goes after the usual leading keys rather than at the end. */
function insertAfterVersionish(pkg: Record<string, unknown>, deps: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [k, v] of Object.entries(pkg)) {
    if (!placed && k === "devDependencies") {
      out.dependencies = deps;
      placed = true;
    }
    out[k] = v;
  }
  if (!placed) out.dependencies = deps;
  return out;
}
