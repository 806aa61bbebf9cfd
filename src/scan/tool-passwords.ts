import { judge } from "./judge.js";
import { TOOL_PASSWORD_MARKS } from "./tool-password-marks.js";
import type { SecretKind } from "./types.js";

// Passwords handed to a tool by position, on its standard input or through a protocol, where no name sits
// beside the value. They show up in shell histories, CI scripts and logs, terminal captures and traffic dumps:
//
// - SMTP AUTH (RFC 4954): after the server's `334 UGFzc3dvcmQ6` (base64 of "Password:") the client's next line
//   is the password in base64; `AUTH PLAIN <base64>` carries `authzid NUL user NUL password` (RFC 4616). A
//   Wireshark "Follow TCP stream", `swaks` or `openssl s_client` transcript keeps both.
// - Standard input: `sudo -S cmd <<< 'pw'`, `echo 'pw' | sudo -S cmd`, `echo "pw" | docker login -u u
//   --password-stdin` (any `--password-stdin`): the literal is what the tool reads as its password.
// - macOS `security`: `unlock-keychain -p`, `create-keychain -p`, `set-key-partition-list -k` take the keychain
//   password, `import -P` the PKCS#12 file's (fastlane and CI signing scripts echo them).
// - wget's `--debug` log repeats each option it was given: `Setting --password (password) to <pw>`.
// - PHP stack traces print call arguments (a Laravel `storage/logs/laravel.log`, an `error.log`):
//   `PDO->__construct('mysql:host=…', 'user', '<pw>')`, `mysqli->__construct('host', 'user', '<pw>', …)`,
//   `mysqli_connect(…)`, `mysqli->real_connect(…)`. PHP cuts strings longer than
//   `zend.exception_string_param_max_len` (15) and ends them with `...`: a cut value is not reported.
//
// Each value is judged as a password (a word, a placeholder, `$VAR` or a mask stays quiet).

export interface ToolPassword {
  secret: string;
  start: number;
  reason: string;
  kind: SecretKind;
  confidence: number;
}

