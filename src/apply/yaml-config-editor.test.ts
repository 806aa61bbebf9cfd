import { test } from "node:test";
import assert from "node:assert/strict";
import { addYamlEnvMappings, editYamlText } from "./yaml-config-editor.js";
import { editConfigText, addEnvMappings } from "./config-file-editor.js";

const C1 = "CANARYyamlEdPw4Lk8Mn2"; // vaultshift:allow
const C2 = "CANARYyamlEdPw9Qa3Ws7"; // vaultshift:allow

test("YAML: removing a member deletes only its lines (a comment on its line with it); comments, quoting, flow maps and lists elsewhere stay", () => {
  const text = `# top\ndb:\n  host: localhost\n  password: ${C1}   # dev only\n  pool: { min: 1, max: 5 }\nmail:\n  # the relay\n  pass: '${C2}'\n  from: "a <b@c>"\nlist:\n  - x\n`;
  const out = editYamlText(text, "config/default.yml", [
    { keyPath: ["db", "password"], how: "remove", envName: "DB_PASSWORD" },
    { keyPath: ["mail", "pass"], how: "remove", envName: "MAIL_PASS" },
  ]);
  assert.equal(out, `# top\ndb:\n  host: localhost\n  pool: { min: 1, max: 5 }\nmail:\n  # the relay\n  from: "a <b@c>"\nlist:\n  - x\n`);
});

test("YAML: a map left empty becomes {} (not null, which would override a whole section); CRLF kept", () => {
  const text = `db:  # the database\r\n  password: "${C1}"\r\nport: 3000\r\n`;
  assert.equal(editYamlText(text, "config/production.yaml", [{ keyPath: ["db", "password"], how: "remove", envName: "DB_PASSWORD" }]), `db: {}  # the database\r\nport: 3000\r\n`);
});

test("YAML: substituting replaces only the value's bytes, whatever its quoting", () => {
  const text = `smtp:\n  password: ${C1}  # app password\n  token: '${C2}'\n`;
  const out = editYamlText(text, "config.yml", [
    { keyPath: ["smtp", "password"], how: "substitute", envName: "SMTP_PASSWORD" },
    { keyPath: ["smtp", "token"], how: "substitute", envName: "SMTP_TOKEN" },
  ]);
  assert.equal(out, 'smtp:\n  password: "${SMTP_PASSWORD}"  # app password\n  token: "${SMTP_TOKEN}"\n');
});

test("YAML: what cannot change alone is refused without the value in the message (flow map member, anchor, block scalar substitution, a missing member, two documents)", () => {
  const cases: [string, string[], "remove" | "substitute", RegExp][] = [
    [`db: { password: ${C1} }\n`, ["db", "password"], "remove", /flow mapping/],
    [`a: &x ${C1}\nb: *x\n`, ["a"], "remove", /alias, an anchor/],
    [`key: |\n  ${C1}\n`, ["key"], "substitute", /block scalar/],
    [`db:\n  user: u\n`, ["db", "password"], "remove", /has no member db\.password/],
    [`a: ${C1}\n---\nb: 1\n`, ["a"], "remove", /more than one YAML document/],
  ];
  for (const [text, keyPath, how, reason] of cases) {
    assert.throws(
      () => editYamlText(text, "c.yml", [{ keyPath, how, envName: "X" }]),
      (e: Error) => reason.test(e.message) && !e.message.includes(C1),
      text.replace(C1, "…"),
    );
  }
});

test("YAML mappings: added below the deepest existing block map at its members' indentation, or at the end; comments kept; a new file", () => {
  const text = "# mappings\nport: PORT\nmail:\n    auth:\n        user: MAIL_USER\n";
  assert.equal(
    addYamlEnvMappings(text, [
      { keyPath: ["mail", "auth", "pass"], envName: "MAIL_AUTH_PASS" },
      { keyPath: ["db", "password"], envName: "DB_PASSWORD" },
    ], "config/custom-environment-variables.yml"),
    "# mappings\nport: PORT\nmail:\n    auth:\n        user: MAIL_USER\n        pass: MAIL_AUTH_PASS\ndb:\n    password: DB_PASSWORD\n",
  );
  assert.equal(addYamlEnvMappings(null, [{ keyPath: ["a", "b"], envName: "NO" }], "x.yml"), 'a:\n  b: "NO"\n');
  // Through the dispatching entry points, by the file's name.
  assert.equal(addEnvMappings("a: A\n", [{ keyPath: ["b"], envName: "B" }], "  ", "config/custom-environment-variables.yaml"), "a: A\nb: B\n");
  assert.equal(editConfigText(`k: ${C1}\nn: 1\n`, "config/default.yaml", [{ keyPath: ["k"], how: "remove", envName: "K" }]), "n: 1\n");
});

test("JSONC: a member on its own lines goes with its line's comment; other comments and trailing commas stay; the last member takes the comma before it", () => {
  const text = `// defaults\n{\n  "port": 1, // the port\n  /* session */\n  "session": {\n    "secret": "${C1}", // signs\n    "hours": 12,\n  },\n  "gh": {\n    "id": "x",\n    "secret": "${C2}" /* app */\n  }\n}\n`;
  const out = editConfigText(text, "config/default.json", [
    { keyPath: ["session", "secret"], how: "remove", envName: "SESSION_SECRET" },
    { keyPath: ["gh", "secret"], how: "remove", envName: "GH_SECRET" },
  ]);
  assert.equal(out, `// defaults\n{\n  "port": 1, // the port\n  /* session */\n  "session": {\n    "hours": 12,\n  },\n  "gh": {\n    "id": "x"\n  }\n}\n`);
  // A mapping added after a commented last member: the comma after the value, the comment kept on its line.
  assert.equal(addEnvMappings('{\n  "port": "PORT" // http\n}\n', [{ keyPath: ["db"], envName: "DB" }]), '{\n  "port": "PORT", // http\n  "db": "DB"\n}\n');
});
