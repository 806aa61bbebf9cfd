import { test } from "node:test";
import assert from "node:assert/strict";
import { addDependency } from "./package-json.js";

test("adds the dependency keeping a tab indent, sorted, with the final newline", () => {
  const before = '{\n\t"name": "shop",\n\t"dependencies": {\n\t\t"zod": "3.0.0",\n\t\t"express": "4.0.0"\n\t}\n}\n';
  const { content, changed } = addDependency(before, "vaultshift", "^0.1.0");
  assert.equal(changed, true);
  assert.equal(content, '{\n\t"name": "shop",\n\t"dependencies": {\n\t\t"express": "4.0.0",\n\t\t"vaultshift": "^0.1.0",\n\t\t"zod": "3.0.0"\n\t}\n}\n');
});

test("keeps CRLF, four-space indent and a missing final newline; creates dependencies before devDependencies", () => {
  const before = '{\r\n    "name": "x",\r\n    "devDependencies": {\r\n        "typescript": "5.0.0"\r\n    }\r\n}';
  const { content } = addDependency(before, "vaultshift", "^1.2.3");
  assert.equal(content, '{\r\n    "name": "x",\r\n    "dependencies": {\r\n        "vaultshift": "^1.2.3"\r\n    },\r\n    "devDependencies": {\r\n        "typescript": "5.0.0"\r\n    }\r\n}');
});

test("an existing dependency is left exactly as it is", () => {
  const before = '{"dependencies":{"vaultshift":"file:../vaultshift"}}';
  assert.deepEqual(addDependency(before, "vaultshift", "^0.1.0"), { content: before, changed: false });
});
