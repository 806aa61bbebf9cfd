import { resolve } from "node:path";
import type { Command } from "../io.js";
import { UsageError } from "../../errors.js";
import { parseCommandArgs, stringOpt } from "../args.js";
import { startDevServer } from "../../devserver/index.js";

const HELP = `Usage: vaultshift dev-server [options]

Run a local Vault-compatible server for development and tests, like
\`vault server -dev\`: initialized, unsealed, KV v2 mounted at secret/, token,
AppRole, userpass, Kubernetes and JWT auth, ACL policies (templated paths
such as secret/data/{{identity.entity.id}}/* too), password policies
(sys/policies/password/NAME/generate), an identity store (entities,
internal and external groups, group aliases from a JWT role's groups_claim,
entity merge, identity tokens: signed OIDC ID tokens for an entity with their
.well-known keys), the transit engine, response wrapping, file audit devices, and
the operator endpoints (seal/unseal, rekey into Shamir shares, generate-root,
rotate, remount, step-down). It prints
its address, root token and unseal key (after a rekey with --data: where the
shares are), then serves until Ctrl-C (SIGINT) or SIGTERM. Full reference:
docs/dev-server.md.

Options:
  --host HOST          Address to listen on (default 127.0.0.1). A non-loopback
                       address is refused unless --allow-remote is given: the
                       server has no TLS and its root token is printed.
  --port PORT          Port (default 8200; 0 picks a free port).
  --root-token TOKEN   Root token ID (default: the one kept in --data, else a
                       new random hvs. token).
  --data DIR           Keep data in DIR across restarts, encrypted with
                       AES-256-GCM; the key is DIR/vaultshift-dev.key (0600).
                       Default: in memory only.
  --audit-log FILE     Enable a file audit device writing JSON lines to FILE
                       (0600); values are HMAC-SHA256 hashed as in Vault.
  --allow-remote       Allow a non-loopback --host.

Examples:
  vaultshift dev-server
  vaultshift dev-server --port 8201 --root-token root --data .vault-dev
`;

export const devServerCommand: Command = {
  name: "dev-server",
  summary: "Run a local Vault-compatible server for development and tests",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        host: { type: "string" },
        port: { type: "string" },
        "root-token": { type: "string" },
        data: { type: "string" },
        "audit-log": { type: "string" },
        "allow-remote": { type: "boolean" },
      },
      "dev-server",
    );
    if (positionals.length > 0) {
      throw new UsageError(`Unexpected argument "${positionals[0]}"`, { hint: "dev-server takes only options." });
    }
    const portText = stringOpt(values, "port") ?? "8200";
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
      throw new UsageError(`--port must be a number from 0 to 65535, got "${portText}"`, { hint: "Use 0 to pick a free port." });
    }
    const data = stringOpt(values, "data");
    const auditLog = stringOpt(values, "audit-log");
    const rootToken = stringOpt(values, "root-token");
    const server = await startDevServer({
      host: stringOpt(values, "host") ?? "127.0.0.1",
      port: Number(portText),
      allowRemote: values["allow-remote"] === true,
      ...(rootToken !== undefined ? { rootToken } : {}),
      ...(data !== undefined ? { dataDir: resolve(io.cwd, data) } : {}),
      ...(auditLog !== undefined ? { auditLog: resolve(io.cwd, auditLog) } : {}),
      onInternalError: (error) => io.stderr(`vaultshift dev-server: internal error: ${(error as Error)?.name ?? "Error"}\n`),
    });
    // Printing the dev root token is what `vault server -dev` does (concepts/dev-server.mdx).
    io.stdout(`vaultshift dev-server: a Vault-compatible development server (${server.dataDir ? `data in ${server.dataDir}, encrypted` : "in memory"})

  Address:    ${server.address}
  Root token: ${server.rootToken}
  Unseal key: ${server.unsealKey || "the key shares your last \`vault operator rekey\` printed (not stored here)"}
  KV v2:      mounted at secret/

Set these in your shell to use it:

  export VAULT_ADDR='${server.address}'
  export VAULT_TOKEN='${server.rootToken}'

Development only: no TLS, and the root token above can do anything. Press Ctrl-C to stop.
`);
    const signal = io.interrupted ? await io.interrupted() : "no interrupt handler";
    await server.close();
    io.stdout(`Stopped (${signal}).\n`);
    return 0;
  },
};
