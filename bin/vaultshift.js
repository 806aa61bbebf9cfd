#!/usr/bin/env node
// Exit 2 (runtime error), not 1 ("secrets found"), when vaultshift itself cannot load.
try {
  const { runProcess } = await import("../dist/src/cli/process.js");
  process.exitCode = await runProcess(process.argv.slice(2));
} catch (error) {
  process.stderr.write(
    `vaultshift: could not start: ${error?.message ?? error}\n  Run \`npm run build\` in the vaultshift package (is dist/ missing?).\n`,
  );
  process.exitCode = 2;
}
