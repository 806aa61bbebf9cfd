// Private keys of known-answer test files: the keys a crypto library's test harness derives, signs and decrypts
// with, each given a name by the line above it and used by that name in other stanzas, with the expected
// output written beside it. OpenSSL's `evp_test` data (and its forks' copies: LibreSSL, BoringSSL's
// `*_tests.txt`, AWS-LC, quictls) hold them by the hundred, mostly NIST CAVP vectors:
//
//   PrivateKey=<label>
//   -----BEGIN PRIVATE KEY-----
//   …
//   Derive=<label>
//   PeerKey=<label>-Peer-PUBLIC
//   SharedSecret=<the expected output, hex>
//
// (labels such as KAS-ECC-CDH_P-192_C0, the NIST test case's name).
//
// A key that a file names for its test stanzas and then refers to by that name is a test vector by
// construction: the harness feeds it to the code under test and compares the result with the one written
// next to it. A key in a deployment's files has no such label line (PEM stands alone, or under `key: |`,
// `<key>`, `"private_key": "`), so every other private key, in a test directory or not, is still reported.

const USE_LINE = /^[ \t]*[A-Za-z][\w-]{0,40}[ \t]*=[ \t]*([A-Za-z0-9][\w.+-]{1,99})(?::([A-Za-z0-9][\w.+-]{1,99}))?[ \t]*\r?$/;
const LABEL_LINE = /^[ \t]*([A-Za-z][\w-]{0,40})[ \t]*=[ \t]*([A-Za-z0-9][\w.:+-]{1,99})[ \t]*\r?$/;

/** True when the private key block starting at `start` is a named key of a known-answer test file. */
export function isKnownAnswerKey(secret: string, text: string, start: number): boolean {
  if (!secret.startsWith("-----BEGIN ") || !/^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(secret)) return false;
  if (start < 2 || text.charCodeAt(start - 1) !== 10) return false;
  const lineStart = text.lastIndexOf("\n", start - 2) + 1;
  const m = LABEL_LINE.exec(text.slice(lineStart, start - 1));
  if (!m || !/key/i.test(m[1]!)) return false;
  return usedByName(m[2]!, text, lineStart, start);
}

/**
 * True when `label` is the name this file gives to one of its key blocks (a `PrivateKey=<label>` line right
 * above `-----BEGIN … KEY-----`) and uses by that name elsewhere: a value that is such a label, on the
 * labelling line or on a line that uses it (`PeerKey=<label>`), names test data, it is not a key itself.
 */
export function namesKeyBlock(label: string, text: string): boolean {
  if (label.length < 3 || label.length > 100 || /\s/.test(label)) return false;
  for (let at = text.indexOf(label); at !== -1; at = text.indexOf(label, at + label.length)) {
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    const eol = text.indexOf("\n", at);
    if (eol === -1 || !/^-----BEGIN [A-Z0-9 ]*KEY-----/.test(text.slice(eol + 1, eol + 60))) continue;
    const m = LABEL_LINE.exec(text.slice(lineStart, eol));
    if (m && m[2] === label && /key/i.test(m[1]!) && usedByName(label, text, lineStart, eol)) return true;
  }
  return false;
}

/**
 * True when `label` is used by name in `text` outside [from, to): as the whole value of a `Name = <label>`
 * line or one half of a pair, `Derive=<label>`, `Sign = <label>`, `PrivPubKeyPair = <label>:<label>-PUBLIC`.
 * A word of prose or a line that merely mentions it does not count.
 */
export function usedByName(label: string, text: string, from: number, to: number): boolean {
  for (let at = text.indexOf(label); at !== -1; at = text.indexOf(label, at + label.length)) {
    if (at >= from && at < to) continue;
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    const eol = text.indexOf("\n", at);
    const m = USE_LINE.exec(text.slice(lineStart, eol === -1 ? text.length : eol));
    if (m && (m[1] === label || m[2] === label)) return true;
  }
  return false;
}
