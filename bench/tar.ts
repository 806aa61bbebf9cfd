import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { gunzipSync } from "node:zlib";

// A small reader for the tarballs `npm pack` produces (gzip'd POSIX ustar, with
// pax extended headers for long names), so the corpus builder does not depend
// on a `tar` binary. Format: POSIX.1-2001 / IEEE 1003.1 "pax" and "ustar"
// interchange formats; GNU long-name ('L') records are read too, since GNU tar
// writes them by default.

export interface TarEntry {
  /** Path inside the archive, `/`-separated, after pax/GNU long-name overrides. */
  path: string;
  /** "file" | "directory" | "other" (links, devices, fifos: not extracted). */
  type: "file" | "directory" | "other";
  mode: number;
  data: Buffer;
}

const BLOCK = 512;

function text(buf: Buffer, start: number, length: number): string {
  const field = buf.subarray(start, start + length);
  const nul = field.indexOf(0);
  return field.subarray(0, nul === -1 ? field.length : nul).toString("utf8");
}

/** Numeric fields are octal text, or base-256 when the high bit of the first byte is set (GNU, for sizes ≥ 8 GiB). */
function number(buf: Buffer, start: number, length: number): number {
  const first = buf[start] ?? 0;
  if (first & 0x80) {
    let value = first & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + (buf[start + i] ?? 0);
    return value;
  }
  const raw = text(buf, start, length).trim();
  return raw === "" ? 0 : parseInt(raw, 8);
}

/** Pax records: "<len> <key>=<value>\n", len counting the whole record in bytes. */
export function parsePax(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) break;
    const length = parseInt(data.subarray(at, space).toString("ascii"), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = data.subarray(space + 1, at + length - 1).toString("utf8");
    const eq = record.indexOf("=");
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return out;
}

function isZeroBlock(buf: Buffer, at: number): boolean {
  for (let i = at; i < at + BLOCK; i++) if (buf[i] !== 0) return false;
  return true;
}

/** Reads an uncompressed tar archive. Throws on a truncated archive or a bad header checksum. */
export function readTar(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let at = 0;
  let longName: string | undefined;
  let pax: Map<string, string> | undefined;
  while (at + BLOCK <= archive.length) {
    if (isZeroBlock(archive, at)) break;
    const header = archive.subarray(at, at + BLOCK);
    // Checksum: sum of the header bytes with the checksum field read as spaces.
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
    const stored = number(header, 148, 8);
    if (stored !== sum) throw new Error(`tar: bad header checksum at byte ${at}`);
    const typeflag = String.fromCharCode(header[156] ?? 0);
    const size = pax?.has("size") ? Number(pax.get("size")) : number(header, 124, 12);
    const dataStart = at + BLOCK;
    if (dataStart + size > archive.length) throw new Error(`tar: archive truncated inside an entry at byte ${at}`);
    const data = archive.subarray(dataStart, dataStart + size);
    at = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (typeflag === "x") {
      pax = parsePax(data);
      continue;
    }
    if (typeflag === "g") continue; // global pax header: nothing npm or we rely on
    if (typeflag === "L") {
      longName = text(data, 0, data.length);
      continue;
    }
    const prefix = text(header, 345, 155);
    const name = text(header, 0, 100);
    const path = pax?.get("path") ?? longName ?? (prefix ? `${prefix}/${name}` : name);
    const type = typeflag === "0" || typeflag === "\0" || typeflag === "7" ? "file" : typeflag === "5" ? "directory" : "other";
    entries.push({ path, type, mode: number(header, 100, 8), data: Buffer.from(data) });
    longName = undefined;
    pax = undefined;
  }
  return entries;
}

/**
 * The path an entry is written to, with `strip` leading components removed;
 * null for entries that would land outside the destination (absolute paths,
 * `..`), or that are empty after stripping.
 */
export function safeEntryPath(path: string, strip: number): string | null {
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  if (path.startsWith("/") || parts.includes("..")) return null;
  const kept = parts.slice(strip);
  return kept.length === 0 ? null : posix.join(...kept);
}

/** Extracts regular files of a .tgz into `dest` (npm tarballs: strip 1 for the `package/` folder). Returns the files written. */
export function extractTarGz(tgz: Buffer, dest: string, strip = 0): string[] {
  const written: string[] = [];
  for (const entry of readTar(gunzipSync(tgz))) {
    if (entry.type !== "file") continue;
    const rel = safeEntryPath(entry.path, strip);
    if (rel === null) continue;
    const target = join(dest, rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.data, { mode: 0o644 });
    written.push(rel);
  }
  return written;
}
