// A template expression whose default is a literal: the value a deployment gets when nobody sets the variable,
// written where the template is committed. Jinja and Ansible (`{{ db_password | default('…') }}`, `| d("…")`, with
// the `, true` that also replaces empty values; jinja.palletsprojects.com/en/stable/templates/#jinja-filters.default)
// and Go templates with Sprig's `default` (Helm: `{{ .Values.db.password | default "…" }}` and
// `{{ default "…" .Values.db.password }}`; masterminds.github.io/sprig/defaults.html). A formatting filter after it
// (`| quote`, `| b64enc`, `| trim`) keeps the literal the value. Anything else (a lookup, a variable, `omit`, a nested
// template) is no literal. The literal is judged under the name the template is assigned to, as the literal itself
// would be.

const FORMAT = String.raw`(?:[ \t]*\|[ \t]*(?:quote|squote|string|toString|trim|b64encode|b64enc|to_json|toJson)[ \t]*)*`;
const JINJA = new RegExp(String.raw`\{\{-?[ \t]*[^{}\n|]+(?:\|[^{}\n|]+)*?\|[ \t]*(?:default|d)\([ \t]*(["'])([^"'\n\\{}]*)\1[ \t]*(?:,[ \t]*(?:true|false|True|False)[ \t]*)?\)${FORMAT}[ \t]*-?\}\}`, "dy");
const SPRIG_PIPE = new RegExp(String.raw`\{\{-?[ \t]*[^{}\n|]+\|[ \t]*default[ \t]+"([^"\n\\{}]*)"${FORMAT}[ \t]*-?\}\}`, "dy");
const SPRIG_FIRST = new RegExp(String.raw`\{\{-?[ \t]*default[ \t]+"([^"\n\\{}]*)"[ \t]+[.$][\w.$]*${FORMAT}[ \t]*-?\}\}`, "dy");

/**
 * The default literal of the template expression starting at `at` (`{{`), ending at or before `limit` (the closing
 * quote when the template is itself a quoted value); null when the expression has no literal default.
 */
export function templateDefault(text: string, at: number, limit = text.length): { start: number; end: number } | null {
  if (text.charCodeAt(at) !== 123 || text.charCodeAt(at + 1) !== 123) return null;
  for (const [re, group] of [[JINJA, 2], [SPRIG_PIPE, 1], [SPRIG_FIRST, 1]] as const) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || m.index + m[0].length > limit) continue;
    const span = m.indices![group]!;
    if (span[1] > span[0]) return { start: span[0], end: span[1] };
  }
  return null;
}