const PASSWORD_PROMPT = /^(?:[ \t]*(?:S:|<-|<<<|<)?[ \t]*)334[ \t]+(?:UGFzc3dvcmQ6|cGFzc3dvcmQ6|UGFzc3dvcmQ=)[ \t]*\r?\n(?:[ \t]*(?:C:|->|>>>|>)?[ \t]*)([A-Za-z0-9+/]{4,}={0,2})[ \t]*\r?$/gm;
const AUTH_PLAIN = /\bAUTH[ \t]+PLAIN[ \t]+([A-Za-z0-9+/]{8,}={0,2})(?=[ \t]*\r?$)/gm;
const WGET_ECHO = /^Setting --(?:http-|ftp-|proxy-)?password \([\w-]+\) to (\S{1,128})[ \t]*\r?$/gm;
// A literal fed to a tool that reads a password from standard input.
const STDIN_READER = String.raw`(?:sudo(?:[ \t]+-[A-Za-z]+)*[ \t]+-[A-Za-z]*S[A-Za-z]*\b|[^\n|;&]*?--password-stdin\b)`;
const HERE_STRING = new RegExp(String.raw`\b${STDIN_READER}[^\n|;&<]*<<<[ \t]*(["']?)([^\s"'$\`]{4,128})\1(?=[ \t]*(?:$|[;&|)]))`, "gmd");
const ECHO_PIPE = new RegExp(String.raw`\b(?:echo(?:[ \t]+-n)?|printf(?:[ \t]+(["'])%s(?:\\n)?\1)?)[ \t]+(["']?)([^\s"'$\`|;&]{4,128})\2[ \t]*\|[ \t]*${STDIN_READER}`, "gmd");
const PHP_TRACE_ARGS = /(?:\bPDO->__construct\('[^'\n]{0,200}'|\b(?:mysqli->__construct|mysqli->real_connect|mysqli_connect|mysqli_real_connect)\((?:Object\(mysqli\), )?'[^'\n]{0,200}'), '[^'\n]{0,64}', '([^'\n]{4,128})'(?=[,)])/g;
const SECURITY = /\bsecurity[ \t]+(unlock-keychain|create-keychain|set-key-partition-list|import)\b[^\n|;&]*?[ \t]-([pkP])[ \t]+(["']?)([^\s"'$`]{4,128})\3(?=\s|$)/gm;

/** Whether the keyword pass saw a piece of some form (tool-password-marks.ts; `found` holds its case-folded keywords). */
export function mayHoldToolPassword(found: ReadonlySet<string>): boolean {
  return TOOL_PASSWORD_MARKS.some((k) => found.has(k));
}

/** Passwords given to tools by position, on stdin or by protocol, positions in `text`. */
export function detectToolPasswords(text: string, testPath: boolean): ToolPassword[] {
  const out: ToolPassword[] = [];
  const push = (pw: string, start: number, reason: string) => {
    const j = judge("password", pw, "config", testPath, true);
    if (j.secret) out.push({ secret: pw, start, reason: `${reason}; ${j.reason.replace(/^name is PASSWORD and /, "")}`, kind: "password", confidence: Math.min(j.confidence, 0.85) });
  };
  if (text.includes("334 ")) {
    for (const m of text.matchAll(PASSWORD_PROMPT)) {
      const decoded = printable(m[1]!);
      if (decoded !== null) pushEncoded(out, decoded, m[1]!, m.index + m[0].lastIndexOf(m[1]!), "base64 password after SMTP AUTH LOGIN's Password: prompt", testPath);
    }
  }
  if (text.includes("AUTH PLAIN")) {
    for (const m of text.matchAll(AUTH_PLAIN)) {
      const raw = Buffer.from(m[1]!, "base64").toString("utf8");
      const parts = raw.split("\0");
      if (parts.length !== 3 || parts[1] === "" || /[\x00-\x1f\uFFFD]/.test(parts[2]!)) continue;
      pushEncoded(out, parts[2]!, m[1]!, m.index + m[0].lastIndexOf(m[1]!), "SMTP AUTH PLAIN credential (base64 of user and password)", testPath);
    }
  }
  if (text.includes("Setting --")) for (const m of text.matchAll(WGET_ECHO)) push(m[1]!, m.index + m[0].lastIndexOf(m[1]!), "password option echoed by wget --debug");
  if (text.includes("<<<")) for (const m of text.matchAll(HERE_STRING)) push(m[2]!, m.indices![2]![0], "password fed on standard input to a command that reads one (sudo -S, --password-stdin)");
  if (text.includes("|")) for (const m of text.matchAll(ECHO_PIPE)) push(m[3]!, m.indices![3]![0], "password piped to a command that reads one from standard input (sudo -S, --password-stdin)");
  if (text.includes("__construct(") || text.includes("connect(")) {
    for (const m of text.matchAll(PHP_TRACE_ARGS)) if (!m[1]!.endsWith("...")) push(m[1]!, m.index + m[0].length - 1 - m[1]!.length, "password argument printed in a PHP stack trace");
  }
  if (text.includes("security ")) for (const m of text.matchAll(SECURITY)) push(m[4]!, m.index + m[0].lastIndexOf(m[4]!), `keychain password given to macOS security ${m[1]} -${m[2]}`);
  return out;
}

/** The encoded form is what the file holds and what is reported; the decoded password is what is judged. */
function pushEncoded(out: ToolPassword[], decoded: string, encoded: string, start: number, reason: string, testPath: boolean): void {
  const j = judge("password", decoded, "config", testPath, true);
  if (j.secret) out.push({ secret: encoded, start, reason: `${reason}; the decoded password ${j.reason.replace(/^name is PASSWORD and /, "")}`, kind: "password", confidence: Math.min(j.confidence, 0.85) });
}

function printable(b64: string): string | null {
  const s = Buffer.from(b64, "base64").toString("utf8");
  return s.length >= 4 && /^[\x20-\x7e]+$/.test(s) ? s : null;
}
