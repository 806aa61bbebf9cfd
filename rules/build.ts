import type { Rule, SecretKind, Severity } from "../src/scan/types.js";
import { withoutExampleHost } from "../src/scan/placeholder-filter.js";

// Two builders cover most rules, so that a rule file reads as a list of
// documented formats rather than repeated regex plumbing:
//   prefixed(): tokens with a distinctive prefix (`dop_v1_` + 64 hex);
//   assigned(): formats without a prefix, found only as the value assigned to
//               a name that says which provider it belongs to (DATADOG_API_KEY=…).
// Both add the shared placeholder check and generate the standard examples
// (.env, JS/JSON, and the traps: low-entropy fill, truncated token, value
// without its provider's name); each rule adds its own on top.

export interface Meta {
  id: string;
  description: string;
  kind: SecretKind;
  severity: Severity;
  /** Where the format is documented. */
  docs?: string;
}

interface Common extends Meta {
  /** A fake credential in the documented format (rules/fake.ts). */
  sample: string;
  /** An environment variable name used in the examples. */
  env: string;
  entropy?: number;
  validate?: (secret: string) => boolean;
  /** Character class (inside [...]) that may not touch the token on either side. */
  boundary?: string;
  /** false when the body has no fixed length, so that a truncated token still matches. */
  fixedLength?: boolean;
  invalid?: string[];
  valid?: string[];
}

/**
 * Values that are documentation, templates or fill, not credentials. Runs on
 * every candidate match, so it is a few plain string searches on the
 * lower-cased value plus one small regex, not one large alternation.
 */
const PLACEHOLDER_WORDS = [
  "xxxxxx", "******", "####", "...", "…", "example", "sample", "placeholder", "dummy", "changeme", "change_me",
  "redacted", "${", "{{", "%(", "0123456789", "123456789", "abcdefghij",
];
const PLACEHOLDER_SHAPES = /your[-_ ]?(?:api|secret|token|key|pass)|<[a-z_ -]{2,40}>/;

function hasLongRun(s: string, run: number): boolean {
  let count = 1;
  for (let i = 1; i < s.length; i++) {
    if (s.charCodeAt(i) === s.charCodeAt(i - 1)) {
      if (++count >= run) return true;
    } else count = 1;
  }
  return false;
}

