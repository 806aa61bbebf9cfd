import { test } from "node:test";
import assert from "node:assert/strict";
import { runCli } from "./main.js";
import { commands } from "./commands/index.js";

test("every command in the table loads a module of the same name and summary", async () => {
  for (const entry of commands) {
    const command = await entry.load();
    assert.equal(command.name, entry.name);
    assert.equal(command.summary, entry.summary, `summary of ${entry.name} differs between the table and its module`);
    assert.match(command.help, new RegExp(`vaultshift ${entry.name}`), `${entry.name} --help names its usage`);
  }
});

test("--help lists every command; an unknown command exits 2 with the list", async () => {
  const help = await runCli(["--help"]);
  assert.equal(help.exitCode, 0);
  for (const entry of commands) assert.match(help.stdout, new RegExp(`^  ${entry.name} `, "m"));
  const unknown = await runCli(["scna"]);
  assert.equal(unknown.exitCode, 2);
  assert.match(unknown.stderr, /unknown command "scna"/);
  const none = await runCli([]);
  assert.equal(none.exitCode, 2);
});

test("`<command> --help` and `help <command>` print the command's help and exit 0", async () => {
  const a = await runCli(["scan", "--help"]);
  const b = await runCli(["help", "scan"]);
  assert.equal(a.exitCode, 0);
  assert.equal(a.stdout, b.stdout);
  assert.match(a.stdout, /--staged/);
});
