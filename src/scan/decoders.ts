import type { SecretKind } from "./types.js";
import type { CompiledRuleSet } from "./rule-set.js";
import { runRules } from "./rule-set.js";
import { rulePlaceholderReason } from "./rule-filter.js";
import { judge } from "./judge.js";

// Decoding where it is cheap and the encoding is certain: the `data:` map of a
// Kubernetes Secret manifest holds base64 values (kubernetes.io/docs/concepts/
// configuration/secret: "The values for all keys in the data field have to be
// base64-encoded strings"). Each value is decoded and judged; findings point
// at the encoded value in the file.

export interface DecodedHit {
  ruleId: string;
  kind: SecretKind;
  name: string;
  /** The encoded value as written: what a reader sees at the position. */
  secret: string;
  start: number;
  end: number;
  confidence: number;
  reason: string;
  severity?: "critical" | "high" | "medium" | "low";
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The UTF-8 text a standard base64 string encodes, or null (not base64, or binary). */
export function decodeBase64(s: string): string | null {
  if (s.length < 8 || s.length % 4 !== 0 || !BASE64.test(s)) return null;
  const out = Buffer.from(s, "base64").toString("utf8");
  // Text only: binary keystores are out of scope; U+FFFD marks invalid UTF-8.
  if (out.includes("\uFFFD") || /[\x00-\x08\x0e-\x1f]/.test(out)) return null;
  return out;
}

export function decodeKubernetesSecrets(text: string, set: CompiledRuleSet): DecodedHit[] {
  if (!/^kind:[ \t]*secret[ \t]*$/im.test(text)) return [];
  const hits: DecodedHit[] = [];
  const dataRe = /^([ \t]*)data:[ \t]*\r?\n/gm;
  let m: RegExpExecArray | null;
  while ((m = dataRe.exec(text)) !== null) {
    const indent = m[1]!.length;
    let pos = m.index + m[0].length;
    const entry = /^([ \t]+)([\w.-]+):[ \t]*["']?([A-Za-z0-9+/=]+)["']?[ \t]*(?:#.*)?$/;
    while (pos < text.length) {
      const nl = text.indexOf("\n", pos);
      const lineEnd = nl === -1 ? text.length : nl;
      const line = text.slice(pos, lineEnd).replace(/\r$/, "");
      if (line.trim() === "" || line.trim().startsWith("#")) {
        pos = lineEnd + 1;
        continue;
      }
      const e = entry.exec(line);
      if (!e || e[1]!.length <= indent) break;
      const key = e[2]!;
      const encoded = e[3]!;
      const decoded = decodeBase64(encoded);
      const start = pos + line.indexOf(encoded, e[1]!.length + key.length + 1);
      if (decoded !== null) {
        const hit = judgeDecoded(key, decoded, set);
        if (hit) hits.push({ ...hit, name: key, secret: encoded, start, end: start + encoded.length });
      }
      pos = lineEnd + 1;
    }
  }
  return hits;
}

function judgeDecoded(key: string, decoded: string, set: CompiledRuleSet): Omit<DecodedHit, "name" | "secret" | "start" | "end"> | null {
  const ruleHits = runRules(set, decoded, decoded.toLowerCase()).filter((h) => rulePlaceholderReason(h.secret) === null);
  if (ruleHits.length > 0) {
    const r = ruleHits[0]!.rule;
    return { ruleId: r.id, kind: r.kind, severity: r.severity, confidence: 0.9, reason: `base64 value of Kubernetes Secret key ${key} decodes to ${r.description.replace(/\.$/, "")}` };
  }
  const j = judge(key, decoded.trim(), "env", false, true);
  if (!j.secret) return null;
  return { ruleId: "kubernetes-secret-data", kind: j.kind, confidence: j.confidence, reason: `base64 value of Kubernetes Secret key ${key}: ${j.reason}` };
}
