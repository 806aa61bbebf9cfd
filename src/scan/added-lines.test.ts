import { test } from "node:test";
import assert from "node:assert/strict";
import { AddedLines, binaryNewPath, type AddedText } from "./added-lines.js";
import { PathFilter } from "./path-filter.js";
import type { SkipReason } from "./file-scan.js";

// The parser of `git log -p -U0 --format=%x00%H` output, on hand-written
// patches: what each commit added, at its line numbers, however git's output
// is cut into reads.

const C1 = "1".repeat(40);
const C2 = "2".repeat(40);
const C3 = "3".repeat(40);

const PATCH = [
  `\0${C1}`,
  "",
  "diff --git a/a.txt b/a.txt",
  "new file mode 100644",
  "index 0000000..1111111",
  "--- /dev/null",
  "+++ b/a.txt",
  "@@ -0,0 +1,2 @@",
  "+first",
  "+café = FAKE\r",
  "diff --git a/with space.txt b/with space.txt",
  "--- /dev/null",
  "+++ b/with space.txt\t",
  "@@ -0,0 +1 @@",
  "++++ b/not-a-header",
  "\\ No newline at end of file",
  "diff --git a/yarn.lock b/yarn.lock",
  "--- /dev/null",
  "+++ b/yarn.lock",
  "@@ -0,0 +1 @@",
  "+lock",
  "diff --git a/img.png b/img.png",
  "Binary files /dev/null and b/img.png differ",
  `\0${C2}`,
  "",
  "diff --git a/a.txt b/a.txt",
  "--- a/a.txt",
  "+++ b/a.txt",
  "@@ -1 +0,0 @@",
  "-first",
  "@@ -3,0 +4,2 @@",
  "+fourth",
  "+fifth",
  "@@ -9 +10 @@",
  "-old tenth",
  "+tenth",
  "diff --git a/gone.txt b/gone.txt",
  "--- a/gone.txt",
  "+++ /dev/null",
  "@@ -1 +0,0 @@",
  "-bye",
  "diff --git a/again.txt b/again.txt",
  "--- /dev/null",
  "+++ b/again.txt",
  "@@ -0,0 +1 @@",
  "++++ b/x",
  // a merge (--cc): "++" lines are in neither parent; " +" came from the first parent
  `\0${C3}`,
  "",
  "diff --cc settings.js",
  "index 1a5d55d,3a1acda..fc06406",
  "--- a/settings.js",
  "+++ b/settings.js",
  '@@@ -2,1 -2,1 +2,3 @@@ module.exports = {',
  '-   mode: "main",',
  ' -  mode: "side",',
  '++  mode: "merged",',
  " +  side: true,",
  "++  token: FAKE",
  // an octopus merge's file: three columns
  "diff --cc three.txt",
  "--- a/three.txt",
  "+++ b/three.txt",
  "@@@@ -1 -1 -1 +1,2 @@@@",
  "+++resolved",
  "  +from the third parent",
  "",
].join("\n");

function parse(chunks: Buffer[], maxFileSize = Infinity) {
  const texts: AddedText[] = [];
  const skipped: SkipReason[] = [];
  const notes: string[] = [];
  const p = new AddedLines(new PathFilter({}), maxFileSize, {
    text: (t) => (texts.push(t), false),
    skipped: (r) => skipped.push(r),
    note: (n) => notes.push(n),
  });
  for (const c of chunks) assert.equal(p.push(c), false);
  p.end();
  return { texts, skipped, notes, commits: p.commits };
}

const EXPECTED: AddedText[] = [
  { path: "a.txt", text: "first\ncafé = FAKE\r", commit: C1, lines: [1, 2] },
  { path: "with space.txt", text: "+++ b/not-a-header", commit: C1, lines: [1] },
  { path: "a.txt", text: "\n\n\nfourth\nfifth\n\n\n\n\ntenth", commit: C2, lines: [4, 5, 10] },
  { path: "again.txt", text: "+++ b/x", commit: C2, lines: [1] },
  { path: "settings.js", text: '\n  mode: "merged",\n\n  token: FAKE', commit: C3, lines: [2, 4] },
  { path: "three.txt", text: "resolved", commit: C3, lines: [1] },
];

test("added lines of each commit and file, at their own line numbers", () => {
  const r = parse([Buffer.from(PATCH)]);
  assert.deepEqual(r.texts, EXPECTED);
  assert.deepEqual(r.skipped, ["lockfile", "binary"]);
  assert.equal(r.commits, 3);
});

test("the result does not depend on where git's output is cut (every split point, and byte by byte)", () => {
  const bytes = Buffer.from(PATCH);
  for (let cut = 1; cut < bytes.length; cut++) {
    assert.deepEqual(parse([bytes.subarray(0, cut), bytes.subarray(cut)]).texts, EXPECTED, `cut at ${cut}`);
  }
  const single = [...bytes].map((b) => Buffer.from([b]));
  assert.deepEqual(parse(single).texts, EXPECTED);
});

