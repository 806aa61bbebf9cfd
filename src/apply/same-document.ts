import { isDeepStrictEqual } from "node:util";
import { PlanError } from "../errors.js";

// The check every configuration-file edit ends with: the edited text, parsed
// again, must be exactly the document the edit meant to make, else nothing is
// written. One place for the JSON and YAML editors, the secrets they take out
// and the environment mappings they add.

export type EditKind = "secrets" | "mappings";

const SAID: Record<EditKind, { what: string; hint: string }> = {
  secrets: {
    what: "take the secrets out of",
    hint: "Remove the values by hand, or report the file's layout as a bug (no value is needed to reproduce it: its structure is).",
  },
  mappings: {
    what: "add the environment mappings to",
    hint: "Add the mappings by hand (each config path → its variable name), then plan again.",
  },
};

/** `out` when `parse(out)` is `want`; a PlanError naming `file` otherwise (also when `out` no longer parses). */
export function sameDocument(out: string, want: unknown, parse: (text: string) => unknown, file: string, kind: EditKind): string {
  let got: unknown;
  try {
    got = parse(out);
  } catch {
    got = Symbol("invalid");
  }
  if (!isDeepStrictEqual(got, want)) {
    const { what, hint } = SAID[kind];
    throw new PlanError(`vaultshift could not ${what} ${file} without changing more than them; the file is left as it is.`, { hint });
  }
  return out;
}
