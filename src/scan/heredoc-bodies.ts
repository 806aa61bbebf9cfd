import { LineIndex } from "./positions.js";

// Here-documents that write a file: the body is that file's content, judged as that file would be.
//
// `cat > /etc/app/worker.ini <<EOF` … `EOF` in a provisioning script, `cat <<'EOF' > ~/.netrc` in a CI job's
// `script:` block, `tee -a .env <<EOF`, `kubectl apply -f - <<EOF` (a manifest), Dockerfile `COPY <<EOF /app/.env`
// (BuildKit here-documents). Read as shell, the body's `key = …` under `[api]` is a line of text; read as
// `worker.ini` it is the section's API key, and a weak password in a `~/.netrc` written this way is the
// store's (credential-store.ts). The named file takes the script's directory, so a test script's
// here-document is still a test's; the body is de-indented as the YAML block holding the script (the
// common indentation of spaces) and then the shell (`<<-`: leading tabs) would.

export interface HeredocFile {
  /** The file the body is written to, under the script's directory (`deploy/etc/app/worker.ini`). */
  name: string;
  text: string;
  /** Offset in the script of the body's character at `i`. */
  at(i: number): number;
}

// The line that opens a here-document: the command, `<<` or `<<-`, the delimiter (quoted or not), the rest
// of the line (the redirection may follow the delimiter: `cat <<EOF > file`).
const OPENER = /^[^\n]{0,200}?<<(-?)[ \t]*(["']?)([A-Za-z_][\w.-]{0,40})\2([^\n]{0,200})$/gm;
const MAX_BODY = 64 * 1024;

/** A cheap test before the search: `<<` beside a command that writes a file. */
export function mayHoldHeredoc(text: string): boolean {
  return text.includes("<<") && /\b(?:cat|tee|kubectl|oc|COPY)\b/.test(text);
}

export function heredocFiles(text: string): HeredocFile[] {
  const out: HeredocFile[] = [];
  OPENER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OPENER.exec(text)) !== null) {
    const line = m[0];
    const target = writtenFile(line.replace(/<<-?[ \t]*["']?[\w.-]+["']?/, " "));
    const bodyStart = m.index + line.length + 1;
    if (target === null || bodyStart >= text.length) continue;
    const close = new RegExp(`^[ \\t]*${m[3]!.replace(/[.]/g, "\\.")}[ \\t]*$`, "m").exec(text.slice(bodyStart, bodyStart + MAX_BODY));
    if (close === null) continue;
    const raw = text.slice(bodyStart, bodyStart + Math.max(0, close.index - 1));
    out.push({ name: target, ...dedented(raw, bodyStart, m[1] === "-") });
    OPENER.lastIndex = bodyStart + close.index;
  }
  return out;
}

/** The file the opener line writes the body to, or null (a command that only reads it, `psql <<EOF`). */
function writtenFile(line: string): string | null {
  // A manifest piped to or read by kubectl/oc (`kubectl apply -f -`, `cat <<EOF | kubectl create -f -`).
  if (/\b(?:kubectl|oc)\b[^\n]{0,80}?\s-f[ \t]+-(?:\s|$)/.test(line)) return "manifest.yaml";
  const m = /\b(?:cat\b[^\n|;&]{0,40}?>>?|tee\b(?:[ \t]+-a)?|^[ \t]*COPY\b[^\n]{0,80}?)[ \t]*(["']?)([^\s"'<>;|&]{1,200})\1[ \t]*(?:$|[;&|)])/.exec(line);
  if (!m) return null;
  const path = m[2]!.replace(/\$\{?\w+\}?/g, "x").replace(/^~?\/+|^x\/+/, "");
  if (path === "" || path === "-" || /^\/?dev\//.test(m[2]!) || !/[\w.]/.test(path)) return null;
  return path;
}

function dedented(raw: string, offset: number, tabs: boolean): { text: string; at(i: number): number } {
  const rawLines = raw.split("\n");
  let common = Infinity;
  for (const l of rawLines) if (l.trim() !== "") common = Math.min(common, /^ */.exec(l)![0].length);
  if (common === Infinity) common = 0;
  const removed: number[] = [];
  let text = "";
  let from = offset;
  for (const l of rawLines) {
    const kept = Math.min(common, l.length);
    const cut = kept + (tabs ? /^\t*/.exec(l.slice(kept))![0].length : 0);
    removed.push(from + cut);
    text += l.slice(cut) + "\n";
    from += l.length + 1;
  }
  const lines = new LineIndex(text);
  return {
    text,
    at(i: number): number {
      const { line, column } = lines.position(i);
      return removed[line - 1]! + column - 1;
    },
  };
}
