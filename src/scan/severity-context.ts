import type { Severity } from "./types.js";

// Severity that the text around a match decides, for formats whose rule cannot: the same format is a live
// credential or a much weaker one depending on a field beside the secret.
//
// - An Azure shared access signature carries its own expiry (`se=`, ISO 8601, signed with the rest of the
//   query: https://learn.microsoft.com/rest/api/storageservices/create-service-sas#specify-the-access-policy).
//   Past that time Azure refuses the signature, so an expired SAS grants nothing: it is reported at low
//   severity (it still shows that an account key signs URLs that end up in the repository) and not dropped. A
//   SAS bound to a stored access policy (`si=`) takes its expiry from the policy, which can be extended, so its
//   own `se=` decides nothing. The check is offline and cheap: one date parse.
// - A PEM private key encrypted with a passphrase (`Proc-Type: 4,ENCRYPTED` of the legacy OpenSSL format;
//   `BEGIN ENCRYPTED PRIVATE KEY`, PKCS#8, is its own rule at high already) cannot be used without the
//   passphrase, but the passphrase can be guessed offline at leisure and often sits in the same repository.
//   gitleaks reports every `BEGIN … PRIVATE KEY` alike; trufflehog tries common passphrases on encrypted keys.
//   Reported at high, not critical.

export interface SeverityChange {
  severity: Severity;
  note: string;
}

const SAS_START = /sv=20\d\d-\d\d-\d\d/gi;

/** A lower severity for the match at [start, end) of rule `ruleId` in `text`, or null to keep the rule's. */
export function contextSeverity(ruleId: string, secret: string, text: string, start: number, end: number, now = Date.now()): SeverityChange | null {
  if (ruleId === "azure-sas-token") return sasExpiry(text, start, end, now);
  if (ruleId.includes("private-key") && /^Proc-Type:[ \t]*4,ENCRYPTED/m.test(secret.slice(0, 200))) {
    return { severity: "high", note: "encrypted with a passphrase (Proc-Type: 4,ENCRYPTED): usable once the passphrase is guessed offline" };
  }
  return null;
}

function sasExpiry(text: string, start: number, end: number, now: number): SeverityChange | null {
  // The query string holding the signature: from its `sv=` (the rule's match starts there, at most ~1,600
  // characters back) to the first character that ends a URL.
  const from = Math.max(0, start - 1600);
  SAS_START.lastIndex = from;
  let qs = -1;
  for (let m = SAS_START.exec(text); m !== null && m.index < start; m = SAS_START.exec(text)) qs = m.index;
  if (qs === -1) return null;
  let stop = end;
  while (stop < text.length && stop - end < 400 && !/[\s"'<>`]/.test(text[stop]!)) stop++;
  const query = text.slice(qs, stop);
  if (/(?:^|&)si=/i.test(query)) return null;
  const se = /(?:^|&)se=([^&]{8,40})/i.exec(query);
  if (!se) return null;
  let raw = se[1]!;
  try {
    raw = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!/^\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d{1,7})?)?Z?)?$/.test(raw)) return null;
  const expires = Date.parse(raw.length === 10 ? `${raw}T00:00:00Z` : raw.endsWith("Z") ? raw : `${raw}Z`);
  if (Number.isNaN(expires) || expires >= now) return null;
  return { severity: "low", note: `expired on ${raw.slice(0, 10)} (se=): Azure no longer accepts the signature` };
}
