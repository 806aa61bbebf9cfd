import type { Rule, SecretKind } from "../scan/types.js";
import { judge } from "../scan/judge.js";
import { browserPrefix } from "../scan/secret-name.js";
import { analyzeName } from "../scan/secret-name.js";
import { isHash, isObviousFake, isPublicMaterial } from "../scan/placeholder-filter.js";
import { entropyBits } from "../scan/entropy.js";
import { compileRuleSet, runRules, allRules } from "../scan/rule-set.js";
import { rulePlaceholderReason } from "../scan/rule-filter.js";
import { fileInfo } from "../scan/file-kind.js";
import { decodeBase64 } from "../scan/decoders.js";

// Secret or config? One environment variable at a time (a .env entry, or a
// name + literal). The migration pipeline calls it for every .env key; the
// engine calls it for .env files. A value matching a provider rule is a secret
// whatever its name; otherwise the name and the value's shape decide together
// (see scan/judge.ts). A secret under a browser prefix (NEXT_PUBLIC_, VITE_…)
// is reported as `browser-exposed`: the framework inlines it into client code.

export type Verdict = "secret" | "config" | "public";

export interface Classification {
  verdict: Verdict;
  /** For secrets: what kind; `browser-exposed` for a secret under NEXT_PUBLIC_/VITE_/REACT_APP_/EXPO_PUBLIC_/…. */
  kind?: SecretKind;
  confidence: number;
  /** In words, never containing the value: "name ends in _PASSWORD and value has 94 bits of entropy". */
  reason: string;
  /** The kind before browser exposure was considered (e.g. `api-key` for a browser-exposed Stripe key). */
  underlyingKind?: SecretKind;
  /** The provider rule that matched the value, if any. */
  ruleId?: string;
}

export interface ClassifyOptions {
  rules?: Rule[];
  /** The quote the .env file puts around the value (dotenv-reader's `quote`), if any. */
  quote?: string;
  /**
   * The file is loaded at run time whatever its name says (a `.env.defaults`
   * that dotenv-defaults or the code loads): its values are the app's, not a
   * template's stand-ins.
   */
  loaded?: boolean;
}

