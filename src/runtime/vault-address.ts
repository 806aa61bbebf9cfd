import { VaultConfigError } from "./errors.js";

// VAULT_ADDR as both transports (transport.ts on node:http, fast-transport.ts
// on raw sockets) need it: where to connect, and the path prefix a reverse
// proxy may put in front of /v1/.

export type VaultAddress =
  | { scheme: "unix"; socketPath: string; origin: string }
  | {
      scheme: "http" | "https";
      /** Host name or IP, without the brackets of an IPv6 literal. */
      host: string;
      port: number;
      /** `host[:port]` as the URL spells it, for the Host header. */
      hostHeader: string;
      /** The address's path without trailing slashes ("" or "/vault"). */
      prefix: string;
      origin: string;
    };

/** Parse `http://host:port`, `https://host:port[/prefix]` or `unix:///path/to.sock`; anything else is a VaultConfigError. */
export function parseVaultAddress(raw: string): VaultAddress {
  const address = raw.trim();
  // For messages: never repeat credentials someone put in the URL (user:pass@).
  const shown = address.replace(/^([^/]*\/\/)?[^/@]*@/, "$1…@");
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    // No `cause`: Node's ERR_INVALID_URL keeps the whole input, credentials included.
    throw new VaultConfigError(`invalid Vault address "${shown}"`, { hint: "Set VAULT_ADDR (or `address`) to a URL such as https://vault.example.com:8200 or http://127.0.0.1:8200." });
  }
  if (url.protocol === "unix:") return { scheme: "unix", socketPath: url.pathname, origin: address };
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new VaultConfigError(`invalid Vault address "${shown}": the scheme must be http, https or unix`, { hint: "Set VAULT_ADDR (or `address`) to a URL such as https://vault.example.com:8200." });
  }
  const tls = url.protocol === "https:";
  return {
    scheme: tls ? "https" : "http",
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port === "" ? (tls ? 443 : 80) : Number(url.port),
    hostHeader: url.host,
    prefix: url.pathname.replace(/\/+$/, ""),
    origin: url.origin,
  };
}
