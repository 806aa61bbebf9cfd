import type { Finding, RawFinding } from "./types.js";
import { fingerprint } from "../util/fingerprint.js";
import { redact } from "../util/redact.js";

// The boundary where a finding leaves the scanner: the secret and its offsets
// are dropped, a salted fingerprint and a redacted label take their place.
// Built field by field (not `{...raw}` minus keys) so that a field added to
// RawFinding later cannot carry a secret out by accident.

export function toFinding(raw: RawFinding, salt: string): Finding {
  const f: Finding = {
    ruleId: raw.ruleId,
    kind: raw.kind,
    severity: raw.severity,
    confidence: raw.confidence,
    file: raw.file,
    line: raw.line,
    column: raw.column,
    endLine: raw.endLine,
    endColumn: raw.endColumn,
    fingerprint: fingerprint(salt, raw.ruleId, raw.file, raw.secret),
    redacted: redact(raw.secret),
    reason: raw.reason,
  };
  if (raw.name !== undefined) f.name = raw.name;
  if (raw.commit !== undefined) f.commit = raw.commit;
  return f;
}
