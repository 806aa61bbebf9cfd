/**
 * The password hashers' names hashed-literals.ts waits for, case-folded, found by the engine's keyword pass
 * (rule-set.ts ENGINE_KEYWORDS) instead of by a search of every text of its own: that search, an alternation of
 * eleven names with no common first character, cost ~1.7 ms of CPU per MB of every file (174 ms on aws-sdk's
 * 101 MB; docs/benchmarks.md, session 22). The hasher expression itself is case-sensitive and decides.
 */
export const HASHER_MARKS = [
  "hash::make", "bcrypt", "password_hash", "make_password", "set_password", "hashpw", "argon2.hash", "password.create",
  "asswordencoder", "generatefrompassword", "hashpassword",
];
