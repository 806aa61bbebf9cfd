// Users files: files whose keys are user names and whose values are those users' passwords, so that no
// line carries a secret-sounding name and only the file's name (or its section) says what the values are.
//   - Java properties realms, `user = password[,role…]`: Apache Karaf and ActiveMQ `users.properties`
//     (https://karaf.apache.org/manual/latest/#_users_groups_roles_and_passwords), ActiveMQ Artemis
//     `artemis-users.properties` (https://activemq.apache.org/components/artemis/documentation/latest/security.html),
//     Jetty's HashLoginService `realm.properties` (`user: password[,role…]`,
//     https://jetty.org/docs/jetty/12/operations-guide/security/index.html), ActiveMQ's `jetty-realm.properties`;
//   - WildFly/JBoss EAP `mgmt-users.properties` and `application-users.properties`, whose values are
//     HEX(MD5(user:realm:password)): the HA1 digest that HTTP Digest authentication accepts in place of the
//     password (RFC 7616 §3.4.2), so a password equivalent;
//   - exim's `passwd.client` (`host:login:password`, the password being the rest of the line,
//     https://manpages.debian.org/exim4-config/exim4_passwd_client.5.en.html) and pppd's `chap-secrets` and
//     `pap-secrets` (`client server secret [addresses]`, a secret in double quotes or bare; `@/file` reads it from
//     a file, https://ppp.samba.org/pppd.html#sect9): credentials to a relay or a peer, one per line;
//   - CouchDB's `[admins]` section of an `.ini` file (`name = password`), which CouchDB hashes in place on
//     its next start (https://docs.couchdb.org/en/stable/config/auth.html#config-admins): a committed
//     `local.ini` often holds the clear text.
//   - Subversion's svnserve `passwd` file (`[users]` then `name = password`, clear text by design:
//     https://svnbook.red-bean.com/en/1.7/svn.serverconfig.svnserve.html#svn.serverconfig.svnserve.auth.users);
//   - Perforce's tickets file `.p4tickets` / `p4tickets.txt` (`server:port=user:TICKET`, a 32-hex login ticket
//     that authenticates as the user until it expires: https://www.perforce.com/manuals/cmdref/Content/CmdRef/P4TICKETS.html);
//   - Wazuh's and OSSEC's `client.keys` (`ID NAME IP KEY`, the agent's shared key that encrypts and
//     authenticates its messages to the manager: https://documentation.wazuh.com/current/user-manual/agent/agent-enrollment/);
//     a removed agent's line (`!` or `#` before the name) no longer authenticates.
// Hashed, encrypted or obfuscated forms are not the password: Karaf's `{CRYPT}…{CRYPT}`, Artemis's `ENC(…)`,
// Jetty's `MD5:`/`CRYPT:` (its `OBF:` is rule jetty-obfuscated-password, which decodes it), CouchDB's
// `-pbkdf2-…`/`-hashed-…`, and any `{scheme}` or crypt(3) `$id$` form. Group lines (Karaf `_g_\:name`) and
// commented lines are skipped; a value followed by more words is a sentence (`users.title = Users of …`), not a
// password, and does not match.

/** A value these files hold for a user, to be judged like a password by the caller. */
export interface UserPassword {
  secret: string;
  start: number;
  reason: string;
}

