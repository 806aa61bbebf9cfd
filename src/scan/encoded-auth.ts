import { judge, type JudgeContext } from "./judge.js";

// An `auth` value is base64 of `user:password` in docker's config.json (`"auth": "…"`), npm's `.npmrc` (`_auth=…`)
// and their tests' snapshots: the secret is the password it encodes, and the base64 of `hello:world` or
// `user:pass` is no credential however random its letters look. Such a value is judged by its password; one that
// does not decode to `user:password` is judged as it is written, as before.

const AUTH_LEAF = /(?:^|[._:])_?auth$/i;
const BASE64 = /^[A-Za-z0-9+/]{8,400}={0,2}$/;

/** The printable text a standard base64 string encodes, or null. */
function base64Text(s: string): string | null {
  if (s.length % 4 !== 0 || !BASE64.test(s)) return null;
  const out = Buffer.from(s, "base64").toString("utf8");
  return /^[\x21-\x7e]+$/.test(out) ? out : null;
}

/** The value under an `auth` name encodes `user:password` whose password is not one (a test's `hello:world`). */
export function weakEncodedAuth(name: string, value: string, where: JudgeContext, testPath: boolean): boolean {
  if (!AUTH_LEAF.test(name)) return false;
  const text = base64Text(value.trim());
  if (text === null) return false;
  const i = text.indexOf(":");
  if (i <= 0) return false;
  return !judge("password", text.slice(i + 1), where, testPath, true).secret;
}
