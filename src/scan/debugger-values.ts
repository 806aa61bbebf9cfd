import { judge } from "./judge.js";
import { DEBUGGER_MARKS } from "./tool-password-marks.js";
import type { BuiltinHit } from "./builtin-detector.js";

// Values printed by a debugger: gdb's `bt full`, `info locals` and `print` show a `char *` as its address then the
// string it points at (`password = 0x5555555a9440 "…"`), lldb's `frame variable` the same after the type
// (`(const char *) api_key = 0x… "…"`). A crash report pasted into an issue or committed beside a core dump keeps
// them; no `name = "value"` reader expects the address between. Each is judged under its variable's name.

const POINTED = /(?:^|[\s{,(])(?:\([\w *]{1,40}\)[ \t]*)?([A-Za-z_]\w{0,63})[ \t]=[ \t]0x[0-9a-fA-F]{4,16}[ \t]+"((?:[^"\\\n]|\\.){4,256})"/g;

/** A built-in detector's hit before its rule id and end are added; the name is the variable's or the option's. */
export type DebuggerValue = Omit<BuiltinHit, "ruleId" | "end"> & { name: string };

/** Whether the keyword pass saw ` = 0x` (tool-password-marks.ts DEBUGGER_MARKS; `found` holds its case-folded keywords). */
export function mayHoldDebuggerValue(found: ReadonlySet<string>): boolean {
  return DEBUGGER_MARKS.some((k) => found.has(k));
}

/** Strings a debugger printed after a pointer, judged under their variable's name; positions in `text`. */
export function detectDebuggerValues(text: string, testPath: boolean): DebuggerValue[] {
  const out: DebuggerValue[] = [];
  for (const m of text.matchAll(POINTED)) {
    const [, name, value] = m as unknown as [string, string, string];
    if (value.includes("\\")) continue;
    const j = judge(name, value, "config", testPath);
    if (!j.secret) continue;
    out.push({ name, secret: value, start: m.index + m[0].length - 1 - value.length, kind: j.kind, reason: `string a debugger printed for ${name}: ${j.reason}`, confidence: Math.min(j.confidence, 0.8) });
  }
  return out;
}
