import type { EnvReference, RawFinding, Rule } from "./types.js";

// The in-memory core of the scanner (owned by the engine work): one text in,
// raw findings out. It never touches the file system, so the same function
// serves the working tree, staged blobs, history and stdin, in workers or not.

export interface EngineOptions {
  /** Rules to run; default: every rule in rules/. */
  rules?: Rule[];
  /** Only run these rule ids / skip these (from config). */
  enableRules?: string[];
  disableRules?: string[];
}

export interface TextInput {
  /** The text (already decoded; a BOM, if any, is kept so columns match the file). */
  text: string;
  /** Path relative to the scan root with `/` separators: decides .env / JS / other handling. */
  file: string;
}

export interface EngineResult {
  findings: RawFinding[];
  /** Environment reads in JS/TS files (empty for other files). */
  envReferences: EnvReference[];
}

export function scanText(input: TextInput, options: EngineOptions = {}): EngineResult {
  void input;
  void options;
  return { findings: [], envReferences: [] };
}
