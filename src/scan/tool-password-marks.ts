/**
 * What tool-passwords.ts and debugger-values.ts wait for, case-folded, found by the engine's keyword pass
 * (rule-set.ts ENGINE_KEYWORDS) instead of by substring searches of every text outside code: eight `includes`
 * for the tool passwords and one for the debugger's ` = 0x` cost 81 ms of CPU each on aws-sdk's 101 MB
 * (docs/benchmarks.md, session 22; ` = 0x` and `-S` start with characters found everywhere). Each mark is
 * a piece every match of its detector's expressions holds, so a text without one has nothing to find; the
 * expressions are case-sensitive and decide.
 */
export const TOOL_PASSWORD_MARKS = [
  // SMTP AUTH LOGIN's `334 <Password: in base64>`, AUTH PLAIN, wget --debug's `Setting --password …`.
  "334 ", "auth plain", "setting --",
  // Standard-input readers (tool-passwords.ts STDIN_READER): `sudo … -S`, `--password-stdin`.
  "sudo", "password-stdin",
  // macOS `security … -p`, PHP traces of `PDO->__construct(…)` and `mysqli_connect(…)`/`->real_connect(…)`.
  "security ", "->__construct(", "connect(",
];

/** debugger-values.ts: gdb's and lldb's `name = 0x… "…"`. */
export const DEBUGGER_MARKS = [" = 0x"];
