// The MIME parts of a mail file whose text the transfer encoding hides: a
// `Content-Transfer-Encoding: quoted-printable` body (RFC 2045 §6.7: `=3D` for
// `=`, `=E2=80=94` for a dash, `=` at a line's end a soft break that splits a
// word over two lines) or `base64` (§6.8: a text part, or an attached `.env`).
// A support export, an `.mbox` of a mailing list or a saved `.eml` holds
// credentials people mailed each other; read as it is stored, a secret there is
// split or encoded. Each part is decoded and handed to the engine as the file
// its `filename=`/`name=` says (an attached `monitoring.env` is read as a .env
// file) or, without one, as text (`.html` for `text/html`); the positions found
// map back to the mail's own text through `at`, so a finding names the line
// where the encoded secret stands. Binary parts (an image, a PDF: a NUL byte, or
// not text in UTF-8 or Latin-1 either) are left alone.

import { hasBinaryExtension, looksBinary } from "./binary.js";

export interface MailPart {
  /** The name the part is read as: its attachment's file name, or `part.txt` / `part.html`. */
  name: string;
  /** The decoded text. */
  text: string;
  /** Where decoded character i starts in the mail's text; at(text.length) is the end of the body. */
  at: (i: number) => number;
}

/** Mail files and saved MIME documents: `.eml`, `.emlx` (Apple Mail), `.mbox`/`.mbx`, `.mht`/`.mhtml` (web archives). */
const MAIL_FILE = /\.(?:eml|emlx|mbox|mbx|mht|mhtml)$/i;

export function isMailFile(file: string): boolean {
  return MAIL_FILE.test(file);
}

const ENCODING = /^content-transfer-encoding:[ \t]*(quoted-printable|base64)[ \t]*\r?$/gim;
/** A line that ends a part's body: a MIME boundary (`--…`, no blank after the dashes), or the next message of an mbox. */
const BODY_END = /^(?:--\S+|From \S.*)\r?$/m;
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}\r?$/;
/** Parts bigger than this are not decoded (a mail's text is small; an attachment this big is data). */
const MAX_PART = 1024 * 1024;

/** The decoded parts of a mail's text worth reading (see the file's comment); [] when it has none. */
export function mailParts(text: string): MailPart[] {
  const parts: MailPart[] = [];
  ENCODING.lastIndex = 0;
  for (let m = ENCODING.exec(text); m !== null; m = ENCODING.exec(text)) {
    // The header block holding this line: from the blank line before it to the blank line after it.
    const blockStart = Math.max(blankLineBefore(text, m.index), 0);
    const bodyStart = blankLineAfter(text, m.index);
    if (bodyStart === -1) break;
    const headers = text.slice(blockStart, bodyStart);
    const type = /^content-type:[ \t]*([\w.+-]+\/[\w.+-]+)/im.exec(headers)?.[1]?.toLowerCase() ?? "text/plain";
    if (/^(?:multipart|image|audio|video|font)\/|^application\/(?:pdf|zip|gzip|x-(?:zip|gzip|tar|7z)[\w-]*)$/.test(type)) continue;
    const fileName = /\b(?:file)?name\*?=[ \t]*"?([^";\r\n]{1,200})/i.exec(headers)?.[1]?.trim();
    if (fileName && hasBinaryExtension(fileName)) continue;
    const endMatch = BODY_END.exec(text.slice(bodyStart, bodyStart + MAX_PART + 1));
    const bodyEnd = bodyStart + (endMatch ? endMatch.index : Math.min(text.length - bodyStart, MAX_PART + 1));
    if (bodyEnd - bodyStart > MAX_PART) continue;
    const decoded = m[1]!.toLowerCase() === "base64" ? fromBase64(text, bodyStart, bodyEnd) : fromQuotedPrintable(text, bodyStart, bodyEnd);
    if (decoded === null) continue;
    const part = asText(decoded.bytes, decoded.offsets, bodyEnd);
    if (part === null) continue;
    const name = fileName ? fileName.replace(/^.*[\\/]/, "") : type === "text/html" ? "part.html" : "part.txt";
    // A mail attached to a mail is not read again (one level, as source maps).
    if (isMailFile(name)) continue;
    parts.push({ name, ...part });
  }
  return parts;
}

