import test from "node:test";
import assert from "node:assert/strict";
import { Occurrences } from "./occurrences.js";
import { allRules, compileRuleSet, scanKeywords } from "./rule-set.js";

function searched(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) out.push(i);
  return out;
}

function walked(o: Occurrences, step: number): number[] {
  const out: number[] = [];
  for (let i = o.next(0); i !== -1; i = o.next(i + step)) out.push(i);
  return out;
}

test("occurrences from the keyword pass's offsets are the exact-case ones a search finds, in texts where the list is kept and where it overflows", () => {
  const set = compileRuleSet(allRules);
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
  const pieces = ["process.env", "PROCESS.ENV", "Process.env", "process.en", "import.meta.env", "IMPORT.META.ENV", "x", " ", "\n", ".", "pro", "cess.env", "é", "日本"];
  let overflowed = 0;
  let kept = 0;
  for (let n = 0; n < 400; n++) {
    // Short texts keep their lists; long runs of the literals overflow them (one per 256 characters).
    const count = n % 4 === 0 ? 400 + rand(400) : 1 + rand(40);
    let text = "";
    for (let i = 0; i < count; i++) text += pieces[rand(pieces.length)];
    const offsets = new Map<string, readonly number[] | null>();
    const found = scanKeywords(set, text, [], undefined, offsets);
    for (const word of ["process.env", "import.meta.env"]) {
      if (!found.has(word)) {
        assert.deepEqual(searched(text, word), [], JSON.stringify(text.slice(0, 80)));
        continue;
      }
      if (offsets.get(word) === null) overflowed++;
      else kept++;
      // Stepping past each read (the reader's `p + 11`) and stepping by one give the same list.
      assert.deepEqual(walked(new Occurrences(text, word, offsets), word.length), searched(text, word), `${word} in ${JSON.stringify(text.slice(0, 80))}`);
      assert.deepEqual(walked(new Occurrences(text, word, offsets), 1), walked(new Occurrences(text, word), 1));
    }
  }
  // Both ways were exercised.
  assert.ok(overflowed > 10 && kept > 10, `${overflowed} overflowed, ${kept} kept`);
});
