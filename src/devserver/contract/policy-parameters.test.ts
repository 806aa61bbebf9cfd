import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import NodeVault from "node-vault";
import { startDevServer, type DevServer } from "../index.js";
import { refused, type ApiError, type Client } from "./node-vault-refusal.js";

// Policy parameter constraints (openbao/docs/concepts/policies.mdx,
// "Parameter constraints"; evaluation as in vault/acl.go AllowOperation),
// driven through node-vault the way an operator hands out a token that may
// only mint tokens with some policies, or write a secret only in one shape.
// Until this round the dev server parsed the constraints and ignored them, so
// every one of these refused requests succeeded.


function assertDenied(e: ApiError): void {
  assert.equal(e.response?.statusCode, 403, e.message);
  assert.match(e.message, /permission denied/);
}

const POLICY = `
# A CI token: it may mint tokens for app-* policies only, never orphans, with any ttl.
path "auth/token/create" {
  capabilities = ["update"]
  allowed_parameters = {
    "policies" = ["app-*", "default"]
    "ttl" = []
    "display_name" = []
  }
  denied_parameters = {
    "no_parent" = []
  }
}

# KV v2: the constraints apply to the request's top-level keys, data and options (README §5.10).
path "secret/data/shape/only-data" {
  capabilities = ["create", "update", "read"]
  allowed_parameters = {
    "data" = []
  }
}
path "secret/data/shape/cas-required" {
  capabilities = ["create", "update"]
  required_parameters = ["options"]
}
path "secret/data/shape/no-version" {
  capabilities = ["read"]
  denied_parameters {
    "version" = []
  }
}
`;

describe("policy parameter constraints, through node-vault", () => {
  let s: DevServer;
  let ciToken: string;
  // node-vault's tokenCreate switches the client to the token it created (tokenSource), so each call gets a fresh client.
  const ci = (): Client => client(ciToken);
  const client = (token?: string): Client => NodeVault({ endpoint: s.address, token, requestOptions: { timeout: 10_000 } }) as unknown as Client;

  before(async () => {
    s = await startDevServer({ port: 0 });
    const root = client(s.rootToken);
    await root.addPolicy({ name: "ci", rules: POLICY });
    await root.write("secret/data/shape/no-version", { data: { k: "v1" } });
    await root.write("secret/data/shape/no-version", { data: { k: "v2" } });
    // The parent holds the app policies too, so that "child policies must be subset of parent" is not what refuses.
    const created = await root.tokenCreate({ policies: ["ci", "app-web", "app-db", "admin"] });
    ciToken = created.auth.client_token;
  });
  after(() => s.close());

  test("allowed_parameters with globbed values: app-* policies are minted, admin is refused", async () => {
    const ok = await ci().tokenCreate({ policies: ["app-web", "default"], ttl: "1h", display_name: "deploy" });
    assert.deepEqual(ok.auth.policies, ["app-web", "default"]);
    // Each element of a list value must be allowed; a comma-separated string (node-vault's generic write, curl's form
    // fields) counts as a list, as Vault assumes a comma-string-slice field.
    assert.deepEqual((await ci().write("auth/token/create", { policies: "app-web, app-db" })).auth.policies, ["app-db", "app-web", "default"]);
    assertDenied(await refused(ci().tokenCreate({ policies: ["app-web", "admin"] })));
    // (The whole string is tried against each value first, as in Vault: "app-web,admin" would match the glob app-*.)
    assertDenied(await refused(ci().write("auth/token/create", { policies: "admin,app-web" })));
    // A parameter that is not listed at all is refused, even with an allowed value beside it.
    // (node-vault sends only the fields its schema knows, so num_uses rather than period.)
    assertDenied(await refused(ci().tokenCreate({ policies: ["app-web"], num_uses: 5 })));
    // No parameters at all: allowed (Vault allows a request with no data).
    assert.ok((await ci().tokenCreate()).auth.client_token);
  });

  test("denied_parameters with an empty list refuses the parameter whatever its value", async () => {
    assertDenied(await refused(ci().tokenCreate({ policies: ["app-web"], no_parent: false })));
  });

  test("KV v2: allowed data only refuses options; required options refuses a write without them", async () => {
    const w = await ci().write("secret/data/shape/only-data", { data: { k: "v" } });
    assert.equal(w.data.version, 1);
    assertDenied(await refused(ci().write("secret/data/shape/only-data", { options: { cas: 1 }, data: { k: "v" } })));
    assertDenied(await refused(ci().write("secret/data/shape/cas-required", { data: { k: "v" } })));
    const cas = await ci().write("secret/data/shape/cas-required", { options: { cas: 0 }, data: { k: "v" } });
    assert.equal(cas.data.version, 1);
  });

  test("a GET's query is its data: denied ?version= refuses the versioned read, the plain read works", async () => {
    assert.deepEqual((await ci().read("secret/data/shape/no-version")).data.data, { k: "v2" });
    assertDenied(await refused(ci().read("secret/data/shape/no-version?version=1")));
  });

  test("resultant-acl shows the constraints as Vault does", async () => {
    const r = await ci().request({ path: "/sys/internal/ui/resultant-acl", method: "GET" });
    assert.deepEqual(r.data.exact_paths["auth/token/create"], {
      capabilities: ["update"],
      allowed_parameters: { policies: ["app-*", "default"], ttl: [], display_name: [] },
      denied_parameters: { no_parent: [] },
    });
    assert.deepEqual(r.data.exact_paths["secret/data/shape/cas-required"], { capabilities: ["create", "update"], required_parameters: ["options"] });
  });
});
