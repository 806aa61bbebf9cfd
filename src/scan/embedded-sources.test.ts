import test from "node:test";
import assert from "node:assert/strict";
import { embeddedSources, sourcePath } from "./embedded-sources.js";
import { scanText } from "./engine.js";

const CANARY = "Zk8qP2vX9mLw4RtY7nBc3JhQ";

function map(sources: Array<string | null>, contents: Array<string | null>): string {
  return JSON.stringify({ version: 3, file: "index.js", sources, sourcesContent: contents, mappings: "AAAA,SAASA;".repeat(20) });
}

test("embedded sources: each entry holding a head is decoded, with where every character came from", () => {
  // A tab, a quote and a control character: JSON.stringify writes them `\t`, `\"` and `\u0001`.
  const src = `const a = "\t\u0001";\nconst PAYMENT_SECRET = "${CANARY}";\nfoo(PAYMENT_SECRET);\n`;
  const text = map(["webpack://shop/./src/pay.ts", "../node_modules/lib/index.js", "src/quiet.ts"], [src, src, "export {};\n"]);
  const secretAt = text.indexOf("PAYMENT_SECRET");
  const found = embeddedSources(text, [secretAt, text.indexOf("PAYMENT_SECRET", text.indexOf("node_modules"))]);
  assert.equal(found.length, 1, "the dependency's copy and the entry without a head are not read");
  const [one] = found;
  assert.equal(one!.path, "src/pay.ts");
  assert.equal(one!.text, src);
  const at = src.indexOf("PAYMENT_SECRET");
  assert.equal(one!.at(at), secretAt);
  assert.equal(text[one!.at(src.indexOf("\t"))], "\\", "an escape maps to its backslash");
  assert.equal(text.slice(one!.at(src.indexOf("\u0001")), one!.at(src.indexOf("\u0001") + 1)), "\\u0001");
  assert.equal(text[one!.at(src.length)], '"', "the end maps to the closing quote");
  assert.deepEqual(embeddedSources(text, []), []);
  assert.deepEqual(embeddedSources(text, [text.indexOf("foo(PAYMENT_SECRET") + 4]), [], "a head that is read, not assigned, decodes nothing");
  assert.deepEqual(embeddedSources('{"version":3,"sources":["a.ts"],"mappings":""}', [5]), []);
});

test("embedded sources: bundler schemes and relative prefixes are dropped; dependencies are skipped", () => {
  assert.equal(sourcePath("webpack://my-app/./src/config.ts"), "src/config.ts");
  assert.equal(sourcePath("../../src/a/b.tsx"), "src/a/b.tsx");
  assert.equal(sourcePath("/home/ci/app/src/x.js"), "home/ci/app/src/x.js");
  assert.equal(sourcePath("webpack:///node_modules/react/index.js"), null);
  assert.equal(sourcePath("../vendor/x.js"), null);
});

test("a source map: a secret hard-coded in an original source is found in sourcesContent at its place in the map", () => {
  const src = `export const config = {\n  apiKey: "${CANARY}",\n};\nconst PAYMENT_SECRET = "${CANARY}x";\n`;
  const text = map(["webpack://shop/./src/config.ts"], [src]);
  const findings = scanText({ text, file: "dist/assets/index-3f9a.js.map" }).findings;
  assert.equal(findings.length, 2, JSON.stringify(findings.map((f) => f.reason)));
  for (const f of findings) {
    assert.equal(f.line, 1);
    assert.equal(text.slice(f.start, f.end), f.secret);
    assert.match(f.reason, /source map's copy of src\/config\.ts/);
  }
  assert.deepEqual(findings.map((f) => f.name), ["apiKey", "PAYMENT_SECRET"]);
});

test("a source map: code read as code stays quiet (references, endpoint paths, a dependency's source)", () => {
  const quiet = [
    "const { token } = useToken();\nconst token2 = _useToken2.token;\n",
    "export const enum Endpoint {\n  RESET_PASSWORD = '/v1/accounts:resetPassword',\n}\n",
    "const password = process.env.DB_PASSWORD;\n",
  ];
  const text = map(["src/a.ts", "src/b.ts", "src/c.ts", "node_modules/x/y.js"], [...quiet, `const API_KEY = "${CANARY}";\n`]);
  assert.deepEqual(scanText({ text, file: "lib/index.js.map" }).findings, []);
});