/** Classify one environment variable (from a .env file, or a name + literal). */
export function classifyVariable(name: string, value: string, file?: string, options: ClassifyOptions = {}): Classification {
  const verdict = classifyValue(name, value, file, options);
  // Single quotes make dotenv (and a shell sourcing the file) read every character literally:
  // `'Xk9$HOME$(id)'` is a value, not a reference or a command. It is judged with those characters
  // as plain letters; a value that is one whole reference (`'${DB_PASSWORD}'`) stays one. The scanner and the migration
  // both come here, so that what one reports the other moves.
  // A password hash's `$` are its own separators (`'$argon2id$v=19$…'`, the form Vaultwarden's ADMIN_TOKEN docs
  // ask to single-quote: https://github.com/dani-garcia/vaultwarden/wiki/Enabling-admin-page#secure-the-admin_token).
  if (options.quote === "'" && verdict.verdict === "config" && value.includes("$") && !WHOLE_REFERENCE.test(value.trim()) && !isHash(value.trim())) {
    const literal = classifyValue(name, value.replace(/[$(){}`]/g, "S"), file, options);
    if (literal.verdict === "secret") return literal;
  }
  return verdict;
}

/** A value that is one reference and nothing else (`${X}`, `$X`, `$(cmd)`): what its author meant, quoted or not. */
const WHOLE_REFERENCE = /^(?:\$\{[^}]*\}|\$[A-Za-z_]\w*|\$\([^)]*\))$/;

function classifyValue(name: string, value: string, file: string | undefined, options: ClassifyOptions): Classification {
  const info = file ? fileInfo(file) : undefined;
  const example = !options.loaded && (info?.example ?? false);
  const prefix = browserPrefix(name);
  const v = value.trim();
  if (v.length === 0) return { verdict: "config", confidence: 0.99, reason: "empty value" };
  // dotenv-vault's `.env.vault`: each DOTENV_VAULT_<ENV> is AES-256-GCM ciphertext of that
  // environment's .env, decrypted with DOTENV_KEY, and meant to be committed
  // (https://www.dotenv.org/docs/security/env-vault). The key is the secret, not this.
  // Only in that file: the name alone, anywhere else (the process environment, a .env), proves nothing.
  if (/^DOTENV_VAULT(?:_[A-Z0-9_]+)?$/.test(name) && file !== undefined && /(?:^|\/)\.env\.vault$/i.test(file)) {
    return { verdict: "public", confidence: 0.9, reason: "dotenv-vault ciphertext, decrypted with DOTENV_KEY: safe to commit" };
  }

  // 1. Provider formats, with the name as context (some rules want `aws_secret…=` before the value).
  const line = `${name}=${v}`;
  const offset = name.length + 1;
  const set = compileRuleSet(options.rules ?? allRules);
  let best: { rule: Rule; len: number } | null = null;
  for (const hit of runRules(set, line, line.toLowerCase())) {
    if (hit.end <= offset) continue;
    if (rulePlaceholderReason(hit.secret) !== null) continue;
    if (!best || hit.secret.length > best.len) best = { rule: hit.rule, len: hit.secret.length };
  }
  const analysis = analyzeName(name);
  const publicName = analysis.negative && /(?:PUBLIC|PUBLISHABLE|ANON|SITE_KEY|VAPID_PUBLIC)/i.test(prefix ? name.slice(prefix.length) : name);
  if (best && publicName && best.rule.kind !== "private-key" && !/secret|private|service/i.test(best.rule.id)) {
    // `SUPABASE_ANON_KEY=eyJ…`, `RECAPTCHA_SITE_KEY=…`: a token format, but published by design.
    return { verdict: "public", confidence: 0.8, reason: `name marks a value that is public by design (${name}), although it has the format of ${best.rule.description.replace(/\.$/, "")}` };
  }
  // `NEXT_PUBLIC_FIREBASE_API_KEY=AIza…` / `VITE_FIREBASE_API_KEY`: the Firebase web configuration's
  // key, which every Firebase web app ships to the browser; Firebase documents that it is not a secret
  // (https://firebase.google.com/docs/projects/api-keys). Same reasoning as scan/public-context.ts.
  if (best && prefix && best.rule.id === "gcp-api-key" && /FIREBASE/i.test(name)) {
    return { verdict: "public", confidence: 0.8, reason: `Firebase web API key under ${prefix}: public by design, although it has the format of ${best.rule.description.replace(/\.$/, "")}` };
  }
  // `EXPO_PUBLIC_GOOGLE_MAPS_KEY=AIza…` / `NEXT_PUBLIC_MAPS_API_KEY`: a Maps key the client app needs to
  // draw maps, so it is in every page or app build whatever is done; Google's answer is an HTTP-referrer
  // or app restriction, not secrecy (https://developers.google.com/maps/api-security-best-practices#restricting-api-keys).
  // A server-side GOOGLE_MAPS_API_KEY (geocoding, no browser prefix) stays a secret.
  if (best && prefix && best.rule.id === "gcp-api-key" && /(?:^|_)MAPS?(?:_|$)/i.test(name)) {
    return { verdict: "public", confidence: 0.75, reason: `Google Maps key under ${prefix}: shipped to every client by design and protected by key restrictions, although it has the format of ${best.rule.description.replace(/\.$/, "")}` };
  }
  if (best) {
    return exposed(prefix, {
      verdict: "secret",
      kind: best.rule.kind,
      confidence: 0.95,
      reason: `value matches the format of ${best.rule.description.replace(/\.$/, "")}`,
      ruleId: best.rule.id,
    });
  }

  // 2. Public by design.
  if (isPublicMaterial(v)) return { verdict: "public", confidence: 0.9, reason: "public key, certificate or publishable key: safe to share" };
  if (publicName) {
    return { verdict: "public", confidence: 0.8, reason: `name marks a public value (${analysis.head || "public key"})` };
  }

  // 3. Name and value shape.
  const j = judge(name, v, "env", info?.testPath ?? false);
  if (!j.secret) {
    // 4. A list of name=value pairs under a plain name: one entry may be a credential.
    const entry = listedSecret(v, file, options);
    if (entry) return exposed(prefix, entry);
    // 5. Base64 of text (a service account JSON, a PEM file kept on one line, `base64 -w0 key.p8`):
    // judged as what it decodes to, as the app decodes it at start. The encoding hides nothing.
    const encoded = encodedSecret(name, v, file, options);
    if (encoded) return exposed(prefix, encoded);
    return { verdict: "config", confidence: 0.8, reason: j.reason };
  }
  if (example && (isObviousFake(v) || entropyBits(v) < 50)) {
    return { verdict: "config", confidence: 0.7, reason: `example file: ${j.reason}, but the value looks like a stand-in` };
  }
  return exposed(prefix, { verdict: "secret", kind: j.kind, confidence: j.confidence, reason: j.reason });
}

/**
 * Headers and options given as one list of `name=value` pairs (comma- or
 * semicolon-separated): OpenTelemetry's `OTEL_EXPORTER_OTLP_HEADERS=
 * x-honeycomb-team=<key>,x-honeycomb-dataset=app`, whose values are
 * URL-encoded (opentelemetry.io/docs/specs/otel/protocol/exporter/), and the
 * like. Each entry is judged as a variable of its own (`api-key`, `Authorization`
 * as API_KEY, AUTHORIZATION); a secret entry makes the whole value one. A few
 * vendors' header names carry no secret word: they are named here.
 */
const SECRET_HEADERS: Record<string, string> = {
  "x-honeycomb-team": "HONEYCOMB_API_KEY",
  "x-sf-token": "SPLUNK_ACCESS_TOKEN",
};
const PAIR_LIST = /^[A-Za-z][\w.-]*=[^,;=]*(?:=+)?(?:\s*[,;]\s*[A-Za-z][\w.-]*=[^,;=]*(?:=+)?)*$/;

function listedSecret(value: string, file: string | undefined, options: ClassifyOptions): Classification | null {
  if (!PAIR_LIST.test(value)) return null;
  for (const pair of value.split(/\s*[,;]\s*/)) {
    const at = pair.indexOf("=");
    const key = pair.slice(0, at);
    let inner = pair.slice(at + 1);
    try {
      inner = decodeURIComponent(inner);
    } catch {
      // Not URL-encoded: judged as written.
    }
    const alias = SECRET_HEADERS[key.toLowerCase()];
    const asName = alias ?? key.replace(/[.-]/g, "_").toUpperCase();
    const c = classifyValue(asName, inner, file, options);
    if (c.verdict === "secret") return { ...c, confidence: Math.min(c.confidence, 0.85), reason: `its ${key} entry is a secret: ${c.reason}` };
  }
  return null;
}

/** Shorter base64 is a token's own alphabet more often than an encoded file. */
const MIN_ENCODED = 64;

function encodedSecret(name: string, value: string, file: string | undefined, options: ClassifyOptions): Classification | null {
  if (value.length < MIN_ENCODED) return null;
  const decoded = decodeBase64(value);
  if (decoded === null || decoded.trim().length === 0) return null;
  const c = classifyValue(name, decoded.trim(), file, options);
  if (c.verdict !== "secret") return null;
  return { ...c, confidence: Math.min(c.confidence, 0.9), reason: `base64 of a secret: ${c.reason}` };
}

function exposed(prefix: string | null, c: Classification): Classification {
  if (!prefix || c.verdict !== "secret") return c;
  return {
    ...c,
    kind: "browser-exposed",
    underlyingKind: c.kind,
    reason: `${c.reason}; under ${prefix}, so it is shipped to the browser`,
  };
}
