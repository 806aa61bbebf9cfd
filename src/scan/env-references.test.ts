import { test } from "node:test";
import assert from "node:assert/strict";
import { lexicalEnvReferences } from "./env-references.js";
import { allRules, compileRuleSet, scanKeywords } from "./rule-set.js";

// The reads are found at each occurrence of `process.env` / `import.meta.env`
// (indexOf) with a sticky regex. Reference: the global scan with a leading
// `\b` it replaced, which tries every offset of the text.
const GLOBAL_READ = /\b(process\.env|import\.meta\.env)(?:\.([A-Za-z_$][\w$]*)|\[[ \t]*(?:(["'`])([^"'`\n\]]*)\3|([^\]\n]{1,200}))[ \t]*\])?/g;

function reference(text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (const m of text.matchAll(GLOBAL_READ)) {
    if (m[2] === undefined && m[4] === undefined && m[5] === undefined) continue; // `process.env` alone
    out.push([m.index!, m[0]]);
  }
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

test("lexical env reads: the same reads, at the same positions, as a global scan", () => {
  const texts = [
    "const a = process.env.A;\nconst b = import.meta.env.VITE_B;\n",
    "x(process.env[process.env.KEY_NAME]);\nprocess.env['Q'] + process.env[`R`]",
    "xprocess.env.NOT; $process.env.YES; _process.env.NO; 9process.env.NO; éprocess.env.YES",
    "import.meta.env\nimport.meta.env.X process.env.Y import.meta.envZ process.envX.W",
    "process.env[ dynamic ]; process.env[\n].X; process.env.",
    `${"a\n".repeat(50)}process.env.LATE ?? "fallback-value"; process.env.A || 'x'`,
  ];
  for (const text of texts) {
    const got = lexicalEnvReferences(text, "app.js", false).envReferences;
    // Given the engine's keyword pass, which says which of the two literals occur: the same reads.
    assert.deepEqual(lexicalEnvReferences(text, "app.js", false, scanKeywords(compileRuleSet(allRules), text)), lexicalEnvReferences(text, "app.js", false), JSON.stringify(text));
    // Given the pass's offsets of the two literals as well (read instead of searching the text): the same reads.
    const offsets = new Map<string, readonly number[] | null>();
    const found = scanKeywords(compileRuleSet(allRules), text, [], undefined, offsets);
    assert.deepEqual(lexicalEnvReferences(text, "app.js", false, found, undefined, offsets), lexicalEnvReferences(text, "app.js", false), JSON.stringify(text));
    const want = reference(text);
    const starts = lineStarts(text);
    assert.equal(got.length, want.length, JSON.stringify(text));
    want.forEach(([at], i) => {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1]! <= at) line++;
      assert.deepEqual([got[i]!.line, got[i]!.column], [line + 1, at - starts[line]! + 1], `${JSON.stringify(text)} read ${i}`);
    });
  }
  const names = lexicalEnvReferences(texts[1]!, "app.js", false).envReferences.map((r) => [r.name, r.form]);
  assert.deepEqual(names, [[null, "dynamic"], ["Q", "computed"], ["R", "computed"]]);
});