export function looksLikePlaceholder(s: string): boolean {
  const lower = withoutExampleHost(s).toLowerCase();
  for (const w of PLACEHOLDER_WORDS) if (lower.includes(w)) return true;
  return hasLongRun(s, 8) || PLACEHOLDER_SHAPES.test(lower);
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function check(extra?: (secret: string) => boolean): (secret: string) => boolean {
  return extra === undefined
    ? (s) => !looksLikePlaceholder(s)
    : (s) => !looksLikePlaceholder(s) && extra(s);
}

export function camelCase(env: string): string {
  return env.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Same length as the sample's tail, one repeated character: passes the pattern, fails entropy. */
function lowEntropy(sample: string, keep: number): string {
  const tail = sample.slice(keep);
  const ch = [...tail].find((c) => /[A-Za-z0-9]/.test(c)) ?? "a";
  return sample.slice(0, keep) + tail.replace(/[A-Za-z0-9]/g, ch);
}

/**
 * Examples are built on first use: only the tests read them, and every scan
 * worker loads the rules, so their construction stays out of start-up.
 */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * One secret written in the syntaxes a scan meets. `line` forms put the name
 * and value on one line (what `assigned()` rules need); `anywhere` forms may
 * split them (only for rules that find the token by itself).
 */
const SYNTAXES: Array<{ line: boolean; render: (env: string, s: string) => string }> = [
  { line: true, render: (e, s) => `${e.toLowerCase()}: ${s}\n` }, // YAML
  { line: true, render: (e, s) => `${e.toLowerCase()} = "${s}"` }, // Python / TOML / HCL
  { line: true, render: (e, s) => `export ${e}="${s}"` }, // shell
  { line: true, render: (e, s) => `ENV ${e}=${s}` }, // Dockerfile
  { line: true, render: (e, s) => `app.${e.toLowerCase().replace(/_/g, ".")}=${s}` }, // .properties
  { line: true, render: (e, s) => `jobs:\n  deploy:\n    env:\n      ${e}: ${s}\n` }, // GitHub Actions
  { line: true, render: (e, s) => `private static final String ${e} = "${s}";` }, // Java
  { line: true, render: (e, s) => `'${e.toLowerCase()}' => '${s}',` }, // PHP array
  { line: false, render: (e, s) => `variable "${e.toLowerCase()}" {\n  default = "${s}"\n}` }, // Terraform
  { line: false, render: (e, s) => `env:\n  - name: ${e}\n    value: "${s}"\n` }, // Kubernetes
  { line: false, render: (e, s) => `<add key="${e}" value="${s}" />` }, // .NET XML config
];

/** Three syntaxes per rule, chosen from its id so that all of them are exercised across the rules. */
function moreSyntaxes(id: string, env: string, s: string, lineOnly: boolean): string[] {
  const pool = SYNTAXES.filter((x) => !lineOnly || x.line);
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) >>> 0;
  return [0, 1, 2].map((k) => pool[(h + k * 3) % pool.length]!.render(env, s));
}

/**
 * Keywords for a 2-character literal always followed by one of `next`
 * (`SK` + a hex digit, a digit + `Q~`): the keyword pass finds keywords of 3+
 * characters through its trigram table in the one loop it makes anyway, but
 * searches the whole text again for each case spelling of a 2-character one
 * (src/scan/rule-set.ts), which cost ~0.25 CPU-s over a 335 MB source corpus.
 */
export function keywordsWith(literal: string, next: string, before = false): string[] {
  return [...next].map((c) => (before ? c + literal : literal + c).toLowerCase());
}

export interface PrefixedSpec extends Common {
  /** The literal prefix (escaped here). */
  prefix: string;
  /** Regex source of what follows the prefix. */
  body: string;
  /** Default: the lower-cased prefix. */
  keywords?: string[];
  flags?: string;
}

export function prefixed(spec: PrefixedSpec): Rule {
  const b = spec.boundary ?? "A-Za-z0-9_-";
  const pattern = new RegExp(`(?<![${b.replace("=", "")}])(?<secret>${escapeRegex(spec.prefix)}${spec.body})(?![${b}])`, spec.flags ?? "");
  const examples = lazy(() => {
    const s = spec.sample;
    const invalid = [`${spec.env}=${s}`, `const config = {\n  ${camelCase(spec.env)}: "${s}",\n};`, ...moreSyntaxes(spec.id, spec.env, s, false)];
    const valid = [`${spec.env}=${lowEntropy(s, spec.prefix.length)}`];
    if (spec.fixedLength !== false) valid.push(`${spec.env}=${s.slice(0, -3)}`, `${spec.env}=${s}${s.slice(-4, -1)}`);
    return { invalid: unique([...invalid, ...(spec.invalid ?? [])]), valid: unique([...valid, ...(spec.valid ?? [])]) };
  });
  return {
    id: spec.id,
    description: spec.description,
    kind: spec.kind,
    severity: spec.severity,
    keywords: spec.keywords ?? [spec.prefix.toLowerCase()],
    pattern,
    entropy: spec.entropy ?? 3,
    validate: check(spec.validate),
    ...(spec.docs !== undefined ? { docs: spec.docs } : {}),
    get examples() {
      return examples();
    },
  };
}

export interface AssignedSpec extends Common {
  /** Regex source matching the start of a name that identifies the provider (case-insensitive). */
  names: string;
  /** Regex source of the value. */
  value: string;
  keywords: string[];
}

/**
 * `<name>… <op> <quote>? <value>`: the name (provider keyword plus up to 30
 * identifier characters, e.g. `datadog` + `_API_KEY`), an optional closing
 * quote or bracket, then `=`, `:`, `:=` or `=>`, and the value. Every
 * repetition is bounded, so the pattern stays linear; the rest of the name is
 * taken atomically (`(?=(…))\k<rest>`, JavaScript has no atomic groups) so a
 * failed attempt does not backtrack through it character by character.
 * A name ending in `Client` / `ClientV2` may instead be called with the value
 * as its first, quoted argument: SDKs whose constructor takes the key
 * positionally (Cohere's Python `cohere.Client("…")` / `cohere.ClientV2("…")`,
 * https://docs.cohere.com/reference/about). Other calls (`mixpanel.init("…")`,
 * `cohere.embed("…")`) are not assignments.
 */
export function assignedPattern(names: string, value: string, boundary = "A-Za-z0-9_+/=-"): RegExp {
  return new RegExp(
    `(?:${names})(?=(?<rest>[\\w.-]{0,30}))\\k<rest>(?:["'\\]]{0,2}[ \\t]{0,4}(?:=>|:=|[=:])|(?<=Client(?:V\\d{1,2})?)[ \\t]{0,4}\\([ \\t]{0,4}(?=["'\`]))[ \\t]{0,4}["'\`]?(?<secret>${value})(?![${boundary}])`,
    "i",
  );
}

/**
 * Names are written DD_API_KEY, dd.api.key, dd-api-key and ddApiKey (which
 * lower-cases to ddapikey): a keyword with "_" stands for all four.
 */
function nameVariants(keywords: string[]): string[] {
  const out = new Set<string>();
  for (const k of keywords) {
    out.add(k);
    if (!k.includes("_")) continue;
    out.add(k.replace(/_/g, "."));
    out.add(k.replace(/_/g, "-"));
    // The joined spelling only when it is long enough to stay selective
    // ("ld_" joined is "ld", which is in every "world" and "build").
    if (k.replace(/_/g, "").length >= 6) out.add(k.replace(/_/g, ""));
  }
  return [...out];
}

export function assigned(spec: AssignedSpec): Rule {
  const examples = lazy(() => {
    const s = spec.sample;
    const invalid = [`${spec.env}=${s}`, `{ "${spec.env.toLowerCase()}": "${s}" }`, `${camelCase(spec.env)} := "${s}"`, ...moreSyntaxes(spec.id, spec.env, s, true)];
    const valid = [`UNRELATED_VALUE=${s}`];
    if ((spec.entropy ?? 3) > 1.5) valid.push(`${spec.env}=${lowEntropy(s, 0)}`);
    if (spec.fixedLength !== false) valid.push(`${spec.env}=${s.slice(0, -3)}`);
    return { invalid: unique([...invalid, ...(spec.invalid ?? [])]), valid: unique([...valid, ...(spec.valid ?? [])]) };
  });
  return {
    id: spec.id,
    description: spec.description,
    kind: spec.kind,
    severity: spec.severity,
    keywords: nameVariants(spec.keywords),
    pattern: assignedPattern(spec.names, spec.value, spec.boundary),
    entropy: spec.entropy ?? 3,
    validate: check(spec.validate),
    ...(spec.docs !== undefined ? { docs: spec.docs } : {}),
    get examples() {
      return examples();
    },
  };
}

/** A rule written out in full, with the shared placeholder check added to its validate. */
export function custom(rule: Rule): Rule {
  return withProperties(rule, { validate: check(rule.validate) });
}

/**
 * A copy of `rule` with some properties replaced. Unlike `{ ...rule }`, it
 * keeps getters as getters: a rule's examples (and a spec's sample) are
 * getters so that they are built only when a test or doc reads them, not by
 * every scan at start-up.
 */
export function withProperties(rule: Rule, replace: object): Rule {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(rule)) as Rule;
  return Object.defineProperties(copy, Object.getOwnPropertyDescriptors(replace));
}
