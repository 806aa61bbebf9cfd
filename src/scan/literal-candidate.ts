import type { SecretKind } from "./types.js";
import type { Candidate } from "./engine.js";
import { judge } from "./judge.js";

// A string literal of JavaScript judged under the name it is given: the one
// candidate shape of the AST walk (js-scanner.ts) and of the lexical reader's
// fallbacks (env-references.ts), so that a fallback read without a parse is
// the same candidate the walk would make of it.

const SCHEME_PREFIX = /^(?:Bearer|Basic|Token|Bot)\s+/i;
const HEADER_NAME = /^(?:authorization|x-api-key|api-key|x-auth-token|x-access-token|proxy-authorization)$/i;

/**
 * The literal whose characters (between its quotes) are `text[start, end)`, judged as a secret in code
 * under `name`, or null. An auth scheme in front (`Bearer …`) is left out of the secret; under a header's
 * name the rule is `authorization-header`. `why` goes before the judge's reason.
 */
export function literalCandidate(text: string, start: number, end: number, name: string, ruleId: string, testPath: boolean, why?: string): Candidate | null {
  const raw = text.slice(start, end);
  const j = judge(name, raw, "code", testPath, true);
  if (!j.secret) return null;
  let secret = raw;
  const scheme = SCHEME_PREFIX.exec(secret);
  if (scheme) {
    start += scheme[0].length;
    secret = secret.slice(scheme[0].length);
  }
  return {
    ruleId: HEADER_NAME.test(name) ? "authorization-header" : ruleId,
    kind: j.kind as SecretKind,
    severity: j.confidence >= 0.5 ? "high" : "medium",
    confidence: Math.min(0.97, j.confidence + 0.03),
    reason: why ? `${why}; ${j.reason}` : j.reason,
    secret,
    start,
    end: start + secret.length,
    name,
    priority: 1.5,
  };
}
