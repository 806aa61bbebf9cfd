import { isAscii, isUtf8, transcode } from "node:buffer";

// Which files are not worth reading as text: binary content (a NUL byte in the
// first 8 KB, the heuristic git uses in `buffer_is_binary`, xdiff-interface.c),
// known binary extensions (decided before any read), and lockfiles (package
// manager output full of integrity hashes that look like secrets).

const BINARY_EXTENSIONS = new Set(
  [
    // images
    "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "tif", "tiff", "webp", "avif", "heic", "psd", "xcf",
    // fonts
    "woff", "woff2", "ttf", "otf", "eot",
    // archives and packages
    "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "jar", "war", "ear", "apk", "aab", "ipa", "deb", "rpm", "dmg", "iso", "whl", "egg", "nupkg", "gem", "crx", "vsix",
    // media
    "mp3", "mp4", "m4a", "m4v", "mov", "avi", "mkv", "webm", "wav", "flac", "ogg", "oga", "ogv", "aac", "wma", "wmv", "mpg", "mpeg",
    // compiled code and objects
    "exe", "dll", "so", "dylib", "a", "o", "obj", "lib", "class", "pyc", "pyo", "wasm", "node", "bin", "dat",
    // documents and data stores
    "pdf", "doc", "xls", "ppt", "docx", "xlsx", "pptx", "odt", "ods", "odp", "sqlite", "sqlite3", "db", "parquet", "avro", "orc",
    // misc
    "swf", "fla", "blend", "fbx", "glb", "3ds", "pack", "idx",
  ],
);

/** Lockfiles of the common package managers: generated, hash-dense, never hand-edited. */
export const LOCKFILE_NAMES = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "bun.lock",
  "Cargo.lock",
  "go.sum",
  "poetry.lock",
  "Pipfile.lock",
  "uv.lock",
  "pdm.lock",
  "composer.lock",
  "Gemfile.lock",
  "Podfile.lock",
  "packages.lock.json",
  "mix.lock",
  "pubspec.lock",
  "flake.lock",
  "gradle.lockfile",
  "deno.lock",
]);

function baseName(path: string): string {
  const i = path.lastIndexOf("/");
  return i === -1 ? path : path.slice(i + 1);
}

export function hasBinaryExtension(path: string): boolean {
  const name = baseName(path);
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return false;
  return BINARY_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

export function isLockfile(path: string): boolean {
  return LOCKFILE_NAMES.has(baseName(path));
}

/** A NUL byte in the first 8000 bytes (git's FIRST_FEW_BYTES) means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  // Buffer#indexOf is memchr; a JS loop over 8000 bytes per file cost ~80 ms on the 335 MB corpus.
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8000)).indexOf(0) !== -1;
}

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/**
 * UTF-16 text with a byte-order mark (PowerShell and .reg exports, some
 * Windows editors' "Unicode"): full of NUL bytes, so it would pass for binary.
 * Returns the decoded text (BOM kept as U+FEFF, like a UTF-8 BOM) or undefined.
 */
export function decodeUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return undefined;
  return new TextDecoder(le ? "utf-16le" : "utf-16be", { ignoreBOM: true }).decode(bytes);
}

/**
 * Bytes → text for the engine. Invalid UTF-8 is read as Latin-1 (the scan goes on;
 * a secret is ASCII in practice); a BOM is kept (`ignoreBOM: true`) so that
 * columns stay those of the file.
 */
export function decodeText(bytes: Uint8Array): { text: string; invalidUtf8: boolean } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Pure ASCII (most source files): the same text as UTF-8 decoding gives,
  // copied byte for byte into a one-byte string without the UTF-8 state machine.
  if (isAscii(buf)) return { text: buf.toString("latin1"), invalidUtf8: false };
  // Validity on the bytes (simdutf): on the corpus's 35 UTF-8 files over 1 MB, 9 ms
  // against 15 ms for a search of U+FFFD in the decoded text, which one of them holds.
  const valid = isUtf8(buf);
  if (valid && buf.length < TRANSCODE_MAX_BYTES) {
    const text = transcodeUtf8(buf);
    if (text !== undefined) return { text, invalidUtf8: false };
  }
  // Not UTF-8: a legacy single-byte encoding, what Windows editors and older tools save (Windows-1252,
  // ISO-8859-1: `Kennwort=…` under `; Zugangsdaten für …`, `Schlüssel=…`, `MotDePasse=` beside `é`).
  // Read byte for byte as Latin-1, names keep their letters (`Schlüssel`, where UTF-8 decoding made
  // `Schl\uFFFDssel`) and a column is a byte of the file.
  if (!valid) return { text: buf.toString("latin1"), invalidUtf8: true };
  return { text: decoder.decode(buf), invalidUtf8: false };
}

/**
 * Up to this size, valid UTF-8 is decoded by ICU into UTF-16 bytes and copied
 * into a string (transcodeUtf8). Measured on the 2,547 non-ASCII text files
 * of the benchmark corpus under 1 MB (83 MB), decoding alone, alternated:
 * TextDecoder 251/279 ms CPU, this 200/209 ms (V8's UTF-8 decoder goes byte
 * by byte through its state machine once a first non-ASCII byte is seen,
 * even when 98% of the bytes are ASCII, as in these files). Over ~1M
 * characters Node makes the string an external one
 * (EXTERN_APEX in src/string_bytes.cc): the transcoded buffer and that string
 * are garbage freed late (V8 collects after ~64 MB of external memory), and a
 * scan's peak RSS rose by 30-60 MB: larger files keep TextDecoder
 * (docs/benchmarks.md, session 6, bytes).
 */
const TRANSCODE_MAX_BYTES = 1_000_000;

/** Valid UTF-8 → the same string TextDecoder gives; undefined when Node was built without ICU. */
function transcodeUtf8(buf: Buffer): string | undefined {
  try {
    return transcode(buf, "utf8", "utf16le").toString("utf16le");
  } catch {
    return undefined;
  }
}
