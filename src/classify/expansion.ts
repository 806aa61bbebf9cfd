// `${VAR}` references inside .env values, as dotenv-expand reads them (and with
// it Next.js, Vite, Nest's `expandVariables`, docker compose): `${NAME}`,
// `${NAME:-default}`, `${NAME-default}` and `$NAME`; `\$` is a literal dollar,
// wherever it stands (`\$4`, not only `\$NAME`): dotenv-expand 11+ turns every
// `\$` of the expanded value into `$` once the references are replaced.
// https://github.com/motdotla/dotenv-expand#what-rules-does-the-expansion-engine-follow
// A value that refers to a secret holds that secret once expanded: when the
// secret moves to Vault, the referring entry has to move with it, expanded, or
// the loader expands the reference to an empty string.

const REFERENCE = /(\\)?\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Code that imports or requires dotenv-expand (`dotenv-expand`, `dotenv-expand/config`). */
export const EXPANDER_IMPORT = /["']dotenv-expand(?:\/[\w.-]+)?["']/;

/** The names a value refers to (escaped `\$` excluded). */
export function referencedNames(value: string): string[] {
  const out = new Set<string>();
  for (const m of value.matchAll(REFERENCE)) if (!m[1]) out.add(m[2] ?? m[5]!);
  return [...out];
}

/** Whether the value holds `\$`: an expanding loader reads a dollar there, plain dotenv the backslash too. */
export function hasEscapedDollar(value: string): boolean {
  return value.includes("\\$");
}

/** The value with every reference replaced from `vars` (recursively, a cycle expanding to "") and every `\$` a dollar, as dotenv-expand does. */
export function expandValue(value: string, vars: Readonly<Record<string, string>>, seen: ReadonlySet<string> = new Set()): string {
  return value
    .replace(REFERENCE, (whole, escaped: string | undefined, braced: string | undefined, op: string | undefined, fallback: string | undefined, bare: string | undefined) => {
      if (escaped) return whole;
      const name = (braced ?? bare)!;
      const raw = seen.has(name) ? undefined : vars[name];
      // `:-` replaces an unset or empty variable, `-` only an unset one.
      if (raw === undefined || (op === ":-" && raw === "")) return op ? expandValue(fallback ?? "", vars, seen) : "";
      return expandValue(raw, vars, new Set([...seen, name]));
    })
    .replace(/\\\$/g, "$");
}
