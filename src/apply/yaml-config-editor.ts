import { isAlias, isMap, isScalar, type Node, type Pair, type Scalar } from "yaml";
import { PlanError } from "../errors.js";
import { yamlData, yamlDocument, yamlPairAt } from "../util/yaml-spans.js";
import { sameDocument } from "./same-document.js";

// The YAML counterpart of config-file-editor.ts: a secret leaves a YAML
// configuration file as a person would take it out. Removing a member deletes
// the lines it fills (with a comment on its last line), and a map left empty
// becomes `{}` (so a node-config environment file does not override a whole
// section with null); substituting replaces only the value's bytes by
// "${NAME}". Comments, quoting, key order, flow collections and line endings
// elsewhere stay. The result is parsed and must be the old document with
// exactly those changes, else nothing is written. Pure.

export interface YamlEdit {
  keyPath: string[];
  how: "remove" | "substitute";
  envName: string;
}

const refuse = (file: string, what: string): never => {
  throw new PlanError(`vaultshift cannot take ${what} out of ${file} without changing more than it; the file is left as it is.`, { hint: "Remove the value by hand (or replace it with the variable the loader reads), then plan again." });
};

/** Offset of the start of the line holding `offset`. */
const lineStart = (text: string, offset: number): number => text.lastIndexOf("\n", offset - 1) + 1;

/** The end of the line holding `offset` (the offset after its "\n", or the text's end). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf("\n", offset);
  return nl === -1 ? text.length : nl + 1;
}

function editOne(text: string, file: string, edit: YamlEdit): string {
  const read = yamlDocument(text);
  const path = edit.keyPath.join(".");
  if ("problem" in read) return refuse(file, `${path} (${read.problem})`);
  const at = yamlPairAt(read.doc, edit.keyPath);
  if (!at) throw new PlanError(`${file} has no member ${path} to take the secret from (it changed since the plan?).`, { hint: "Run `vaultshift plan` again." });
  const value = at.pair.value as Node | null;
  if (!isScalar(value) || isAlias(value) || !value.range || (value as Scalar).anchor !== undefined || (value as Scalar).tag !== undefined) {
    return refuse(file, `${path} (not a plain scalar: an alias, an anchor, a tag or a collection)`);
  }
  if (edit.how === "substitute") {
    const type = (value as Scalar).type;
    if (type !== "PLAIN" && type !== "QUOTE_DOUBLE" && type !== "QUOTE_SINGLE") return refuse(file, `${path} (a block scalar)`);
    return text.slice(0, value.range[0]) + JSON.stringify(`\${${edit.envName}}`) + text.slice(value.range[1]);
  }
  if (at.parent.flow) return refuse(file, `${path} (a member of a flow mapping {…})`);
  const key = at.pair.key as Node;
  const from = lineStart(text, key.range![0]);
  if (!/^[ \t]*$/.test(text.slice(from, key.range![0]))) return refuse(file, `${path} (its key shares a line with something before it)`);
  // The value's end, then only blanks or a comment up to the line's end.
  const rest = text.slice(value.range[1], lineEnd(text, value.range[1]));
  if (!/^[ \t]*(#.*)?\r?\n?$/.test(rest)) return refuse(file, `${path} (something follows its value on the line)`);
  let out = text.slice(0, from) + text.slice(lineEnd(text, value.range[1]));
  if (at.parent.items.length === 1 && at.ancestors.length > 0) {
    // The map is now empty: its key would read as null; write {} after the colon (before a comment).
    const holder = yamlPairAt(yamlDocumentOrThrow(out, file), edit.keyPath.slice(0, -1));
    const colon = holder ? out.indexOf(":", (holder.pair.key as Node).range![1]) : -1;
    if (colon === -1) return refuse(file, path);
    out = `${out.slice(0, colon + 1)} {}${out.slice(colon + 1)}`;
  }
  return out;
}

function yamlDocumentOrThrow(text: string, file: string) {
  const read = yamlDocument(text);
  if ("problem" in read) return refuse(file, `a value (${read.problem} after the edit)`);
  return read.doc;
}

function setIn(doc: unknown, keyPath: readonly string[], how: "remove" | "substitute" | "set", value?: string): void {
  let at = doc as Record<string, unknown>;
  for (const k of keyPath.slice(0, -1)) {
    if (how === "set" && (at[k] === undefined || at[k] === null)) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  const last = keyPath[keyPath.length - 1]!;
  if (how === "remove") delete at[last];
  else at[last] = value;
}

/** `text` (YAML) with every edit made, checked to be the old document with exactly those changes. */
export function editYamlText(text: string, file: string, edits: readonly YamlEdit[]): string {
  const want = yamlData(text);
  let out = text;
  for (const edit of edits) {
    out = editOne(out, file, edit);
    setIn(want, edit.keyPath, edit.how, `\${${edit.envName}}`);
  }
  return sameDocument(out, want, yamlData, file, "secrets");
}

/** A plain YAML scalar for a variable name, quoted when YAML would read it as something else. */
const scalarText = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(name) ? name : JSON.stringify(name));

/** The file's indentation unit: the first indented key's indentation (two spaces when none). */
export function yamlIndentUnit(text: string): string {
  return /\n( +)[^\s#-]/.exec(text)?.[1] ?? "  ";
}

/**
 * node-config's custom-environment-variables.yml with `keyPath` → `envName` added below the deepest
 * map of the path that exists (created when `text` is null), keeping its comments and what it maps.
 */
export function addYamlEnvMappings(text: string | null, mappings: readonly { keyPath: string[]; envName: string }[], file: string, unit?: string): string {
  let out = text ?? "";
  const want = (text === null ? {} : (yamlData(out) ?? {})) as Record<string, unknown>;
  const step = unit ?? (text === null ? "  " : yamlIndentUnit(out));
  for (const { keyPath, envName } of mappings) {
    const doc = out.trim() === "" ? undefined : yamlDocumentOrThrow(out, file);
    let depth = 0;
    let holder: Pair | undefined;
    while (doc && depth < keyPath.length - 1) {
      const at = yamlPairAt(doc, keyPath.slice(0, depth + 1));
      if (!at || !isMap(at.pair.value) || at.pair.value.flow || at.pair.value.items.length === 0) break;
      holder = at.pair;
      depth++;
    }
    if (doc && yamlPairAt(doc, keyPath.slice(0, depth + 1))) refuse(file, `the mapping of ${keyPath.join(".")} (a member of that name is there already and is no block mapping)`);
    // New lines at the indentation of the holder's members (column 0 at the top), after its last one.
    let indent = "";
    let insertAt = out.length;
    if (holder) {
      const map = holder.value as unknown as { items: Pair[] };
      const first = map.items[0]!.key as Node;
      indent = out.slice(lineStart(out, first.range![0]), first.range![0]);
      const last = map.items[map.items.length - 1]!;
      const end = ((last.value as Node | null)?.range ?? (last.key as Node).range)![1];
      insertAt = lineEnd(out, Math.max(end - 1, 0));
    }
    const eol = out.includes("\r\n") ? "\r\n" : "\n";
    if (insertAt === out.length && out !== "" && !out.endsWith("\n")) out += eol, (insertAt = out.length);
    const lines = keyPath.slice(depth).map((k, i, all) => `${indent}${step.repeat(i)}${scalarText(k)}:${i === all.length - 1 ? ` ${scalarText(envName)}` : ""}`);
    out = out.slice(0, insertAt) + lines.join(eol) + eol + out.slice(insertAt);
    setIn(want, keyPath, "set", envName);
  }
  return sameDocument(out, want, yamlData, file, "mappings");
}
