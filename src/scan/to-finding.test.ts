import { test } from "node:test";
import assert from "node:assert/strict";
import { toFinding } from "./to-finding.js";
import { scanText } from "./engine.js";
import { fingerprint } from "../util/fingerprint.js";

// Canary secrets: distinctive values planted in every syntax; whatever leaves
// the scanner (Finding JSON) must not contain any of them, nor a long piece of one.
const CANARIES = [
  "CANARY_pw_" + "9fK2mQ7xL4vR8tZ1",
  "CANARY_tok_" + "Hq3Wn6Yp0Ls5Dj2Gk8",
  "CANARY_url_" + "Zt4Vb7Nc1Mx9",
  "CANARY_k8s_" + "Rf5Tg8Yh2Uj6",
];

function texts(): Array<{ file: string; text: string }> {
  const [pw, tok, url, k8s] = CANARIES as [string, string, string, string];
  return [
    { file: ".env", text: `DB_PASSWORD=${pw}\nNEXT_PUBLIC_TOKEN=${tok}\nDATABASE_URL=postgres://app:${url}@db:5432/app\n` },
    { file: "config.yml", text: `password: ${pw}\nauth_token: "${tok}"\n` },
    { file: "src/app.ts", text: `const apiToken = "${tok}";\nconst db = process.env.DB_URL ?? "mysql://root:${url}@h/x";\nfetch(u, { headers: { Authorization: "Bearer ${tok}" } });\n` },
    { file: "k8s/secret.yaml", text: `kind: Secret\ndata:\n  password: ${Buffer.from(k8s).toString("base64")}\n` },
    { file: "run.sh", text: `mysql --password=${pw} db\ncurl -u admin:${pw} https://x\n` },
  ];
}

test("toFinding: fingerprint, redacted label, no secret or offsets", () => {
  const { findings } = scanText({ text: `DB_PASSWORD=${CANARIES[0]}\n`, file: ".env" });
  const raw = findings[0]!;
  const f = toFinding(raw, "salt-1");
  assert.equal(f.fingerprint, fingerprint("salt-1", raw.ruleId, raw.file, CANARIES[0]!));
  assert.notEqual(f.fingerprint, toFinding(raw, "salt-2").fingerprint);
  assert.equal(f.redacted, `CANA…(${CANARIES[0]!.length} chars)`);
  assert.equal(f.name, "DB_PASSWORD");
  assert.ok(!("secret" in f) && !("start" in f) && !("end" in f));
  assert.deepEqual([f.line, f.column], [1, 13]);
});

test("canaries: every planted secret is found, and no Finding JSON contains one", () => {
  let total = 0;
  for (const { file, text } of texts()) {
    const { findings } = scanText({ text, file });
    assert.ok(findings.length > 0, `${file}: the canaries should be found`);
    total += findings.length;
    const json = JSON.stringify(findings.map((r) => toFinding(r, "salt")));
    for (const c of CANARIES) {
      assert.ok(!json.includes(c), `${file}: output contains a canary`);
      assert.ok(!json.includes(c.slice(8)), `${file}: output contains the random part of a canary`);
      assert.ok(!json.includes(Buffer.from(c).toString("base64")), `${file}: output contains an encoded canary`);
    }
  }
  assert.ok(total >= 10, `expected at least 10 findings, got ${total}`);
});
