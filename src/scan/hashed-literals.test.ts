import { test } from "node:test";
import assert from "node:assert/strict";
import { detectHashedLiterals } from "./hashed-literals.js";

// Passwords assembled at run time: no secret-shaped literal in this file.
const pw = ["*s^fxU", "GK-N+6", "n6!t"].join("");
const found = (text: string, testPath = false) => detectHashedLiterals(text, testPath).map((h) => text.slice(h.start, h.start + h.secret.length));

test("a literal handed to a password hasher is reported, in PHP, Python, JS, Ruby, Java, Go and C#", () => {
  const lines = [
    `$u->password = Hash::make('${pw}'); $u->save();`,
    `'password' => bcrypt('${pw}'),`,
    `$hash = password_hash('${pw}', PASSWORD_DEFAULT);`,
    `admin.set_password("${pw}")`,
    `user.password = make_password('${pw}')`,
    `generate_password_hash("${pw}")`,
    `bcrypt.hashpw(b"${pw}", bcrypt.gensalt())`,
    `const hash = await bcrypt.hash('${pw}', 10);`,
    `User.create!(email: e, password_digest: BCrypt::Password.create('${pw}'))`,
    `user.setPassword(passwordEncoder.encode("${pw}"));`,
    `hash, _ := bcrypt.GenerateFromPassword([]byte("${pw}"), bcrypt.DefaultCost)`,
    `user.PasswordHash = hasher.HashPassword(user, "${pw}");`,
  ];
  for (const l of lines) assert.deepEqual(found(l + "\n"), [pw], l);
});

test("stand-ins, variables, templates and hashes of other things stay quiet", () => {
  const traps = [
    `'password' => bcrypt('password'),`,
    `'password' => Hash::make('secret'),`,
    `$u->password = Hash::make($request->password);`,
    `bcrypt.hash(req.body.password, 10)`,
    "bcrypt.hash(`${prefix}${pw}`, 10)",
    `user.set_password(None)`,
    `digest = hashlib.sha256(b"some content here").hexdigest()`,
  ];
  for (const t of traps) assert.deepEqual(found(t + "\n"), [], t);
});

test("in tests, a hasher's literal is a fixture (engine: test paths are not read this way)", async () => {
  const { scanText } = await import("./engine.js");
  const line = `creds.set_password("${pw}")\n`;
  assert.equal(scanText({ text: line, file: "app/seed.py" }).findings.filter((f) => f.ruleId === "hashed-password-literal").length, 1);
  assert.equal(scanText({ text: line, file: "source4/dsdb/tests/python/passwords.py" }).findings.filter((f) => f.ruleId === "hashed-password-literal").length, 0);
});
