import { test } from "node:test";
import assert from "node:assert/strict";
import { detectTextBlocks, mayHoldTextBlock } from "./text-block.js";
import { scanText } from "./engine.js";
import { fileInfo } from "./file-kind.js";
import { fake, ALNUM } from "../../rules/fake.js";

// Built at run time so that scanning this repository stays clean.
const password = `${fake(ALNUM, 8, "text-block-pw")}.${fake(ALNUM, 6, "text-block-pw2")}$`;
const token = fake(ALNUM, 32, "text-block-token");

test("a Java text block holding properties: each line is read as configuration, at its place in the file", () => {
  const text = [
    "final class PspClients {",
    '    static final String LEGACY_GATEWAY_CONFIG = """',
    "        gateway.url=https://pay.legacy-gw.example",
    "        gateway.user=acme",
    `        gateway.password=${password}`,
    '        """;',
    "}",
    "",
  ].join("\n");
  const hits = detectTextBlocks(text, fileInfo("src/main/java/PspClients.java"));
  assert.deepEqual(hits.map((h) => [h.name, h.secret]), [["gateway.password", password]]);
  assert.equal(text.slice(hits[0]!.start, hits[0]!.end), password);
  assert.deepEqual(scanText({ file: "src/main/java/PspClients.java", text }).findings.map((f) => [f.line, f.secret]), [[5, password]]);
});

test("Kotlin raw strings, C# raw string literals and Python triple-quoted values are read the same way", () => {
  const cases: Array<[string, string]> = [
    ["Config.kt", `val yaml = """\n    auth:\n      token: ${token}\n""".trimIndent()\n`],
    ["Seed.cs", `var ini = """\n    [smtp]\n    password = ${password}\n    """;\n`],
    ["settings.py", `DEFAULT_CONF = textwrap.dedent('''\n    [client]\n    api_token = ${token}\n''')\n`],
  ];
  for (const [file, text] of cases) {
    assert.deepEqual(detectTextBlocks(text, fileInfo(file)).map((h) => h.secret), [text.includes(token) ? token : password], file);
  }
});

test("docstrings, prose and placeholders in a block are not secrets; one-line strings are not blocks", () => {
  const cases: Array<[string, string]> = [
    ["client.py", `def connect(password):\n    """\n    password=${password}\n    Connects with the given password.\n    """\n`],
    ["Doc.java", `String help = """\n    Set password=<your password> in application.properties.\n    token: \${TOKEN}\n    """;\n`],
    ["a.py", `x = """password=${password}"""\n`],
    ["k8s.py", `SEALED = """\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    password: Ag${token}${token}\n"""\n`],
  ];
  for (const [file, text] of cases) assert.deepEqual(detectTextBlocks(text, fileInfo(file)), [], file);
  assert.equal(mayHoldTextBlock(`const s = "a";\n`), false);
});