/** The index just after the blank line before `at` (the start of its header block), or 0. */
function blankLineBefore(text: string, at: number): number {
  const lf = text.lastIndexOf("\n\n", at);
  const crlf = text.lastIndexOf("\n\r\n", at);
  if (lf === -1 && crlf === -1) return 0;
  return lf > crlf ? lf + 2 : crlf + 3;
}

/** The index just after the blank line that ends the header block holding `at` (the body's start), or -1. */
function blankLineAfter(text: string, at: number): number {
  const blank = /\r?\n\r?\n/g;
  blank.lastIndex = at;
  const m = blank.exec(text);
  return m === null ? -1 : m.index + m[0].length;
}

interface Decoded {
  bytes: Uint8Array;
  /** offsets[k]: where byte k's encoding starts in the mail's text. */
  offsets: Int32Array;
}

/** RFC 2045 §6.8: the body's lines of base64 (the body ends at its first other line); null when there are none. */
function fromBase64(text: string, start: number, end: number): Decoded | null {
  const chars: number[] = [];
  const where: number[] = [];
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === "") {
      if (chars.length > 0) break;
    } else if (BASE64_LINE.test(line)) {
      for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c === 13 || c === 61 /* = */) continue;
        chars.push(c);
        where.push(lineStart + i);
      }
    } else break;
    lineStart = lineEnd + 1;
  }
  if (chars.length < 4) return null;
  const bytes = Buffer.from(Buffer.from(chars.slice(0, chars.length - (chars.length % 4 === 1 ? 1 : 0))).toString("latin1"), "base64");
  const offsets = new Int32Array(bytes.length);
  // Byte k comes from the 4 characters of group floor(k / 3); its first bits are in character 4g + k % 3.
  for (let k = 0; k < bytes.length; k++) offsets[k] = where[Math.floor(k / 3) * 4 + (k % 3)]!;
  return { bytes: new Uint8Array(bytes), offsets };
}

/** RFC 2045 §6.7: `=XX` is a byte, `=` ending a line a soft break (removed), every other character itself. */
function fromQuotedPrintable(text: string, start: number, end: number): Decoded | null {
  const bytes = new Uint8Array(end - start);
  const offsets = new Int32Array(end - start);
  let n = 0;
  let encoded = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 /* = */) {
      if (text.charCodeAt(i + 1) === 10) {
        i += 1;
        encoded = true;
        continue;
      }
      if (text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10) {
        i += 2;
        encoded = true;
        continue;
      }
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        offsets[n] = i;
        bytes[n++] = parseInt(hex, 16);
        i += 2;
        encoded = true;
        continue;
      }
    }
    if (c > 255) return null; // decoded text already: nothing the encoding hides
    offsets[n] = i;
    bytes[n++] = c;
  }
  // A body without one escape or soft break reads the same decoded: the mail's own scan has it.
  return encoded ? { bytes: bytes.subarray(0, n), offsets: offsets.subarray(0, n) } : null;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as text (UTF-8, else Latin-1), with each character's offset in the mail; null for binary. */
function asText(bytes: Uint8Array, offsets: Int32Array, bodyEnd: number): Omit<MailPart, "name"> | null {
  if (bytes.length === 0 || looksBinary(bytes)) return null;
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    // Latin-1 text has no C0 controls but tab, line breaks and form feed, and no C1 controls.
    for (const c of bytes) if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c < 0xa0)) return null;
    text = Buffer.from(bytes).toString("latin1");
    return { text, at: (i) => (i < offsets.length ? offsets[i]! : bodyEnd) };
  }
  // Character i of the text starts at byte starts[i]: a UTF-8 sequence is 1-4 bytes; a character
  // outside the BMP is two UTF-16 units, both starting at its first byte.
  const starts = new Int32Array(text.length + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    starts[i] = b;
    const c = text.charCodeAt(i);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      starts[i + 1] = b;
      i += 1;
      b += 4;
    } else b += 3;
  }
  starts[text.length] = b;
  return { text, at: (i) => (starts[i]! < offsets.length ? offsets[starts[i]!]! : bodyEnd) };
}
