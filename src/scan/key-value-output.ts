import type { GenericHit } from "./generic-detector.js";
import { judge } from "./judge.js";
import { KEY_VALUE_MARKS } from "./key-value-marks.js";

// Command output that prints settings as a two-column table under a `Key  Value` header, with no operator
// between a name and its value: `vault kv get` / `vault read` (`Key  Value`, a dashes row, then
// `db_password   <value>`), the OpenStack client's `show`/`create` tables (`| Field | Value |` between `+---+`
// borders, `openstack ec2 credentials create` printing `| secret | … |`), and the same pasted into an issue,
// a runbook or a terminal capture. The first column names the second, so each row is judged as `name = value`
// would be (a `version 7` or an `accessor` stays quiet by name; a hash, a URL or a word by value).

/** The header: a name column (`Key`, `Field`, `Name`, `Property`) and a `Value` column, spaces or pipes between. */
const HEADER = /^[ \t]*(?:\|[ \t]*)?(?:key|field|name|property)(?:[ \t]*\|[ \t]*|[ \t]{2,})value[ \t]*\|?[ \t]*\r?$/gim;
/** A border or underline row: dashes, `=`, `+` and pipes. */
const RULE = /^[ \t]*[-=+|][-=+| \t]*\r?$/;
/** `name   value` (two or more spaces, a value of one word). */
const SPACED_ROW = /^[ \t]*([^\s|]{1,100})[ \t]{2,}([^\s|]{1,500})[ \t]*\r?$/;
/** `| name | value |`. */
const PIPED_ROW = /^[ \t]*\|[ \t]*([^\s|]{1,100})[ \t]*\|[ \t]*([^\s|]{1,500})[ \t]*\|[ \t]*\r?$/;

/** Whether the keyword pass saw what a header's `Value` column starts with (key-value-marks.ts; `found` holds its case-folded keywords). */
export function mayHoldKeyValueOutput(found: ReadonlySet<string>): boolean {
  return KEY_VALUE_MARKS.some((k) => found.has(k));
}

/** Secrets in the rows of `Key  Value` output tables, positions in `text`. */
export function detectKeyValueOutput(text: string, testPath: boolean): GenericHit[] {
  const hits: GenericHit[] = [];
  HEADER.lastIndex = 0;
  for (let h = HEADER.exec(text); h !== null; h = HEADER.exec(text)) {
    const piped = h[0].includes("|");
    let at = h.index + h[0].length + 1;
    for (let rows = 0; rows < 500 && at < text.length; rows++) {
      const nl = text.indexOf("\n", at);
      const end = nl === -1 ? text.length : nl;
      const line = text.slice(at, end);
      if (line.trim() === "") break;
      if (!RULE.test(line)) {
        const row = (piped ? PIPED_ROW : SPACED_ROW).exec(line);
        if (row === null) break;
        const [, name, value] = row as unknown as [string, string, string];
        const j = judge(name, value, "config", testPath);
        if (j.secret) {
          const start = at + line.indexOf(value, line.indexOf(name) + name.length);
          hits.push({ ruleId: "output-table-secret", kind: j.kind, name, secret: value, start, end: start + value.length, confidence: Math.min(j.confidence, 0.85), reason: `row ${name} of a Key/Value output table: ${j.reason}` });
        }
      }
      at = end + 1;
    }
    HEADER.lastIndex = Math.max(HEADER.lastIndex, at);
  }
  return hits;
}
