import { PlanError } from "../errors.js";
import { indentOf, insertMember, jsonSpans, removeMember, removeMemberLines } from "../util/json-spans.js";
import { blankJsonc, parseJsonc } from "../util/jsonc.js";
import { yamlValueAt } from "../util/yaml-spans.js";
import { sameDocument } from "./same-document.js";
import { addYamlEnvMappings, editYamlText } from "./yaml-config-editor.js";
import { dropEnvDefaults, envDefaultValue } from "./env-default-editor.js";
import { blankConvictDefaults, convictDefaultValue } from "./convict-schema-editor.js";

// The edits that take a secret out of a JSON configuration file, as a person
// would make them: only the member (or the value) changes, every other byte
// (indentation, key order, line endings, a BOM) stays. Each edit is checked
// by parsing the result: it must be the old document with exactly that change,
// else nothing is written. Pure: file-changes.ts reads and apply writes.
// JSON with comments and trailing commas (node-config reads a .json file as
// JSON5) is edited the same way, comments kept; YAML files go to
// yaml-config-editor.ts.

/** A YAML file (by its name): edited by yaml-config-editor.ts. */
export const isYamlFile = (file: string): boolean => /\.ya?ml$/i.test(file);

/** A JavaScript/TypeScript file (a framework's config module): its edits are env-default-editor.ts's. */
const isCodeFile = (file: string): boolean => /\.[cm]?[jt]sx?$/i.test(file);

/** One change to a config file: the member at `keyPath` goes, or its value becomes `${envName}` (or, in a code file, a helper's default goes). */
export interface ConfigEdit {
  keyPath: string[];
  how: "remove" | "substitute" | "drop-default";
  envName: string;
}

const SEP = "\u0000";

function parse(text: string): unknown {
  return parseJsonc(text);
}

function parentOf(doc: unknown, keyPath: readonly string[]): Record<string, unknown> | undefined {
  let at: unknown = doc;
  for (const k of keyPath.slice(0, -1)) {
    if (typeof at !== "object" || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[k];
  }
  return typeof at === "object" && at !== null && !Array.isArray(at) ? (at as Record<string, unknown>) : undefined;
}

/** The value at `keyPath` of a JSON text, undefined when there is none (or the text is no JSON). */
export function valueAt(text: string, keyPath: readonly string[]): unknown {
  try {
    return parentOf(parse(text), keyPath)?.[keyPath[keyPath.length - 1]!];
  } catch {
    return undefined;
  }
}

/** The value at `keyPath` of a config file's text, JSON, JSONC or YAML by the file's name. */
export function configValueAt(file: string, text: string, keyPath: readonly string[]): unknown {
  return isYamlFile(file) ? yamlValueAt(text, keyPath) : isCodeFile(file) ? (keyPath[0] === "convict" ? convictDefaultValue(file, text, keyPath) : envDefaultValue(file, text, keyPath)) : valueAt(text, keyPath);
}

function editOne(text: string, file: string, edit: ConfigEdit): string {
  const scan = blankJsonc(text);
  const spans = jsonSpans(scan, SEP);
  const member = spans.get(edit.keyPath.join(SEP));
  const object = spans.get(edit.keyPath.slice(0, -1).join(SEP));
  if (!member || !object || object.close === undefined || member.inArray) {
    throw new PlanError(`${file} has no member ${edit.keyPath.join(".")} to take the secret from (it changed since the plan?).`, { hint: "Run `vaultshift plan` again." });
  }
  if (edit.how === "substitute") return text.slice(0, member.start) + JSON.stringify(`\${${edit.envName}}`) + text.slice(member.end);
  // Only the member goes: the object before and after it keeps its text (with comments: the lines it fills).
  return scan === text ? removeMember(text, member, object) : removeMemberLines(text, scan, member, object);
}

/** `text` with every edit made, checked to be the old document with exactly those changes. */
export function editConfigText(text: string, file: string, edits: readonly ConfigEdit[]): string {
  if (isCodeFile(file)) {
    // A framework's defaults in code: Strapi's env('NAME', default) (keyPath ["env", NAME]), convict schema leaves (["convict", …path]).
    const convict = edits.filter((e) => e.keyPath[0] === "convict");
    const helper = edits.filter((e) => e.keyPath[0] !== "convict");
    const out = helper.length > 0 ? dropEnvDefaults(file, text, helper.map((e) => e.envName)) : text;
    return convict.length > 0 ? blankConvictDefaults(file, out, convict) : out;
  }
  const own = edits.map((e) => ({ ...e, how: e.how === "substitute" ? ("substitute" as const) : ("remove" as const) }));
  if (isYamlFile(file)) return editYamlText(text, file, own);
  let out = text;
  const want = parse(text);
  for (const edit of own) {
    out = editOne(out, file, edit);
    const parent = parentOf(want, edit.keyPath);
    const key = edit.keyPath[edit.keyPath.length - 1]!;
    if (parent) {
      if (edit.how === "remove") delete parent[key];
      else parent[key] = `\${${edit.envName}}`;
    }
  }
  return sameDocument(out, want, parse, file, "secrets");
}

/**
 * node-config's custom-environment-variables.json with `keyPath` → `envName` added (made when
 * `text` is null, in `unit` indentation), keeping what it maps already.
 */
export function addEnvMappings(text: string | null, mappings: readonly { keyPath: string[]; envName: string }[], unit = "  ", file = "config/custom-environment-variables.json"): string {
  if (isYamlFile(file)) return addYamlEnvMappings(text, mappings, file);
  let out = text ?? "{}\n";
  const want = parse(out) as Record<string, unknown>;
  const own = text === null ? unit : indentOf(out);
  for (const { keyPath, envName } of mappings) {
    const scan = blankJsonc(out);
    const spans = jsonSpans(scan, SEP);
    // The deepest object of the path that exists; the rest is added below it as one member.
    let depth = keyPath.length - 1;
    while (depth > 0 && spans.get(keyPath.slice(0, depth).join(SEP))?.close === undefined) depth--;
    const holder = spans.get(keyPath.slice(0, depth).join(SEP))!;
    const rest = keyPath.slice(depth + 1).reduceRight<unknown>((v, k) => ({ [k]: v }), envName);
    const eol = out.includes("\r\n") ? "\r\n" : "\n";
    out = insertMember(out, holder, keyPath[depth]!, (indent) => JSON.stringify(rest, null, own).replace(/\n/g, `${eol}${indent}`), own, scan);
    let at: Record<string, unknown> = want;
    for (const k of keyPath.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[keyPath[keyPath.length - 1]!] = envName;
  }
  return sameDocument(out, want, parse, file, "mappings");
}
