import { test } from "node:test";
import assert from "node:assert/strict";
import { extractSamples, parseCurl } from "./doc-samples.js";

// The extractor of the API pages' sample blocks (doc-samples.ts), on text
// shaped like the pages, including their slips: a missing backslash, `-d` on a
// GET, trailing commas and elided list items in JSON.

const FENCE = "```";

test("parseCurl: headers, method, inline or file data, the path after /v1/, and lines that lost their backslash", () => {
  const [r] = parseCurl(`$ curl \\\n    --header "X-Vault-Token: ..." \\\n    --header "Content-Type: application/merge-patch+json"\n    --request PATCH \\\n    --data @payload.json \\\n    https://127.0.0.1:8200/v1/secret/data/my-secret\n`);
  assert.deepEqual(r, { method: "PATCH", path: "secret/data/my-secret", headers: { "X-Vault-Token": "...", "Content-Type": "application/merge-patch+json" }, data: "@payload.json" });
  const [g] = parseCurl(`$ curl \\\n    -X GET \\\n    http://127.0.0.1:8200/v1/sys/leases \\\n    -d type=irrevocable\n`);
  assert.equal(g!.method, "GET");
  assert.equal(g!.data, "type=irrevocable");
  const [p] = parseCurl(`$ curl -d '{"a": "b c"}' http://127.0.0.1:8200/v1/x/y?list=true`);
  assert.deepEqual(p, { method: "POST", path: "x/y?list=true", headers: {}, data: '{"a": "b c"}' });
  assert.deepEqual(parseCurl("$ bao read secret/foo"), []);
});

test("extractSamples: one endpoint per section with a method table, its payload, requests and response (repairing hand-edited JSON)", () => {
  const page = [
    "---",
    "description: x",
    "---",
    "# Title",
    "Intro without a table.",
    "## Read thing",
    "| Method | Path |",
    "|:--|:--|",
    "| `GET` | `/thing/:name` |",
    "### Sample request",
    `${FENCE}shell-session`,
    "$ curl --header \"X-Vault-Token: ...\" http://127.0.0.1:8200/v1/thing/a",
    FENCE,
    "### Sample response",
    `${FENCE}javascript`,
    '{ "data": { "keys": ["a", .....], "n": 1, } }',
    FENCE,
    "## Write thing",
    "| Method | Path |",
    "| `POST` | `/thing/:name` |",
    "### Sample payload",
    `${FENCE}json`,
    '{ "value": "v" }',
    FENCE,
    "### Sample request",
    `${FENCE}shell-session`,
    "$ curl --request POST --data @payload.json http://127.0.0.1:8200/v1/thing/a",
    FENCE,
    "### Sample response",
    `${FENCE}json`,
    '{ "broken": "no end }',
    FENCE,
  ].join("\n");
  const [read, write] = extractSamples(page, "p.mdx");
  assert.equal(read!.title, "Read thing");
  assert.deepEqual(read!.routes, [{ method: "GET", path: "/thing/:name" }]);
  assert.deepEqual(read!.response, { data: { keys: ["a"], n: 1 } });
  assert.equal(read!.requests[0]!.method, "GET");
  assert.deepEqual(write!.payload, { value: "v" });
  assert.equal(write!.requests[0]!.method, "POST");
  assert.deepEqual(write!.response, { $unparsed: '{ "broken": "no end }' });
  assert.equal(extractSamples(page, "p.mdx").length, 2);
});
