import { test } from "node:test";
import assert from "node:assert/strict";
import { quotesUnescaped } from "./entity-quotes.js";
import { scanText } from "./engine.js";

const token = ["Qm9vX2lkX3Rva2Vu", "XzEyMzQ1Njc4OTBhYmNkZWY"].join("");

test("each &quot; becomes a quote padded to the same length, the blanks away from the word it delimits", () => {
  const text = '<tag value="{&quot;access_token&quot;:&quot;abc&quot;,&quot;n&quot;:1}"/>';
  const out = quotesUnescaped(text);
  assert.equal(out.length, text.length);
  assert.equal(out, '<tag value="{     "access_token"     :     "abc"     ,     "n"     :1}"/>');
});

test("a token in &quot;-escaped JSON inside an XML attribute is found, at its place in the file (JOSM preferences)", () => {
  const text = `<preferences>\n  <tag key="oauth.access-token.parameters" value="{&quot;access_token&quot;:&quot;${token}&quot;,&quot;token_type&quot;:&quot;bearer&quot;}"/>\n</preferences>\n`;
  const found = scanText({ text, file: "josm/preferences.xml" }).findings;
  assert.equal(found.length, 1);
  assert.equal(found[0]!.secret, token);
  assert.equal(text.slice(found[0]!.start, found[0]!.end), token);
});

test("placeholders and references in &quot;-escaped JSON stay out, and plain XML is read as before", () => {
  for (const v of ["YOUR_API_KEY", "${API_KEY}", "&lt;token&gt;"]) {
    const text = `<div data-config="{&quot;apiKey&quot;:&quot;${v}&quot;}"></div>\n`;
    assert.deepEqual(scanText({ text, file: "site/index.html" }).findings, [], v);
  }
  const text = `<tag key="theme" value="{&quot;name&quot;:&quot;${token}&quot;}"/>\n`;
  assert.deepEqual(scanText({ text, file: "josm/preferences.xml" }).findings, [], "a name that says nothing");
});
