import { readFileSync } from "node:fs";
import { decodeText, decodeUtf16 } from "../scan/binary.js";

// The encoding of a text file the migration reads and writes back (.env files
// above all), decided as the scanner decides it (src/scan/binary.ts): UTF-16
// with a byte-order mark (PowerShell's `Out-File`, Notepad's "Unicode"),
// UTF-8, or, when the bytes are not valid UTF-8, Latin-1 (a legacy server's
// ISO-8859-1 file). dotenv reads such files when told (`encoding: "utf16le"`,
// `"latin1"`); read as UTF-8 instead, the migration found nothing in a UTF-16
// file and stored `é` as U+FFFD. What is written back keeps the encoding, BOM
// and line ends of the original.

export type TextEncodingName = "utf8" | "utf16le" | "utf16be" | "latin1";

export interface DecodedFile {
  text: string;
  encoding: TextEncodingName;
}

export function decodeFile(bytes: Buffer): DecodedFile {
  const utf16 = decodeUtf16(bytes);
  if (utf16 !== undefined) return { text: utf16, encoding: bytes[0] === 0xff ? "utf16le" : "utf16be" };
  const { text, invalidUtf8 } = decodeText(bytes);
  return { text, encoding: invalidUtf8 ? "latin1" : "utf8" };
}

/** A file's text, decoded as above (throws as readFileSync does). */
export function readTextFile(path: string): DecodedFile {
  return decodeFile(readFileSync(path));
}

/** Text → bytes in `encoding` (a UTF-16 text keeps the U+FEFF it was read with, i.e. its BOM). */
export function encodeText(text: string, encoding: TextEncodingName = "utf8"): Buffer {
  if (encoding === "utf16le") return Buffer.from(text, "utf16le");
  if (encoding === "utf16be") return Buffer.from(text, "utf16le").swap16();
  if (encoding === "latin1") return Buffer.from(text, "latin1");
  return Buffer.from(text, "utf8");
}

/** The name users know an encoding by (in warnings). */
export function encodingLabel(encoding: TextEncodingName): string {
  return { utf8: "UTF-8", utf16le: "UTF-16LE", utf16be: "UTF-16BE", latin1: "Latin-1 (ISO-8859-1)" }[encoding];
}
