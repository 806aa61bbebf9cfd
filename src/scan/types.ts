// The scanner's contracts: what a rule is, what a finding is. Findings are data;
// formatters render them. The secret itself lives only in `RawFinding`, inside
// the scanner; what leaves it (`Finding`) carries a fingerprint and a redacted
// label, never the value.

/** What kind of credential a finding is. Stable strings: they appear in JSON output. */
export type SecretKind =
  | "api-key"
  | "token"
  | "private-key"
  | "password"
  | "database-credential"
  | "connection-string"
  | "webhook"
  | "cloud-credential"
  | "generic-secret"
  /** A secret under a browser-exposed prefix (NEXT_PUBLIC_, VITE_, REACT_APP_, EXPO_PUBLIC_). */
  | "browser-exposed";

export type Severity = "critical" | "high" | "medium" | "low";

/**
 * A detection rule: one declarative unit (see rules/README.md).
 * `examples.invalid` are texts in which the rule must find a secret (ESLint's
 * sense: invalid code); `examples.valid` are texts in which it must find none.
 */
export interface Rule {
  /** kebab-case, unique, e.g. `github-pat-classic`. */
  id: string;
  description: string;
  kind: SecretKind;
  severity: Severity;
  /**
   * Pre-filter: the rule runs on a text only if one of these (lower-case)
   * strings occurs in its lower-cased content. Keep them specific: they decide
   * how many bytes reach the regex.
   */
  keywords: string[];
  /**
   * The pattern. The engine runs it with the `g` flag added. The secret is the
   * named group `secret` if present, else group 1, else the whole match.
   * Must be linear-time (tested with pathological input).
   */
  pattern: RegExp;
  /** Minimum Shannon entropy (bits per character) of the secret, if any. */
  entropy?: number;
  /** Extra check on the secret, e.g. a CRC32 checksum. False = not a finding. */
  validate?: (secret: string) => boolean;
  /** Where the token format is documented. */
  docs?: string;
  examples: { invalid: string[]; valid: string[] };
}

/** Confidence that a finding is a real secret, 0..1. */
export type Confidence = number;

/** A finding as every output sees it. No secret value. */
export interface Finding {
  ruleId: string;
  kind: SecretKind;
  severity: Severity;
  confidence: Confidence;
  /** Path relative to the scan root, with `/` separators; `-` or the --stdin-filename for stdin. */
  file: string;
  /** 1-based, columns counted in UTF-16 code units; end column exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** HMAC-SHA-256(salt, ruleId, file, secret): stable when lines move. */
  fingerprint: string;
  /** e.g. `sk_l…(32 chars)` (src/util/redact.ts). */
  redacted: string;
  /** Why this is a secret, in words. */
  reason: string;
  /** The variable, property or key the secret is assigned to, when known. */
  name?: string;
  /** Commit that added it (history modes). */
  commit?: string;
}

/** Inside the scanner only: a finding with its secret and offsets. */
export interface RawFinding extends Omit<Finding, "fingerprint" | "redacted"> {
  secret: string;
  /** Offsets of the secret in the scanned text, end exclusive. */
  start: number;
  end: number;
}

/** An environment-variable read found in JS/TS source (what the rewriter changes). */
export interface EnvReference {
  file: string;
  name: string | null;
  line: number;
  column: number;
  form: "member" | "computed" | "destructure" | "alias" | "import-meta" | "dynamic";
  /** A literal fallback: `process.env.X ?? "lit"` / `|| "lit"`. */
  hasLiteralFallback?: boolean;
}
