import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { captureIo } from "../cli/io.js";
import { devServerCommand } from "../cli/commands/dev-server.js";
import { startDevServer } from "./index.js";

// `vaultshift dev-server` as a command: prints address, token and exports,
// serves until interrupted, refuses unsafe hosts and bad ports. The command
// module is run directly (what `main` does after picking it), so this test
// does not depend on the other commands compiling.

describe("vaultshift dev-server command", () => {
  test("prints VAULT_ADDR/VAULT_TOKEN exports, serves, and stops when interrupted", async () => {
    let stop!: (signal: string) => void;
    const interrupted = new Promise<string>((r) => (stop = r));
    let seen: { status: number; token: string } | undefined;
    let printed = "";
    const io = captureIo({ interrupted: () => interrupted });
    io.stdout = (t) => {
      printed += t;
      const addr = /export VAULT_ADDR='([^']+)'/.exec(printed);
      if (addr && !seen) {
        seen = { status: 0, token: "" };
        void fetch(`${addr[1]}/v1/auth/token/lookup-self`, { headers: { "X-Vault-Token": "cli-root" }, signal: AbortSignal.timeout(5000) })
          .then(async (r) => {
            seen = { status: r.status, token: ((await r.json()) as { data: { id: string } }).data.id };
          })
          .finally(() => stop("SIGINT"));
      }
    };
    // Whatever happens, the server is interrupted within 10 s so the test cannot hang.
    const guard = setTimeout(() => stop("SIGINT"), 10_000);
    const exitCode = await devServerCommand.run(["--port", "0", "--root-token", "cli-root"], io);
    clearTimeout(guard);
    assert.equal(exitCode, 0);
    assert.match(printed, /export VAULT_TOKEN='cli-root'/);
    assert.match(printed, /Stopped \(SIGINT\)/);
    assert.deepEqual(seen, { status: 200, token: "cli-root" });
  });

  test("refuses a non-loopback host without --allow-remote, and a bad port", async () => {
    await assert.rejects(devServerCommand.run(["--host", "0.0.0.0", "--port", "0"], captureIo()), (e: Error & { hint?: string }) => {
      assert.equal(e.name, "DevServerError");
      assert.match(e.message, /Refusing to listen on 0\.0\.0\.0/);
      assert.match(e.hint ?? "", /--allow-remote/);
      return true;
    });
    await assert.rejects(devServerCommand.run(["--port", "http"], captureIo()), (e: Error) => e.name === "UsageError" && /--port/.test(e.message));
    await assert.rejects(devServerCommand.run(["--no-such-flag"], captureIo()), (e: Error) => e.name === "UsageError");
  });

  test("a port in use is a clear error", async () => {
    const s = await startDevServer({ port: 0 });
    try {
      await assert.rejects(devServerCommand.run(["--port", String(s.port)], captureIo()), (e: Error & { hint?: string }) => {
        assert.match(e.message, /EADDRINUSE/);
        assert.match(e.hint ?? "", /--port/);
        return true;
      });
    } finally {
      await s.close();
    }
  });
});
