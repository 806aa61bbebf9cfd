/**
 * The words decoded-literals.ts waits for, found by the engine's keyword pass (rule-set.ts
 * ENGINE_KEYWORDS, case-folded) instead of by a search of each text of its own.
 *
 * DECODER_CALL_MARKS: a piece of every decoder name its CALL expression knows (`decode` of b64decode,
 * base64Decode, getDecoder().decode, DecodeString, decodeHex…). CALL opens with `\b` and an
 * alternation, which irregexp tries at every position of a text (2.2 s of CPU on the benchmark
 * corpus); the pass records where these words are (ENGINE_POSITION_KEYWORDS) and CALL runs in a
 * window around each.
 */
export const DECODER_CALL_MARKS = ["decode", "atob", "frombase64string", "base64encoded", "fromhex", "unhexlify", "hex2bin", "hexbinary", "hextobytes"];

/** The other forms' literals: `Buffer.from(…, "base64")`, `["…"].pack("H*")`, `| base64 -d`, `"Basic …"`. */
export const DECODED_FORM_MARKS = ["buffer.from(", ".pack(", "base64", "basic"];
