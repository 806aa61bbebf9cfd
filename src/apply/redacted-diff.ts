import { createTwoFilesPatch } from "diff";
import { redact } from "../util/redact.js";

// The diffs in a plan are meant to be reviewed and committed, so no secret
// may survive in them, not even in a removed (`-`) line. Both texts are
// scrubbed before diffing, with every form in which a value can be written:
// as parsed, with `\n` escapes (dotenv double quotes, JS/JSON strings), with
// CRLF, and line by line for multi-line values such as PEM keys.

/**
 * Unified diff of `file` from `before` to `after` with every secret replaced by
 * its redacted label (src/util/redact.ts). `before` null: the file is new.
 */
export function redactedDiff(file: string, before: string | null, after: string, secrets: string[]): string {
  const replacements = scrubList(secrets);
  const clean = (text: string) => {
    let out = text;
    for (const [form, label] of replacements) if (out.includes(form)) out = out.split(form).join(label);
    return out;
  };
  const name = file.replace(/\\/g, "/");
  return createTwoFilesPatch(before === null ? "/dev/null" : `a/${name}`, `b/${name}`, before === null ? "" : clean(before), clean(after), undefined, undefined, { context: 3 });
}

/** Every written form of every secret, longest first, each with the label of the whole secret. */
export function scrubList(secrets: string[]): [string, string][] {
  const forms = new Map<string, string>();
  const add = (form: string, label: string) => {
    // As src/util/redact.ts scrub(): below 4 characters a "secret" is not one.
    if (form.length >= 4 && !forms.has(form)) forms.set(form, label);
  };
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    const label = redact(secret);
    add(secret, label);
    add(secret.replace(/\r?\n/g, "\\n"), label);
    add(secret.replace(/\r?\n/g, "\r\n"), label);
    add(JSON.stringify(secret).slice(1, -1), label);
    if (/\r?\n/.test(secret)) {
      for (const line of secret.split(/\r?\n/)) {
        const t = line.trim();
        // PEM armour lines are not secret; the base64 body lines are.
        if (t.length >= 16 && !/^-----(BEGIN|END) /.test(t)) add(t, redact(t));
      }
    }
  }
  return [...forms.entries()].sort((a, b) => b[0].length - a[0].length);
}

/**
 * The secrets that `text` holds in any written form (a PEM kept on one line
 * with `\n` escapes does not contain the parsed value): what redactedDiff must
 * be given for this text. A pre-filter, so that a large app's thousands of
 * values are not all scrubbed from every file.
 */
export function secretsIn(text: string, secrets: string[]): string[] {
  // Most values have one written form; only those with line breaks, quotes or backslashes have others.
  return secrets.filter((s) => text.includes(s) || (/[\r\n"\\\u0000-\u001f]/.test(s) && scrubList([s]).some(([form]) => text.includes(form))));
}