// `users.properties`, `artemis-users.properties`, `jetty-realm.properties`, `realm.properties`; the WildFly
// files are told apart because their values are digests.
const PROPERTIES_REALM = /^(?:[\w.-]{0,60}[._-])?(?:users|realm)\.properties$/i;
const WILDFLY_DIGEST = /^(?:mgmt|application)-users\.properties$/i;
// `user = value` or Jetty's `user: value`: a key with no space, then the first comma-separated field.
const REALM_LINE = /^[ \t]*([^\s#!=:][^\s=:]{0,127})[ \t]*[=:][ \t]*([^\s,]{1,256})[ \t]*(?:,[^\n]*)?\r?$/gm;
const NOT_CLEAR_TEXT = /^(?:\{|ENC\(|OBF:|MD5:|CRYPT:|-pbkdf2-|-hashed-|\$)/i;

const PPP_SECRETS = /^(?:chap|pap|srp)-secrets$/;
// Deluge's daemon `auth` file: `user:password:level`, one login per line, the level a number from 0 to 10; the
// `localclient` line is the password deluged generated at first start (https://deluge.readthedocs.io/en/latest/how-to/
// thinclient.html). Only lines of exactly that shape count, so another file called `auth` stays quiet.
// Checkmk's `~/.cmk-credentials` (`user:password`, written by `omd create` for the site's cmkadmin).

const P4_TICKETS = /^\.?p4tickets(?:\.txt)?$/i;

/** Whether `base` names a users file this module reads (so the caller reads it only then). */
export function isUsersFile(base: string): boolean {
  return PROPERTIES_REALM.test(base) || WILDFLY_DIGEST.test(base) || base === "passwd.client" || PPP_SECRETS.test(base) || base === "auth" || base === ".cmk-credentials" || P4_TICKETS.test(base) || base === "client.keys";
}

/** Whether `base` with this text is svnserve's password file (`passwd` with a `[users]` section). */
export function isSvnservePasswd(base: string, text: string): boolean {
  return base === "passwd" && /^\[users\][ \t]*\r?$/m.test(text);
}

/** The clear-text passwords (or WildFly HA1 digests) of a users file named `base`. */
export function usersFilePasswords(text: string, base: string): UserPassword[] {
  if (base === "passwd.client") return columns(text, /^[ \t]*[^\s#:][^\s:]{0,252}:[^\s:]{1,256}:([^\n\r]{1,256}?)[ \t]*\r?$/gm, `password of a relay login in ${base}`);
  if (base === "auth") return columns(text, /^[ \t]*[^\s#:][^\s:]{0,63}:([^\s:]{1,256}):(?:10|[0-9])[ \t]*\r?$/gm, `password of a daemon login in Deluge's ${base} file`);
  if (base === ".cmk-credentials") return columns(text, /^[ \t]*[^\s#:][^\s:]{0,63}:(\S{1,256})[ \t]*\r?$/gm, `password of the site's admin in Checkmk's ${base}`);
  if (P4_TICKETS.test(base)) return columns(text, /^[ \t]*[^\s#=]{1,253}=[^\s:=]{1,128}:([0-9A-F]{32})[ \t]*\r?$/gim, `Perforce login ticket in ${base}`);
  if (base === "client.keys") return columns(text, /^[ \t]*\d{1,8}[ \t]+[^\s!#]\S{0,127}[ \t]+\S{1,64}[ \t]+([0-9a-f]{32,128})[ \t]*\r?$/gim, `shared key of an agent in ${base}`);
  if (PPP_SECRETS.test(base)) return columns(text, /^[ \t]*(?:"[^"\n]{1,128}"|[^\s#"]\S{0,127})[ \t]+(?:"[^"\n]{1,253}"|\S{1,253})[ \t]+(?:"([^"\n]{1,256})"|([^\s"]{1,256}))(?=[ \t]|\r?$)/gm, `secret of a peer in ${base}`);
  return realm(text, base);
}

/** Group 1 or 2 of each match of `line` (with `g` and `m`), judged by the caller. */
function columns(text: string, line: RegExp, reason: string): UserPassword[] {
  const out: UserPassword[] = [];
  for (let m = line.exec(text); m !== null; m = line.exec(text)) {
    const secret = m[1] ?? m[2]!;
    if (NOT_CLEAR_TEXT.test(secret) || secret.startsWith("@")) continue;
    out.push({ secret, start: m.index + m[0].lastIndexOf(secret), reason });
  }
  return out;
}

function realm(text: string, base: string): UserPassword[] {
  const digest = WILDFLY_DIGEST.test(base);
  const out: UserPassword[] = [];
  REALM_LINE.lastIndex = 0;
  for (let m = REALM_LINE.exec(text); m !== null; m = REALM_LINE.exec(text)) {
    const user = m[1]!;
    const value = m[2]!;
    if (user.startsWith("_g_") || NOT_CLEAR_TEXT.test(value)) continue;
    if (digest && !/^[0-9a-f]{32}$/i.test(value)) continue;
    const start = m.index + m[0].indexOf(value, m[0].indexOf(user) + user.length);
    out.push({
      secret: value,
      start,
      reason: digest ? `HA1 digest of a user in ${base} (HTTP Digest accepts it as the password)` : `password of a user in ${base}`,
    });
  }
  return out;
}

/**
 * The clear-text passwords of CouchDB's `[admins]` section in an `.ini` file, or (`section` "users") of
 * svnserve's `[users]` section in its `passwd` file.
 */
export function iniAdminsPasswords(text: string, sectionName: "admins" | "users" = "admins"): UserPassword[] {
  const out: UserPassword[] = [];
  const section = sectionName === "admins" ? /^\[admins\][ \t]*\r?$/gm : /^\[users\][ \t]*\r?$/gm;
  const reason = sectionName === "admins" ? "password of a CouchDB admin in an [admins] section (CouchDB hashes it only on its next start)" : "password of a user in svnserve's passwd file (stored in clear by design)";
  for (let s = section.exec(text); s !== null; s = section.exec(text)) {
    const next = text.slice(s.index + s[0].length).search(/^[ \t]*\[/m);
    const body = next === -1 ? text.slice(s.index + s[0].length) : text.slice(s.index + s[0].length, s.index + s[0].length + next);
    const base = s.index + s[0].length;
    const line = /^[ \t]*([^\s;#=\[][^\s=]{0,127})[ \t]*=[ \t]*([^\s;]{1,256})[ \t]*\r?$/gm;
    for (let m = line.exec(body); m !== null; m = line.exec(body)) {
      const value = m[2]!;
      if (NOT_CLEAR_TEXT.test(value)) continue;
      out.push({ secret: value, start: base + m.index + m[0].lastIndexOf(value), reason });
    }
  }
  return out;
}
