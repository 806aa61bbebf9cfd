import type { FileKind } from "./file-kind.js";

// Terminal control sequences in captured output: a CI job's raw log (GitLab traces colour each echoed command,
// `\x1b[32;1m$ aws configure set … <key>\x1b[0;m`), a `script` typescript, a tmux scrollback, `docker build`
// progress. A secret that ends where a colour reset begins has no space after it for a rule's end anchor, and a
// name glued to a colour code is not a name. Each sequence is blanked (spaces, as many as it has characters), so
// every offset and line stays the file's and the reported value is the same text.
//
// Logs copied from a web page or a terminal lose the escape byte and keep the rest (`[32;1m`, `[0;m`, `[0K`):
// outside code, those bare colour and erase-line codes are blanked too. In code `[0m` could be an index, so there
// only sequences with their escape byte are.

/** ECMA-48 CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC ] … ESC \`) and charset selections (`ESC ( B`). */
const ESCAPED = /\x1b(?:\[[0-9;?]{0,32}[@-~]|\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)|[()][0-9A-Za-z])/g;
/** A colour (SGR) or erase-line code without its escape byte: `[32;1m`, `[0;m`, `[0m`, `[0K`. */
const BARE = /\[\d{1,3}(?:;\d{0,3}){0,4}[mK]/g;

/** `text` with its terminal control sequences replaced by as many spaces, or `text` itself when it has none. */
export function blankTerminalCodes(text: string, kind: FileKind): string {
  const bare = kind !== "code" && kind !== "js" && BARE_PROBE.test(text);
  if (!bare && !text.includes("\x1b")) return text;
  let out = text.includes("\x1b") ? text.replace(ESCAPED, spaces) : text;
  if (bare) out = out.replace(BARE, spaces);
  return out;
}

const BARE_PROBE = /\[\d{1,3}(?:;\d{0,3}){0,4}[mK]/;

function spaces(s: string): string {
  return " ".repeat(s.length);
}
