import { judge } from "./judge.js";
import type { BuiltinHit } from "./builtin-detector.js";

// A literal whose variable says nothing, passed to a password parameter below: PowerCLI's
// `$esxRoot = "…"` then `Connect-VIServer -Server esx01 -User root -Password $esxRoot`, `New-ADUser …
// -AccountPassword $pw`. The parameter names the value where the assignment does not. PowerShell only: its
// parameters are named at every call. The literal is judged under the name `password` (judge.ts), so
// placeholders, prompts and references stay quiet; a variable assigned more than once is left alone (which value
// reaches the call is not known without running it).

export type PasswordVariable = Omit<BuiltinHit, "ruleId" | "end"> & { name: string };

const PASSWORD_PARAMETER = /(?:^|[ \t])-[A-Za-z]{0,30}Password[ \t]+\$([A-Za-z_]\w{0,63})\b(?![.[(:])/gim;

export function mayHoldPasswordVariable(text: string): boolean {
  return /Password[ \t]+\$/i.test(text);
}

export function detectPasswordVariables(text: string, testPath: boolean): PasswordVariable[] {
  const out: PasswordVariable[] = [];
  const seen = new Set<string>();
  for (const p of text.matchAll(PASSWORD_PARAMETER)) {
    const variable = p[1]!;
    if (seen.has(variable.toLowerCase())) continue;
    seen.add(variable.toLowerCase());
    const before = text.slice(0, p.index);
    // Every assignment, wherever it is (`if ($prod) { $p = … }`), must be this one.
    if ((before.match(new RegExp(String.raw`\$${variable}[ \t]*=(?!=)`, "gi")) ?? []).length !== 1) continue;
    const assignments = [...before.matchAll(new RegExp(String.raw`^[ \t]*\$${variable}[ \t]*=[ \t]*(.*)$`, "gim"))];
    if (assignments.length !== 1) continue;
    const a = assignments[0]!;
    const q = /^(["'])([^"'`$\r\n]{4,256})\1[ \t]*\r?$/.exec(a[1]!);
    if (!q) continue;
    const value = q[2]!;
    const j = judge("password", value, "config", testPath);
    if (!j.secret) continue;
    const start = a.index + a[0].length - a[1]!.length + 1;
    out.push({ name: variable, secret: value, start, kind: j.kind, reason: `literal of $${variable}, passed below as a password parameter: ${j.reason}`, confidence: Math.min(j.confidence, 0.8) });
  }
  return out;
}
