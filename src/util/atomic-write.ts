import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { FileAccessError } from "../errors.js";

export interface AtomicWriteOptions {
  /** File mode; files that hold secrets use 0o600. Default 0o644. */
  mode?: number;
  /** Create the parent directory when missing. */
  mkdir?: boolean;
}

/**
 * Write a file so that readers see the old content or the new one, never a
 * mix: write a temp file beside it, fsync, rename over. A crash leaves at most
 * a stray `.tmp-` file, never a truncated target.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  // A device, pipe or socket (`--output /dev/null`, `/dev/stdout`, a shell's `>(…)`): written through, since a
  // rename would replace the device node itself with a regular file (it did: /dev/null, as root).
  if (isSpecialFile(path)) return writeThrough(path, bytes);
  const mode = options.mode ?? 0o644;
  const dir = dirname(path);
  if (options.mkdir) mkdirSync(dir, { recursive: true, mode: mode === 0o600 ? 0o700 : 0o755 });
  const tmp = join(dir, `.${basename(path)}.tmp-${randomBytes(6).toString("hex")}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", mode);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(tmp, mode); // umask may have narrowed or widened it
    renameSync(tmp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* the temp file may not exist */
    }
    throw new FileAccessError(`Could not write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      cause: error,
      hint: "Check that the directory exists and is writable, and that the disk is not full.",
    });
  }
}

function isSpecialFile(path: string): boolean {
  try {
    const st = statSync(path);
    return st.isCharacterDevice() || st.isFIFO() || st.isSocket() || st.isBlockDevice();
  } catch {
    return false;
  }
}

function writeThrough(path: string, bytes: Uint8Array): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, "w");
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
  } catch (error) {
    throw new FileAccessError(`Could not write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      cause: error,
      hint: "Check that the device or pipe is open for writing.",
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
