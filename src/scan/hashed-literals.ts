import { judge } from "./judge.js";
import { HASHER_MARKS } from "./hasher-marks.js";

// A literal handed to a password hasher is the password in clear text: the code (a seeder, a migration, a
// fixture loader, an admin reset in a `tinker`/`rails console`/`manage.py shell` history) stores its hash, and
// the file keeps what the hash hides. Laravel `Hash::make('…')` and `bcrypt('…')`, PHP `password_hash('…', …)`,
// Django `make_password('…')` and `user.set_password('…')`, Werkzeug `generate_password_hash('…')`,
// `bcrypt.hashpw(b'…', …)`, Node `bcrypt.hash('…', 10)`/`hashSync`, `argon2.hash('…')`, Ruby
// `BCrypt::Password.create('…')`, Spring `passwordEncoder.encode("…")`, jBCrypt `BCrypt.hashpw("…", …)`, Go
// `bcrypt.GenerateFromPassword([]byte("…"), …)`, .NET `BCrypt.HashPassword("…")` and Identity's
// `hasher.HashPassword(user, "…")`. The literal is judged as a password: a seeder's `'password'` or `'secret'`
// stays quiet, as does a variable.

const HASHER = /(?:\bHash::make|\bbcrypt|\bpassword_hash|\bmake_password|\bset_password|\bgenerate_password_hash|\bhashpw|\bbcrypt\.hash(?:Sync)?|\bargon2\.hash|\bBCrypt::Password\.create|[pP]asswordEncoder(?:\(\))?\.encode|\bGenerateFromPassword|\bHashPassword)[ \t]*\([ \t]*(?:[A-Za-z_$][\w$.]{0,40}[ \t]*,[ \t]*)?(?:\[\]byte\([ \t]*)?b?(["'])((?:(?!\1)[^\\\n]|\\.){4,128})\1/g;

export interface HashedLiteral {
  secret: string;
  start: number;
  reason: string;
  confidence: number;
}

/** Whether the keyword pass saw a hasher's name (hasher-marks.ts; `found` holds its case-folded keywords). */
export function mayHoldHashedLiteral(found: ReadonlySet<string>): boolean {
  return HASHER_MARKS.some((k) => found.has(k));
}

/** Clear-text passwords handed to password hashers, positions in `text`. */
export function detectHashedLiterals(text: string, testPath: boolean): HashedLiteral[] {
  const out: HashedLiteral[] = [];
  HASHER.lastIndex = 0;
  for (let m = HASHER.exec(text); m !== null; m = HASHER.exec(text)) {
    const pw = m[2]!;
    // A `${…}`/`#{…}`/`{…}` template or an escape is not the literal password.
    if (/[$#]\{|\\/.test(pw)) continue;
    const j = judge("password", pw, "code", testPath, true);
    if (!j.secret) continue;
    const hasher = m[0].slice(0, m[0].indexOf("(")).trim();
    out.push({ secret: pw, start: m.index + m[0].length - 1 - pw.length, reason: `clear-text password handed to the password hasher ${hasher}(…); ${j.reason.replace(/^name is PASSWORD and /, "")}`, confidence: Math.min(j.confidence, 0.8) });
  }
  return out;
}
