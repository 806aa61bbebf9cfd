import { judge } from "./judge.js";
import { SQL_SECRET_MARKS } from "./sql-secret-marks.js";
import type { BuiltinHit } from "./builtin-detector.js";

// SQL that keeps credentials as options written `NAME 'value'`, with no operator: DuckDB's
// `CREATE [PERSISTENT] SECRET name (TYPE s3, KEY_ID '…', SECRET '…', REGION '…')` (https://duckdb.org/docs/stable/configuration/secrets_manager)
// for S3, GCS, R2, Azure (`ACCOUNT_KEY`, `CONNECTION_STRING`), Hugging Face (`TOKEN`) and Postgres/MySQL
// (`PASSWORD`), and the Postgres foreign-data wrappers' `CREATE USER MAPPING … OPTIONS (user '…', password '…')`
// and `CREATE SERVER … OPTIONS (…)`. Each option inside the statement's parentheses is judged under its own name,
// so `KEY_ID` (an id) and `REGION` stay quiet and `SECRET` or `PASSWORD` is read.

const STATEMENT = /\b(?:create[ \t]+(?:or[ \t]+replace[ \t]+)?(?:persistent[ \t]+|temporary[ \t]+)?secret(?:[ \t]+(?:if[ \t]+not[ \t]+exists[ \t]+)?[\w.]{1,64})?(?:[ \t]+in[ \t]+\w{1,64})?|\boptions)[ \t]*\(/gi;
const OPTION = /(?:^|[(,])[ \t\r\n]*([A-Za-z_]\w{0,63})[ \t]+'((?:[^'\n]|'')*)'/g;

/** A built-in detector's hit before its rule id and end are added; the name is the variable's or the option's. */
export type SqlOption = Omit<BuiltinHit, "ruleId" | "end"> & { name: string };

/** Whether the pass saw a statement's word (sql-secret-marks.ts; `found` holds its case-folded keywords) and the text may hold a statement. */
export function mayHoldSqlSecretOptions(found: ReadonlySet<string>, text: string): boolean {
  return SQL_SECRET_MARKS.some((k) => found.has(k)) && /create[ \t]+(?:or[ \t]+replace[ \t]+)?(?:persistent[ \t]+|temporary[ \t]+)?secret\b|\boptions[ \t]*\(/i.test(text);
}

/** Secrets among `NAME 'value'` options of DuckDB secrets and foreign-data-wrapper statements, positions in `text`. */
export function detectSqlSecretOptions(text: string, testPath: boolean): SqlOption[] {
  const out: SqlOption[] = [];
  STATEMENT.lastIndex = 0;
  for (let m = STATEMENT.exec(text); m !== null; m = STATEMENT.exec(text)) {
    const open = m.index + m[0].length - 1;
    const close = text.indexOf(")", open);
    if (close === -1 || close - open > 2000) continue;
    const body = text.slice(open, close);
    for (const o of body.matchAll(OPTION)) {
      const [, name, raw] = o as unknown as [string, string, string];
      const value = raw.replace(/''/g, "'");
      const j = judge(name, value, "config", testPath);
      if (!j.secret) continue;
      const start = open + o.index + o[0].length - 1 - raw.length;
      out.push({ name, secret: raw, start, kind: j.kind, reason: `option ${name} of an SQL secret or OPTIONS list: ${j.reason}`, confidence: Math.min(j.confidence, 0.85) });
    }
    STATEMENT.lastIndex = close;
  }
  return out;
}
