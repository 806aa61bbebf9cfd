import { test } from "node:test";
import assert from "node:assert/strict";
import { mappingsRanges } from "./source-map.js";

const VLQ = "AAAA,SAASA,EAAE;AACA,GAAG,EAAEC;".repeat(4);

test("mappingsRanges: the value of every mappings member (index maps have one per section)", () => {
  const text = `{"version":3,"mappings" : "${VLQ}","sections":[{"map":{"mappings":\n"${VLQ}+/"}}]}`;
  const ranges = mappingsRanges(text);
  assert.equal(ranges.length, 2);
  assert.deepEqual(ranges.map(([s, e]) => text.slice(s, e)), [VLQ, `${VLQ}+/`]);
});

test("mappingsRanges: values with other characters, short ones and other keys are not listed", () => {
  for (const text of [
    `{"mappings":"${VLQ}\\"x${VLQ}"}`, // an escape: not a VLQ string
    `{"mappings":"${VLQ}\n${VLQ}"}`,
    `{"mappings":"AAAA;AACA"}`,
    `{"sourcesContent":["var mappings = '${VLQ}';"]}`,
    `{"mappings":"${VLQ}`, // no closing quote
  ]) {
    assert.deepEqual(mappingsRanges(text), [], text.slice(0, 40));
  }
});