test("the same added content in the same path is handed on once; in another path, or another content of the same length, it is new", () => {
  const commit = (id: string, path: string, line: string) => [`\0${id.repeat(40)}`, "", `diff --git a/${path} b/${path}`, "--- /dev/null", `+++ b/${path}`, "@@ -0,0 +1 @@", `+${line}`].join("\n");
  const patch = [commit("1", "x.txt", "k=v"), commit("2", "x.txt", "k=v"), commit("3", "y.txt", "k=v"), commit("4", "x.txt", "k=w"), commit("5", "x.txt", "k=w"), commit("6", "x.txt", "k=v"), ""].join("\n");
  const texts = parse([Buffer.from(patch)]).texts;
  assert.deepEqual(
    texts.map((t) => `${t.commit[0]}:${t.path}`),
    ["1:x.txt", "3:y.txt", "4:x.txt"],
  );
  // y.txt's text is x.txt's of commit 1: handed on, saying so (dropCopied keeps only what it adds).
  assert.deepEqual(texts.map((t) => t.copyOf), [undefined, { path: "x.txt", commit: "1".repeat(40) }, undefined]);
});

test("maxFileSize counts the decoded characters of the added text, gaps included", () => {
  // Line 3: 2 newlines + 3 characters = 5 characters, 7 bytes (é and ü are 2 bytes each).
  const patch = Buffer.from([`\0${C1}`, "", "diff --git a/f b/f", "--- /dev/null", "+++ b/f", "@@ -0,0 +3 @@", "+éü!", ""].join("\n"));
  assert.equal(parse([patch], 5).texts[0]?.text, "\n\néü!");
  const over = parse([patch], 4);
  assert.deepEqual(over.texts, []);
  assert.deepEqual(over.skipped, ["too-large"]);
  assert.deepEqual(over.notes, [`f: lines added by ${C1.slice(0, 12)} exceed maxFileSize (4 bytes), skipped`]);
  // Far over the limit: collection stops early, the verdict is the same.
  const huge = Buffer.from([`\0${C1}`, "", "diff --git a/f b/f", "--- /dev/null", "+++ b/f", "@@ -0,0 +1,2 @@", `+${"z".repeat(100)}`, "+more", ""].join("\n"));
  assert.deepEqual(parse([huge], 10).skipped, ["too-large"]);
});

test("a text event that asks to stop ends parsing right after that line; resume() goes on from there", () => {
  const events: string[] = [];
  const p = new AddedLines(new PathFilter({}), Infinity, { text: (t) => (events.push(t.path), true), skipped: (r) => events.push(r), note: () => undefined });
  assert.equal(p.push(Buffer.from(PATCH)), true);
  // a.txt ends at the next "diff --git": nothing after that line is parsed yet.
  assert.deepEqual(events, ["a.txt"]);
  const resumed: boolean[] = [];
  for (let r = p.resume(); ; r = p.resume()) {
    resumed.push(r);
    if (!r) break;
  }
  assert.deepEqual(resumed, [true, true, true, true, false]);
  p.end();
  assert.deepEqual(events, ["a.txt", "with space.txt", "lockfile", "binary", "a.txt", "again.txt", "settings.js", "three.txt"]);
});

test("invalid UTF-8 and a character split between two reads decode as one stream would", () => {
  const head = Buffer.from([`\0${C1}`, "", "diff --git a/f b/f", "--- /dev/null", "+++ b/f", "@@ -0,0 +1,2 @@", "+caf"].join("\n"));
  const body = Buffer.concat([head, Buffer.from([0xc3, 0xa9, 0x20, 0xff, 0x0a]), Buffer.from("+x\n")]);
  const want = "café \ufffd\nx";
  assert.equal(parse([body]).texts[0]?.text, want);
  const split = head.length + 1; // between the two bytes of é
  assert.equal(parse([body.subarray(0, split), body.subarray(split)]).texts[0]?.text, want);
});

test("a hunk's count bounds its added lines: a '+' line past it is read as a header, as git never writes one", () => {
  // Runs of added lines are taken whole when the next line is known (one regex
  // search); more "+" lines than the hunk announced fall back to the line walk.
  const patch = [`\0${C1}`, "", "diff --git a/f b/f", "--- /dev/null", "+++ b/f", "@@ -0,0 +1,2 @@", "+one", "+two", "+three", "@@ -9 +9,2 @@", "-x", "+nine", "+ten", ""].join("\n");
  const bytes = Buffer.from(patch);
  const want = [{ path: "f", text: "one\ntwo\n\n\n\n\n\n\nnine\nten", commit: C1, lines: [1, 2, 9, 10] }];
  assert.deepEqual(parse([bytes]).texts, want);
  for (let cut = 1; cut < bytes.length; cut++) assert.deepEqual(parse([bytes.subarray(0, cut), bytes.subarray(cut)]).texts, want, `cut at ${cut}`);
});

test("binaryNewPath: the new side of git's \"Binary files … differ\", whatever the name holds", () => {
  assert.equal(binaryNewPath("Binary files a/app.cfg and b/app.cfg differ"), "app.cfg");
  assert.equal(binaryNewPath("Binary files /dev/null and b/keys/deploy.key differ"), "keys/deploy.key");
  assert.equal(binaryNewPath("Binary files a/cats and dogs.cfg and b/cats and dogs.cfg differ"), "cats and dogs.cfg");
  assert.equal(binaryNewPath('Binary files "a/caf\\303\\251.cfg" and "b/caf\\303\\251.cfg" differ'), "café.cfg");
  assert.equal(binaryNewPath("Binary files a/old.cfg and b/new.cfg differ"), "new.cfg");
  assert.equal(binaryNewPath("Binary files a/gone.cfg and /dev/null differ"), undefined);
  assert.equal(binaryNewPath("Binary file x matches"), undefined);
});
