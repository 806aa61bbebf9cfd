import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { badRequest, notFound, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { str, strList, type Data } from "./fields.js";
import { keysResponse, loginResponse, mountDisplayName, mountStore, parseTokenFields, tokenFieldsData, type TokenFields } from "./auth-roles.js";
import type { State } from "./state.js";
import type { Backend, LogicalRequest, LogicalResponse } from "./request.js";
import type { TokenStore } from "./tokens.js";
import { routed, type Route, type RoutedBackend } from "./routes.js";

/** The paths this backend registers (routes.ts; also its OpenAPI description). */
export const USERPASS_ROUTES: readonly Route[] = [
  ["login/{username}", "w", "u"],
  ["users", "l"],
  ["users/{username}", "rwd", "c"],
  ["users/{username}/password", "w"],
  ["users/{username}/policies", "w"],
];

// The userpass auth method: `users/:username` (password + the common token_*
// fields), `users/:username/password`, `users/:username/policies`, and
// `login/:username` with {password} and no token. Usernames are lower-cased,
// as Vault's plugin does. Passwords are kept as scrypt hashes with a random
// salt (Vault uses bcrypt; the API is the same) and never returned.

export interface UserpassUser extends TokenFields {
  /** base64 salt ":" base64 scrypt(password). */
  passwordHash: string;
}

export interface UserpassStore {
  users: Map<string, UserpassUser>;
}

const INVALID = "invalid username or password";
/** Vault's usernames: framework.GenericNameRegex. */
const USERNAME = /^\w(?:[\w.@-]*\w)?$/;

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString("base64")}:${scryptSync(password, salt, 32).toString("base64")}`;
}

function passwordMatches(stored: string, password: string): boolean {
  const [salt = "", hash = ""] = stored.split(":");
  const want = Buffer.from(hash, "base64");
  const got = scryptSync(password, Buffer.from(salt, "base64"), want.length || 32);
  return want.length > 0 && timingSafeEqual(got, want);
}

// A hash to compare against when the user does not exist, so both failures take as long.
const DUMMY = hashPassword(randomBytes(16).toString("hex"));

function userpassBackendHandlers(state: State, tokens: TokenStore): Backend {
  const storeOf = (req: LogicalRequest): UserpassStore => mountStore((state.userpass ??= new Map()), req, () => ({ users: new Map() }));

  function logIn(req: LogicalRequest, username: string): LogicalResponse {
    const user = storeOf(req).users.get(username);
    const password = str(req.data, "password");
    const ok = passwordMatches(user?.passwordHash ?? DUMMY, password) && user !== undefined;
    if (!ok || password === "") throw badRequest(INVALID);
    return loginResponse(tokens, req, user, { username }, `${mountDisplayName(req)}-${username}`, username, `login/${username}`);
  }

  return {
    exists(req) {
      const m = /^users\/([^/]+)$/.exec(req.rel);
      return m ? storeOf(req).users.has(m[1]!.toLowerCase()) : true;
    },
    handle(req) {
      const op = req.operation;
      const post = op === "create" || op === "update";
      const users = storeOf(req).users;
      const login = /^login\/([^/]+)$/.exec(req.rel);
      if (login) {
        if (!post) throw unsupportedOperation();
        return logIn(req, login[1]!.toLowerCase());
      }
      if (req.rel === "users" || req.rel === "users/") {
        if (op !== "list") throw unsupportedOperation();
        return keysResponse(users.keys());
      }
      const m = /^users\/([^/]+)(?:\/(password|policies))?$/.exec(req.rel);
      if (!m) throw unsupportedPath();
      const name = m[1]!.toLowerCase();
      if (!USERNAME.test(name)) throw badRequest("invalid username");
      const sub = m[2];
      if (sub) {
        if (!post) throw unsupportedOperation();
        const user = users.get(name);
        if (!user) throw badRequest("username does not exist");
        if (sub === "password") {
          const password = str(req.data, "password");
          if (password === "") throw badRequest("missing password");
          user.passwordHash = hashPassword(password);
        } else {
          const policies = strList(req.data, "token_policies") ?? strList(req.data, "policies") ?? [];
          user.tokenPolicies = policies.map((p) => p.toLowerCase());
        }
        return undefined;
      }
      switch (op) {
        case "read": {
          const user = users.get(name);
          if (!user) throw notFound();
          return { data: tokenFieldsData(user) };
        }
        case "create":
        case "update": {
          const prev = users.get(name);
          const password = str(req.data, "password");
          if (!prev && password === "") throw badRequest("missing password");
          const fields = parseTokenFields(req.data as Data, prev);
          users.set(name, { ...fields, passwordHash: password !== "" ? hashPassword(password) : prev!.passwordHash });
          return undefined;
        }
        case "delete":
          users.delete(name);
          return undefined;
        default:
          throw unsupportedOperation();
      }
    },
  };
}

/** The backend, answering on its registered routes only (routes.ts). */
export function userpassBackend(state: State, tokens: TokenStore): RoutedBackend {
  return routed(USERPASS_ROUTES, userpassBackendHandlers(state, tokens));
}
