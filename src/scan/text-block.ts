import { fileInfo, type FileInfo } from "./file-kind.js";
import { detectGeneric, type GenericHit } from "./generic-detector.js";

// A multi-line string literal holding a configuration file: Java's text blocks (JEP 378), Kotlin's and
// Scala's raw strings, C#'s raw string literals (C# 11), Python's triple-quoted strings, all `"""…"""`
// (Python's also `'''…'''`). Code keeps `application.properties` lines, YAML or an INI section in one
// (`LEGACY_CONFIG = """\n  gateway.password=…\n  """`), and the code reader reads `name = "value"`, not
// the unquoted `name=value` lines of such a block. The block's content is read as a configuration
// file, in place (positions are the file's). Only a block used as a value (after `=`, `(`, `,`, `:`,
// `return`) and opening its own line is read: a docstring stands alone, and holds prose and examples.

const DELIMITERS = ['"""', "'''"];
/** Content read per block: a block larger than this is data, not a configuration. */
const MAX_BLOCK = 64 * 1024;
const VALUE_BEFORE = /(?:[=(,:]|\breturn)[ \t]*(?:[rRbBuUfF]{1,2}|\$+|@)?$/;
const BLOCK_INFO = fileInfo("text-block.properties");
const SEALED = /^[ \t]*kind:[ \t]*SealedSecret[ \t]*$/im;

export function mayHoldTextBlock(text: string): boolean {
  return text.includes('"""') || text.includes("'''");
}

/** Secrets in the configuration lines of multi-line string literals used as values. */
export function detectTextBlocks(text: string, info: FileInfo): GenericHit[] {
  const hits: GenericHit[] = [];
  const blockInfo: FileInfo = { ...BLOCK_INFO, testPath: info.testPath };
  for (const d of DELIMITERS) {
    for (let at = text.indexOf(d); at !== -1; at = text.indexOf(d, at + 3)) {
      // The content starts on the next line: only white space after the opening delimiter.
      let i = at + 3;
      while (text[i] === d[0]) i++;
      while (text[i] === " " || text[i] === "\t") i++;
      if (text[i] === "\r") i++;
      if (text[i] !== "\n") continue;
      const lineStart = text.lastIndexOf("\n", at - 1) + 1;
      if (!VALUE_BEFORE.test(text.slice(Math.max(lineStart, at - 80), at))) continue;
      const close = text.indexOf(d, i + 1);
      if (close === -1) break;
      const contentStart = i + 1;
      const content = close - contentStart <= MAX_BLOCK ? text.slice(contentStart, close) : "";
      // A Sealed Secrets manifest holds ciphertext under secret-ish keys, as the engine says of such files.
      if (content !== "" && !SEALED.test(content)) {
        for (const h of detectGeneric(content, blockInfo)) {
          hits.push({ ...h, start: contentStart + h.start, end: contentStart + h.end, reason: `${h.reason}, in a multi-line string literal read as configuration` });
        }
      }
      at = close;
    }
  }
  return hits;
}
