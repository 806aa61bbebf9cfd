import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import type { EngineOptions, EngineResult, TextInput } from "./engine.js";
import type { EnvReference, Finding, RawFinding } from "./types.js";
import type { Allowlist } from "../config/schema.js";
import { decodeText, decodeUtf16, looksBinary } from "./binary.js";
import { compileAllowlist, filterAllowlisted, filterInlineAllowed, filterToLines, type CompiledAllowlist } from "./suppress.js";
import { fingerprint } from "../util/fingerprint.js";
import { toFinding } from "./to-finding.js";
import { scrub } from "../util/redact.js";

// One unit of scanning: a file on disk, or a text (a staged blob, the lines a
// commit added, stdin). Runs the engine and the filters that need the secret or
// the text (inline allow comments, config allowlists), and turns raw findings
// into public ones. The same code runs in-process and inside worker threads;
// it never throws for a bad file: the problem becomes a skip reason and a note.

export type SkipReason = "binary" | "too-large" | "lockfile" | "symlink" | "not-a-file" | "unreadable" | "vanished" | "engine-error";

export type ScanJob =
  | {
      kind: "file";
      abs: string;
      rel: string;
      /**
       * Size seen by a caller's `lstat` of a regular file: the pool takes
       * jobs of known size largest first, and the reader skips its own lstat.
       */
      size?: number;
      /** Listed by the walker (walker.ts WalkEntry.listed): the reader skips its lstat. */
      listed?: true;
    }
  | {
      kind: "text";
      file: string;
      text: string;
      commit?: string;
      /** Report only findings touching these 1-based lines (what a commit adds). */
      lines?: number[];
    };

/** A public finding plus, when a baseline is in use, its fingerprint under the baseline's salt. */
export interface ScannedFinding extends Finding {
  baselineFingerprint?: string;
}

export interface JobResult {
  findings: ScannedFinding[];
  envReferences: EnvReference[];
  bytes: number;
  skipped?: SkipReason;
  note?: string;
  suppressedInline: number;
  suppressedAllowlist: number;
}

/** Plain data (it crosses to worker threads). */
export interface JobSettings {
  engine: EngineOptions;
  maxFileSize: number;
  allowlist?: Allowlist;
  /** Salt of Finding.fingerprint. */
  salt: string;
  /** Salt of the baseline in use, if any. */
  baselineSalt?: string;
}

export type ScanTextFn = (input: TextInput, options?: EngineOptions) => EngineResult;

export interface JobContext {
  settings: JobSettings;
  allowlist: CompiledAllowlist;
  scanText: ScanTextFn;
  /** Replaceable for tests (unreadable files cannot be made while running as root). */
  readFile: (abs: string, maxFileSize: number, hints?: ReadHints) => Uint8Array | SkipReason;
  /** The reader's reusable buffer (see ReadHints.scratch). */
  scratch: Scratch;
}

export interface ReadHints {
  /**
   * The caller saw a regular file (its lstat, or a directory listing): open it
   * without following a link instead of lstat-ing it first.
   */
  regular?: boolean;
  /**
   * Read into this buffer (grown as needed) instead of a new one. The bytes
   * returned are then valid only until the next read with the same scratch:
   * decode them before reading on.
   */
  scratch?: Scratch;
}

