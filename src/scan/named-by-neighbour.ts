import { judge } from "./judge.js";
import { NEIGHBOUR_MARKS } from "./neighbour-marks.js";
import type { BuiltinHit } from "./builtin-detector.js";

// Values whose name is written beside them rather than before them, in two generated .NET forms:
//
// - The settings designer (`Settings.Designer.cs`/`.vb`) puts an application setting's default value in an
//   attribute above the property that names it: `[global::System.Configuration.DefaultSettingValueAttribute("…")]`
//   then `public string LedgerApiKey { get … }` (VB: `<Global.System.Configuration.DefaultSettingValueAttribute("…")> _`
//   then `Public ReadOnly Property LedgerApiKey() As String`). System.ComponentModel's `[DefaultValue("…")]` the same.
// - SSIS package configurations (`.dtsConfig`) name each value by the property path of the element around it:
//   `<Configuration … Path="\Package.Connections[SFTP].Properties[ServerPassword]" …>` then
//   `<ConfiguredValue>…</ConfiguredValue>` (https://learn.microsoft.com/sql/integration-services/package-configurations).
//
// Each value is judged under the name (judge.ts), so placeholders, URLs and plain settings stay quiet.

/** A built-in detector's hit before its rule id and end are added. */
export type NeighbourValue = Omit<BuiltinHit, "ruleId" | "end"> & { name: string };

const DEFAULT_ATTRIBUTE = /\bDefault(?:Setting)?Value(?:Attribute)?\([ \t]*@?"((?:[^"\\\r\n]|\\.|""){4,512})"[ \t]*\)[\]>][^\n]*\n/g;
// Further attribute lines (`[global::System.Configuration.ApplicationScopedSettingAttribute()]`), then the declaration.
const OTHER_ATTRIBUTES = /(?:[ \t]*[[<][^\n]{0,300}\n){0,4}/y;
const DECLARATION = /[ \t]*(?:(?:public|internal|private|protected|static|readonly|override|virtual|Public|Friend|Private|Protected|Shared|ReadOnly|Overridable|Overrides|Default|Property)[ \t]+)+(?:[\w.:<>?[\]]+[ \t]+)?([A-Za-z_]\w{0,63})[ \t]*(?:\{|\(|\r?$)/my;

const SSIS_VALUE = /\bPath="[^"\n]{0,300}\[([A-Za-z_]\w{0,63})\]"[^>\n]{0,300}>[ \t\r\n]{0,200}<ConfiguredValue>([^<\n]{4,512})<\/ConfiguredValue>/g;

/** Whether the keyword pass saw one of the marks (neighbour-marks.ts; `found` holds its case-folded keywords). */
export function mayHoldNeighbourValue(found: ReadonlySet<string>): boolean {
  return NEIGHBOUR_MARKS.some((k) => found.has(k));
}

export function detectNeighbourValues(text: string, testPath: boolean): NeighbourValue[] {
  const out: NeighbourValue[] = [];
  for (const m of text.matchAll(DEFAULT_ATTRIBUTE)) {
    const raw = m[1]!;
    if (raw.includes("\\")) continue;
    OTHER_ATTRIBUTES.lastIndex = m.index + m[0].length;
    OTHER_ATTRIBUTES.test(text);
    DECLARATION.lastIndex = OTHER_ATTRIBUTES.lastIndex;
    const d = DECLARATION.exec(text);
    if (!d) continue;
    const name = d[1]!;
    const j = judge(name, raw, "code", testPath);
    if (!j.secret) continue;
    const start = m.index + m[0].indexOf(`"${raw}"`) + 1;
    out.push({ name, secret: raw, start, kind: j.kind, reason: `default value of the setting ${name} (an attribute above its property): ${j.reason}`, confidence: j.confidence });
  }
  for (const m of text.matchAll(SSIS_VALUE)) {
    const name = m[1]!;
    const value = m[2]!.trim();
    // A connection string is read by the connection-string rules, which know its parts.
    // An SSIS expression (`@[User::SftpPassword]`) reads a package variable.
    if (/;[ \t]*[\w ]{2,30}=/.test(value) || value.startsWith("@[")) continue;
    const j = judge(name, value, "config", testPath);
    if (!j.secret) continue;
    const start = m.index + m[0].lastIndexOf(m[2]!) + m[2]!.indexOf(value);
    out.push({ name, secret: value, start, kind: j.kind, reason: `configured value of the property ${name} (named by its Path): ${j.reason}`, confidence: j.confidence });
  }
  return out;
}
