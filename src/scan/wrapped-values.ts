import type { FileInfo } from "./file-kind.js";
import type { GenericHit } from "./generic-detector.js";
import { judge, type JudgeContext } from "./judge.js";
import { parentKey, ruleIdFor } from "./generic-detector.js";

// A value written on the line after its name, where a reader of `name = value` lines sees a name with
// nothing after it:
// - a YAML block or folded scalar holding one line (`password: >-` / `cipher_pass: |`, then the value
//   indented below it; yaml.org/spec/1.2.2 §8.1), also under the `!!binary` tag (a key's bytes in base64). A block of several lines is a document, a certificate
//   or a script, and is left to the readers of those;
// - a Java `.properties` line continued with `\` (`spring.datasource.password=\`, the value on the next
//   line; java.util.Properties#load joins them);
// - a C/C++ `#define NAME \` whose string literal is on the next line.
// The value is judged under its name, as the same pair on one line would be.

const YAML_BLOCK = /^([ \t]*)([\w.-]+)[ \t]*:[ \t]*(?:!!binary[ \t]+)?[|>][-+0-9]*[ \t]*(?:#[^\n]*)?\r?\n([ \t]+)([^\s#][^\n]*?)[ \t]*\r?(?:\n|$)/gm;
/** YAML files, also under a template's or a sample's second extension (`all.yml.j2`, `values.yaml.tmpl`) and Salt's `.sls`. */
const YAML_FILE = /\.(?:ya?ml|sls|eyaml)(?:\.(?:j2|jinja2?|tmpl|tpl|template|gotmpl|erb|dist|example|sample))?$/i;
const PROPERTIES_CONTINUED = /^[ \t]*([\w.-]+)[ \t]*[=:][ \t]*\\\r?\n[ \t]+(\S[^\n]*?)[ \t]*\r?$/gm;
const DEFINE_CONTINUED = /^[ \t]*#[ \t]*define[ \t]+(\w+)[ \t]*\\\r?\n[ \t]*"([^"\n\\]{8,})"[ \t]*\r?$/gm;

/**
 * Whether a form detectWrappedValues reads in this file may occur: each form is looked for only in the files
 * it is read in (YAML, .properties, code). One expression for all three over every code and configuration
 * text cost more than the detector itself (JSON, the bulk of configuration, has none of them).
 */
export function mayHoldWrappedValue(text: string, info: FileInfo, file: string): boolean {
  if (YAML_FILE.test(file) && /:[ \t]*(?:!!binary[ \t]+)?[|>][-+0-9]*[ \t]*(?:#[^\n]*)?\r?\n/.test(text)) return true;
  if (/\.properties$/i.test(file) && /[=:][ \t]*\\\r?\n/.test(text)) return true;
  return info.kind === "code" && /define[ \t]+\w+[ \t]*\\/.test(text);
}

/** Values on the line after their names (block scalars, continued lines), positions in `text`. */
export function detectWrappedValues(text: string, info: FileInfo, file: string): GenericHit[] {
  const hits: GenericHit[] = [];
  const context: JudgeContext = info.kind === "code" || info.kind === "js" ? "code" : "config";
  const add = (name: string, value: string, at: number, how: string) => {
    const j = judge(name, value, context, info.testPath);
    if (!j.secret) return;
    hits.push({ ruleId: ruleIdFor(j.kind), kind: j.kind, name, secret: value, start: at, end: at + value.length, confidence: j.confidence, reason: `${j.reason}, ${how}` });
  };
  if (YAML_FILE.test(file)) {
    for (const m of text.matchAll(YAML_BLOCK)) {
      // One line only: the line after the value is back at the key's indent or shallower.
      const valueEnd = m.index + m[0].length;
      const next = /^([ \t]*)\S/m.exec(text.slice(valueEnd, valueEnd + 400));
      if (m[3]!.length <= m[1]!.length) continue;
      if (next && next[1]!.length > m[1]!.length) continue;
      // A bare `key` is its section's (`signing:\n  key: !!binary |`), as on one line (generic-detector.ts).
      const parent = /^key$/i.test(m[2]!) ? parentKey(text, m.index + m[1]!.length, true) : null;
      add(parent ? `${parent}.${m[2]!}` : m[2]!, m[4]!, text.indexOf(m[4]!, m.index + m[0].indexOf("\n") + 1), "the value of a one-line YAML block scalar");
    }
  }
  if (/\.properties$/i.test(file)) {
    for (const m of text.matchAll(PROPERTIES_CONTINUED)) add(m[1]!, m[2]!, m.index + m[0].lastIndexOf(m[2]!), "on the continuation line of a .properties entry");
  }
  if (info.kind === "code") {
    for (const m of text.matchAll(DEFINE_CONTINUED)) add(m[1]!, m[2]!, m.index + m[0].lastIndexOf(m[2]!), "on the continuation line of a #define");
  }
  return hits;
}