export interface Scratch {
  buf: Buffer | null;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

// Files up to this size are read into the reused scratch buffer; a larger one
// gets a buffer of its own, dropped after the file (a scan with a 1 GB
// maxFileSize must not keep 1 GB per thread alive).
const SCRATCH_MAX = 16 * 1024 * 1024;
/** The scratch buffer's first size. */
const SCRATCH_START = 1024 * 1024;
/**
 * The read-first way reads up to this much: most source files fit (the
 * corpus: all but 200 of 22,720 files), and a larger file is read on from
 * there. Below the scratch's size so that the main thread, which leaves files
 * over 1 MB to the workers (scanner.ts), reads little of one before sizing it.
 */
const FIRST_READ = 256 * 1024;

// O_NOFOLLOW makes open fail with ELOOP on a symbolic link; O_NONBLOCK keeps
// open from waiting for a writer if the path became a FIFO since the lstat
// (open(2)). Both are POSIX; Windows has neither, and there the reader lstat-s.
const OPEN_NO_FOLLOW =
  constants.O_NOFOLLOW !== undefined && constants.O_NONBLOCK !== undefined ? constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK : undefined;

/**
 * Read a regular file, refusing anything else before opening it (a FIFO would
 * block `open`, a device could be endless) and anything over the size limit.
 */
export function readRegularFile(abs: string, maxFileSize: number, hints?: ReadHints): Uint8Array | SkipReason {
  let fd: number;
  if (hints?.regular && OPEN_NO_FOLLOW !== undefined) {
    // The caller saw a regular file a moment ago: one syscall (and one Stats
    // object) fewer per file. Whatever replaced it since is caught by
    // O_NOFOLLOW (a link) or by the fstat below (anything else, opened
    // without blocking); an error other than a missing file or a link (a
    // socket gives ENXIO) is classified by the lstat path, as before.
    try {
      fd = openSync(abs, OPEN_NO_FOLLOW);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ELOOP") return "symlink";
      if (code === "ENOENT") throw error;
      return readRegularFile(abs, maxFileSize, { ...hints, regular: false });
    }
  } else {
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) return "symlink";
    if (!st.isFile()) return "not-a-file";
    if (st.size > maxFileSize) return "too-large";
    fd = openSync(abs, "r");
  }
  try {
    const scratch = hints?.scratch;
    // Bytes of the file already at the start of scratch.buf.
    let have = 0;
    if (hints?.regular && scratch) {
      // Most files fit the scratch buffer: read, then a 1-byte read at the
      // end that must return nothing (POSIX read(2): fewer bytes than asked
      // from a regular file only at its end, or when a signal interrupts),
      // instead of sizing the file first: a fstat and its Stats object per
      // file cost more than the empty read. Anything unusual (nothing read,
      // an error such as EISDIR or EAGAIN, over the limit, a file still
      // growing, a full buffer) goes the sized way below, which classifies it.
      scratch.buf ??= Buffer.allocUnsafeSlow(SCRATCH_START);
      const buf = scratch.buf;
      const cap = Math.min(FIRST_READ, maxFileSize + 1);
      let n = 0;
      try {
        n = readSync(fd, buf, 0, cap, 0);
      } catch {
        n = 0;
      }
      if (n > 0 && n < cap && readSync(fd, buf, n, 1, n) === 0) return buf.subarray(0, n);
      if (n === FIRST_READ) have = n;
    }
    // Size again from the open descriptor: the file may have changed since lstat.
    const st = fstatSync(fd);
    if (!st.isFile()) return "not-a-file";
    const size = st.size;
    if (size > maxFileSize) return "too-large";
    let buf: Buffer;
    if (scratch && size <= SCRATCH_MAX) {
      // One byte more than the file: the read-first way above then finds its end in the buffer.
      if (!scratch.buf || scratch.buf.length <= size) {
        const grown = Buffer.allocUnsafeSlow(Math.max(SCRATCH_START, 2 ** Math.ceil(Math.log2(size + 1))));
        if (have > 0) scratch.buf!.copy(grown, 0, 0, have);
        scratch.buf = grown;
      }
      buf = scratch.buf;
    } else {
      buf = Buffer.allocUnsafe(size);
      if (have > 0) scratch!.buf!.copy(buf, 0, 0, Math.min(have, size));
    }
    let off = Math.min(have, size);
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

export function createJobContext(settings: JobSettings, scanText: ScanTextFn, readFile = readRegularFile): JobContext {
  return { settings, allowlist: compileAllowlist(settings.allowlist), scanText, readFile, scratch: { buf: null } };
}

/**
 * Raw → public, through the engine's `toFinding` (fingerprint + redacted label,
 * fields copied by name so that nothing else the engine attaches can leave),
 * plus the commit of history modes and, with a baseline, the fingerprint under
 * the baseline's salt (same parts: rule, file, secret).
 */
export function toPublicFinding(raw: RawFinding, salt: string, baselineSalt?: string, commit?: string): ScannedFinding {
  const f: ScannedFinding = toFinding(raw, salt);
  // Defence in depth: a reason or a name (an object key can itself be the
  // secret) must never carry the value out.
  if (raw.secret.length >= 4) {
    if (f.reason.includes(raw.secret)) f.reason = scrub(f.reason, [raw.secret]);
    if (f.name !== undefined && f.name.includes(raw.secret)) f.name = scrub(f.name, [raw.secret]);
  }
  if (commit !== undefined) f.commit = commit;
  if (baselineSalt !== undefined) f.baselineFingerprint = fingerprint(baselineSalt, raw.ruleId, raw.file, raw.secret);
  return f;
}

function emptyResult(bytes: number, skipped?: SkipReason, note?: string): JobResult {
  const r: JobResult = { findings: [], envReferences: [], bytes, suppressedInline: 0, suppressedAllowlist: 0 };
  if (skipped) r.skipped = skipped;
  if (note) r.note = note;
  return r;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? "error";
}

/**
 * Scan one job. With `leaveAbove`, a file or text larger than that many bytes
 * is not scanned and undefined is returned: the pool's main-thread lane leaves
 * big files to the workers (worker-pool.ts), whose heaps are limited.
 */
export function runJob(job: ScanJob, ctx: JobContext): JobResult;
export function runJob(job: ScanJob, ctx: JobContext, leaveAbove: number): JobResult | undefined;
export function runJob(job: ScanJob, ctx: JobContext, leaveAbove?: number): JobResult | undefined {
  let text: string;
  let file: string;
  let bytes: number;
  let note: string | undefined;
  if (job.kind === "file") {
    file = job.rel;
    let content: Uint8Array | SkipReason;
    try {
      // Read with the lower limit: "too-large" then means "over leaveAbove",
      // and whoever takes the file next reads it with the real one.
      const limit = leaveAbove !== undefined ? Math.min(leaveAbove, ctx.settings.maxFileSize) : ctx.settings.maxFileSize;
      content = ctx.readFile(job.abs, limit, { regular: job.size !== undefined || job.listed === true, scratch: ctx.scratch });
    } catch (error) {
      const code = errorCode(error);
      // Gone between listing and reading (a busy tree), or tracked by git but
      // absent (deleted and not yet staged, outside a sparse checkout): counted, no note.
      if (code === "ENOENT") return emptyResult(0, "vanished");
      return emptyResult(0, "unreadable", `${file}: cannot be read (${code}), skipped`);
    }
    if (typeof content === "string") {
      if (content === "too-large" && leaveAbove !== undefined && leaveAbove < ctx.settings.maxFileSize) return undefined;
      const note = content === "too-large" ? `${file}: larger than maxFileSize (${ctx.settings.maxFileSize} bytes), skipped` : undefined;
      return emptyResult(0, content, note);
    }
    const utf16 = decodeUtf16(content);
    if (utf16 !== undefined) text = utf16;
    else {
      if (looksBinary(content)) return emptyResult(0, "binary");
      const decoded = decodeText(content);
      text = decoded.text;
      if (decoded.invalidUtf8) note = `${file}: not valid UTF-8, read as Latin-1 (Windows-1252)`;
    }
    bytes = content.length;
  } else {
    if (leaveAbove !== undefined && job.text.length > leaveAbove) return undefined;
    file = job.file;
    text = job.text;
    bytes = Buffer.byteLength(text);
  }

  let engineResult: EngineResult;
  try {
    engineResult = ctx.scanText({ text, file }, ctx.settings.engine);
  } catch (error) {
    // Never the error message: an engine error could quote the text.
    return emptyResult(bytes, "engine-error", `${file}: the scanner failed on this file (${(error as Error)?.name ?? "error"}), skipped`);
  }
  // Most texts hold no finding: nothing to filter or convert. The filters and the map below then meet
  // only filled arrays: an empty array's elements kind (V8 "packed SMI") differs from a filled one's, and
  // the first finding after thousands of empty files threw the optimised runJob away (--trace-deopt:
  // "wrong map" at `findings.length` and at the map, two recompiles of runJob per scanning thread).
  if (engineResult.findings.length === 0) {
    const empty = emptyResult(bytes, undefined, note);
    empty.envReferences = engineResult.envReferences;
    return empty;
  }
  let raw = engineResult.findings.map((f) => (f.file === file ? f : { ...f, file }));
  if (job.kind === "text" && job.lines && raw.length > 0) raw = filterToLines(raw, new Set(job.lines));
  const inline = filterInlineAllowed(text, raw);
  const allowed = filterAllowlisted(inline.kept, ctx.allowlist);
  const commit = job.kind === "text" ? job.commit : undefined;
  const result = emptyResult(bytes, undefined, note);
  result.findings = allowed.kept.map((f) => toPublicFinding(f, ctx.settings.salt, ctx.settings.baselineSalt, commit));
  result.envReferences = engineResult.envReferences;
  result.suppressedInline = inline.suppressed;
  result.suppressedAllowlist = allowed.suppressed;
  return result;
}
