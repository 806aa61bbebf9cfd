import type { Rule } from "../src/scan/types.js";
import { custom } from "./build.js";
import { decodeBase64, hasJwtHeader } from "../src/scan/checksum.js";
import { isRealPassword } from "./passwords.js";
import { isDocumentationJwt } from "../src/scan/placeholder-filter.js";
import { ALNUM, B64URL, HEX, LOWER_ALNUM, fake, jwt } from "./fake.js";
import { shannonEntropy } from "../src/scan/rule-runner.js";

const b64 = (s: string): string => Buffer.from(s).toString("base64");

const pw = (seed: string): string => fake(ALNUM, 18, seed);
// Supabase "anon" keys are JWTs with role "anon": the project's public key,
// meant to ship in browser and mobile code (row-level security guards the
// data). The "service_role" key of the same project bypasses it and stays a secret.
// https://supabase.com/docs/guides/api/api-keys
function isPublicAnonJwt(token: string): boolean {
  const payload = decodeBase64(token.split(".")[1] ?? "")?.toString("utf8") ?? "";
  return /"role"\s*:\s*"anon"/.test(payload);
}

// "Authorization" as an HTTP header line, a header object key in JS/Python,
// or a curl -H argument: the name, an optional closing quote, ":", "=" or ",". A header's values
// may be printed as a list: Go's http.Header through fmt (`map[Authorization:[Bearer …]]`, what a
// request logged with %v shows), Python's multi-dict (`'Authorization': ['Bearer …']`).
const AUTH = `authorization["']?[ \\t]{0,4}[:=,][ \\t]{0,4}(?:\\[[ \\t]{0,2})?["'\`]?[ \\t]{0,2}`;

/** base64 of "user:password" whose password is a real one (not a stand-in, not empty). */
function isBasicCredential(s: string): boolean {
  const text = decodeBase64(s)?.toString("utf8");
  if (text === undefined || !/^[\x20-\x7e]+$/.test(text)) return false;
  const i = text.indexOf(":");
  return i > 0 && isRealPassword(text.slice(i + 1));
}

export const rules: Rule[] = [
  // SMTP AUTH PLAIN (RFC 4616, RFC 4954): base64 of authzid NUL user NUL password, on the command line
  // of an SMTP session (tcpdump -A, swaks/openssl s_client transcripts, mail server debug logs). The
  // initial response may also follow a 334 challenge on its own line; only the one-line form is read.
  custom({
    id: "smtp-auth-plain",
    description: "SMTP AUTH PLAIN initial response (base64 of NUL user NUL password)",
    kind: "password",
    severity: "high",
    docs: "https://www.rfc-editor.org/rfc/rfc4616#section-2",
    keywords: ["auth plain"],
    pattern: /\bAUTH[ \t]{1,4}PLAIN[ \t]{1,4}(?<secret>[A-Za-z0-9+/]{8,500}={0,2})(?![A-Za-z0-9+/=])/i,
    validate: (s) => {
      const parts = decodeBase64(s)?.toString("utf8").split("\0");
      return parts !== undefined && parts.length === 3 && parts[1]!.length > 0 && /^[\x20-\x7e]+$/.test(parts[2]!) && isRealPassword(parts[2]!);
    },
    get examples() {
      return {
        invalid: [`14:02:13.55 IP 10.0.3.14.33408 > 10.0.3.40.submission\nAUTH PLAIN ${b64(`\0alerts@acme.io\0${pw("smtp-plain")}`)}`, `>>> AUTH PLAIN ${b64(`ops\0ops\0${pw("smtp-plain2")}`)}`],
        valid: [`AUTH PLAIN ${b64("\0user@example.com\0password")}`, "AUTH PLAIN", `AUTH PLAIN ${b64("no separators here")}`, "250-AUTH PLAIN LOGIN XOAUTH2"],
      };
    },
  }),
  // fastlane match's git_basic_authorization: base64 of "user:personal access token" for the
  // certificates repository, in a Matchfile/Fastfile or as MATCH_GIT_BASIC_AUTHORIZATION
  // (https://docs.fastlane.tools/actions/match/#git-storage-on-github).
  custom({
    id: "fastlane-match-git-basic-authorization",
    description: "fastlane match git_basic_authorization (base64 of user:token for the certificates repository)",
    kind: "token",
    severity: "critical",
    docs: "https://docs.fastlane.tools/actions/match/#git-storage-on-github",
    keywords: ["basic_authorization"],
    pattern: /git_basic_authorization["']?[ \t]{0,4}(?:\(|:|=>?)?[ \t]{0,4}["']?(?<secret>[A-Za-z0-9+/]{12,500}={0,2})(?![A-Za-z0-9+/=])/i,
    validate: isBasicCredential,
    get examples() {
      return {
        invalid: [`git_basic_authorization("${b64(`release-bot:${pw("match")}`)}")`, `MATCH_GIT_BASIC_AUTHORIZATION=${b64(`ci:${pw("match2")}`)}`, `match(type: "appstore", git_basic_authorization: "${b64(`ci:${pw("match3")}`)}")`],
        valid: ['git_basic_authorization(ENV["MATCH_GIT_BASIC_AUTHORIZATION"])', `git_basic_authorization("${b64("user:password")}")`, "MATCH_GIT_BASIC_AUTHORIZATION=${{ secrets.MATCH_AUTH }}"],
      };
    },
  }),
  // RFC 7617: "Authorization: Basic base64(user:password)".
  custom({
    id: "http-basic-auth-header",
    description: "HTTP Authorization: Basic header with user:password",
    kind: "password",
    severity: "high",
    docs: "https://www.rfc-editor.org/rfc/rfc7617",
    keywords: ["basic"],
    pattern: new RegExp(`${AUTH}Basic[ \\t]{1,4}(?<secret>[A-Za-z0-9+/]{8,500}={0,2})(?![A-Za-z0-9+/=])`, "i"),
    validate: (s) => {
      const text = decodeBase64(s)?.toString("utf8");
      if (text === undefined || !/^[\x20-\x7e]+$/.test(text)) return false;
      const i = text.indexOf(":");
      return i > 0 && isRealPassword(text.slice(i + 1));
    },
    get examples() {
      return {
        invalid: [`curl -H "Authorization: Basic ${b64(`ops:${pw("basic")}`)}" https://api.acme.io/v1/export`, `headers = {"Authorization": "Basic ${b64(`svc:${pw("basic2")}`)}"}`],
        valid: [`Authorization: Basic ${b64("user:password")}`, "Authorization: Basic ${CREDENTIALS}", `Authorization: Basic ${b64("no colon in here")}`],
      };
    },
  }),
  // RFC 6750: "Authorization: Bearer <token>". JWTs are left to the jwt rule.
  custom({
    id: "http-bearer-token",
    description: "HTTP Authorization: Bearer header with a literal token",
    kind: "token",
    severity: "high",
    docs: "https://www.rfc-editor.org/rfc/rfc6750#section-2.1",
    keywords: ["bearer"],
    pattern: new RegExp(`${AUTH}Bearer[ \\t]{1,4}(?!eyJ)(?<secret>[A-Za-z0-9._~+/-]{20,4000}={0,2})(?![A-Za-z0-9._~+/=-])`, "i"),
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`curl -H "Authorization: Bearer ${fake(ALNUM, 40, "bearer")}" https://api.acme.io/v1/me`, `DEBUG http request headers map[Accept:[application/json] Authorization:[Bearer ${fake(B64URL, 43, "bearer-go")}]]`, `fetch(url, { headers: { Authorization: "Bearer ${fake(B64URL, 48, "bearer2")}" } })`],
        valid: ["Authorization: Bearer ${TOKEN}", "Authorization: Bearer <token>", "headers: { Authorization: `Bearer ${token}` }", `Authorization: Bearer ${jwt(undefined, "bearer-jwt")}`],
      };
    },
  }),
  // A whole quoted value that is an Authorization header's value, "Bearer <token>", away from the header's
  // name: Node-RED change nodes (`"p": "headers.Authorization", …, "to": "Bearer …"`), header pairs kept as
  // arrays (`["Authorization", "Bearer …"]` in Retool and Insomnia exports). The quotes close right after the
  // token, so `"Bearer " + token` and prose never match; JWTs are json-web-token's.
  custom({
    id: "http-bearer-token-value",
    description: "Quoted \"Bearer <token>\" header value with a literal token",
    kind: "token",
    severity: "high",
    docs: "https://www.rfc-editor.org/rfc/rfc6750#section-2.1",
    keywords: ["bearer"],
    pattern: /(?<=["'`])Bearer[ \t]{1,4}(?!eyJ)(?<secret>[A-Za-z0-9._~+/-]{24,4000}={0,2})(?=["'`])/,
    entropy: 3.7,
    get examples() {
      return {
        invalid: [`{"t": "set", "p": "headers.Authorization", "pt": "msg", "to": "Bearer ${fake(B64URL, 40, "bearerv")}", "tot": "str"}`, `headers: [["Authorization", "Bearer ${fake(ALNUM, 36, "bearerv2")}"]]`],
        valid: ['"Bearer " + token', '`Bearer ${token}`', '"Bearer YOUR_ACCESS_TOKEN_GOES_HERE"', `"Bearer ${jwt(undefined, "bearerv3")}"`, '"Bearer abcdefghijklmnopqrstuvwxyz"'],
      };
    },
  }),
  // API-key headers sent by many SaaS APIs (X-API-Key, X-Auth-Token, Api-Key).
  custom({
    id: "http-api-key-header",
    description: "Literal API key in an X-API-Key / X-Auth-Token / Api-Key HTTP header",
    kind: "api-key",
    severity: "medium",
    docs: "https://swagger.io/docs/specification/v3_0/authentication/api-keys/",
    // Ocp-Apim-Subscription-Key: Azure API Management's subscription key header
    // (https://learn.microsoft.com/azure/api-management/api-management-subscriptions).
    keywords: ["x-api-key", "x-auth-token", "api-key", "x-access-token", "ocp-apim-subscription-key"],
    pattern: /(?<![A-Za-z0-9_-])(?:X-Api-Key|X-Auth-Token|Api-Key|X-Access-Token|Ocp-Apim-Subscription-Key)["']?[ \t]{0,4}:[ \t]{0,4}["'`]?(?<secret>[A-Za-z0-9_\-.=+/]{20,200})(?![A-Za-z0-9_\-.=+/])/i,
    // 3.7 bits per character for mixed alphabets; a hex key cannot reach that (16 symbols: 32 random hex
    // characters average about 3.55), so hex of a key's length (32+) needs only 3.2 (blind corpus 8 missed a
    // 32-hex `X-Api-Key` in a README's curl line).
    entropy: 3.2,
    // An unquoted value is a header line's (curl -H, YAML, HTTP files), or code: `{ "X-API-Key": c.env.API_KEY }`,
    // `config.apiKey`; a dotted path of identifiers that ends in a name is a variable, not a key.
    validate: (secret) => !/^[a-z_$][\w$]{0,15}(?:\.[A-Za-z_$][\w$]*)+$/.test(secret) && shannonEntropy(secret) >= (/^[0-9a-f]{32,}$/i.test(secret) ? 3.2 : 3.7),
    get examples() {
      return {
        invalid: [`curl -H "X-API-Key: ${fake(ALNUM, 32, "xapikey")}" https://api.acme.io/v2/items`, `headers: { "x-auth-token": "${fake(ALNUM, 40, "xauth")}" }`, `curl -s -H "X-Api-Key: ${fake(HEX, 32, "xapikey-hex")}" https://api.acme.io/v1/health`, `Ocp-Apim-Subscription-Key: ${fake(HEX, 32, "apim")}`],
        valid: ['curl -H "X-API-Key: $API_KEY" https://api.acme.io', "X-Api-Key: abcdabcdabcdabcdabcdabcdabcdabcd", "X-Api-Key: aaaaBBBBccccDDDDeeee", "x-api-key: REPLACE_WITH_YOUR_API_KEY_HERE", 'headers: { "X-API-Key": c.env.UPSTREAM_API_KEY },', "headers: { 'x-auth-token': this.config.authenticationToken }"],
      };
    },
  }),
  // https://user:password@host outside Git hosts (git-credentials-url reports those).
  custom({
    id: "basic-auth-url",
    description: "HTTP(S) URL with an embedded user:password",
    kind: "password",
    severity: "high",
    docs: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1",
    keywords: ["http"],
    pattern: /(?<![A-Za-z0-9+.-])https?:\/\/(?<user>[^:/?#\s@"'`<>{}]{1,128}):(?!\k<user>@)(?<secret>[^@/?#\s"'`<>]{1,256})@(?!(?:github\.com|gitlab\.com|bitbucket\.org|dev\.azure\.com|[a-z0-9-]{1,63}\.visualstudio\.com|codeberg\.org|gitea\.com|git\.[a-z0-9.-]{1,100})(?:[/:?#\s"'`]|$))(?!(?:[a-z0-9-]{1,63}\.)*(?:example\.(?:com|org|net)|(?:my|your)?(?:company|domain|host|server)\.(?:com|org|net|tld)|example|test|invalid|localhost)[/:?#\s"'`]|$)[A-Za-z0-9\[._-]/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`ELASTICSEARCH_URL=https://elastic:${pw("basicurl")}@es.acme.internal:9200`, `proxy: http://proxyuser:${pw("basicurl2")}@proxy.acme.io:3128`],
        valid: ["ELASTICSEARCH_URL=https://elastic:${ELASTIC_PASSWORD}@es.acme.internal:9200", "https://user:password@es.acme.internal", "http://user:pa%2Fssword@es.acme.internal/", "http://user:passwo^rd@es.acme.internal/", "http://My%20User:My%20Pass@proxy.acme.io/", `https://u:${pw("basicurl3")}@www.example.com/`, `https://user:${pw("basicurl4")}@pypi.company.com/simple`, 'export http_proxy="http://proxyuser:proxypass@proxyhost:port"', "https://es.acme.internal:9200"],
      };
    },
  }),
  // A user and password given as literals to an HTTP client's basic-auth call or credential type:
  // Go `req.SetBasicAuth("u", "…")`, Ruby Faraday `conn.basic_auth("u", "…")`, Python
  // `HTTPBasicAuth("u", "…")`, Java `new UsernamePasswordCredentials("u", "…")` /
  // `new PasswordAuthentication("u", "…".toCharArray())`, .NET `new NetworkCredential("u", "…")`,
  // PHP `curl_setopt($ch, CURLOPT_USERPWD, "u:…")` (https://www.php.net/manual/en/function.curl-setopt.php).
  custom({
    id: "basic-auth-call",
    description: "Password passed as a literal to an HTTP basic-auth call or credential object",
    kind: "password",
    severity: "high",
    docs: "https://www.rfc-editor.org/rfc/rfc7617",
    keywords: ["basicauth", "basic_auth", "usernamepasswordcredentials", "passwordauthentication", "networkcredential", "curlopt_userpwd"],
    pattern: /(?:(?:\b(?:Set|set|with|With|HTTP|Http)?Basic_?Auth(?:entication)?|\bbasic_?auth[ \t]{0,4}=|\bbasic_auth|\bUsernamePasswordCredentials|\bPasswordAuthentication|\bNetworkCredential)[ \t]{0,4}\([ \t]{0,4}["'`][^"'`\n]{1,100}["'`][ \t]{0,4},[ \t]{0,4}["'`]|\bCURLOPT_USERPWD[ \t]{0,4},[ \t]{0,4}["'][^"':\n]{1,100}:)(?<secret>[^"'`\s]{4,200})["'`]/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `req.SetBasicAuth("admin", "${pw("setbasic")}")`,
          `conn.basic_auth("deploy", '${pw("faraday")}')`,
          `HTTP.get(url; basicauth = ("kl-lab", "${pw("juliabasic")}"))`,
          `auth = HTTPBasicAuth("api", "${pw("httpbasic")}")`,
          `new UsernamePasswordCredentials("svc", "${pw("upc")}")`,
          `var cred = new NetworkCredential("svc", "${pw("netcred")}");`,
          `curl_setopt($ch, CURLOPT_USERPWD, "admin:${pw("userpwd")}");`,
        ],
        valid: [
          "req.SetBasicAuth(user, pass)",
          'req.SetBasicAuth("admin", os.Getenv("ADMIN_PASSWORD"))',
          'conn.basic_auth("admin", "password")',
          'HTTP.get(url; basicauth = (user, pass))',
          'curl_setopt($ch, CURLOPT_USERPWD, "$user:$pass");',
          'new NetworkCredential("svc", "${SVC_PASSWORD}")',
        ],
      };
    },
  }),
  // Credentials in a query string: ?api_key=…, &apiKey=…, &access_token=…, &client_secret=…, ?token=….
  // Hex keys (NewsAPI's, many in-house services') carry at most 4 bits a character and random 32-hex
  // values often fall under 3.7, so hex is held to 3.2 (the generic detector's floor for hex in code).
  custom({
    id: "url-query-credential",
    description: "Credential in a URL query parameter (api_key, access_token, client_secret, token, password…)",
    kind: "api-key",
    severity: "medium",
    docs: "https://www.rfc-editor.org/rfc/rfc6750#section-5.3",
    keywords: ["key=", "token=", "secret=", "password="],
    pattern: /[?&](?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|client[_-]?secret|private[_-]?token|secret[_-]?key|token|password)=(?<secret>[A-Za-z0-9._~%+/-]{16,500})(?![A-Za-z0-9._~%+/=-])/i,
    entropy: 3.2,
    validate: (s) => /^[0-9a-f]+$/i.test(s) || shannonEntropy(s) >= 3.7,
    get examples() {
      return {
        invalid: [
          `WEATHER_URL="https://api.weather.io/v1/forecast?q=Berlin&appid=1&api_key=${fake(ALNUM, 32, "qs")}"`,
          `requests.get(f"https://gitlab.acme.io/api/v4/projects?private_token=${fake(ALNUM, 24, "qs2")}")`,
          `const newsURL = "https://newsapi.org/v2/top-headlines?country=de&apiKey=${fake(HEX, 32, "qs3")}"`,
          `LEGACY = "https://legacy.acme.io/export.csv?token=${fake(HEX, 40, "qs4")}"`,
        ],
        valid: [
          "https://api.weather.io/v1/forecast?api_key=${WEATHER_API_KEY}",
          "https://api.weather.io/v1/forecast?api_key=YOUR_API_KEY",
          "https://x.io/?access_token=aaaaaaaaaaaaaaaaaaaa",
          "https://x.io/reset?token=abcabcabcabcabcabcabc",
          "https://x.io/next?pageToken=" + fake(ALNUM, 32, "page"),
        ],
      };
    },
  }),
  // JSON Web Tokens (RFC 7519): three base64url parts, the first two JSON
  // objects ("eyJ" = base64 of '{"'); the header must decode to JSON with "alg".
  custom({
    id: "json-web-token",
    description: "JSON Web Token (header.payload.signature) with a decodable header",
    kind: "token",
    severity: "medium",
    docs: "https://www.rfc-editor.org/rfc/rfc7519",
    keywords: ["eyj"],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{4,8000}\.[A-Za-z0-9_-]{16,2000})(?![A-Za-z0-9_-])/,
    validate: (s) => hasJwtHeader(s) && !isDocumentationJwt(s) && !isPublicAnonJwt(s),
    get examples() {
      return {
        invalid: [`SUPABASE_SERVICE_ROLE_KEY=${jwt({ iss: "supabase", ref: "qwhxkzmpvbnrtdlsjfga", role: "service_role", iat: 1700000000, exp: 2015576000 }, "sbsvc")}`, `API_TOKEN=${jwt({ sub: "svc-reporting", scope: "admin", iat: 1700000000 }, "jwt1")}`, `const token = "${jwt({ user: 42, exp: 1900000000 }, "jwt2")}";`],
        valid: [
          `TOKEN=eyJ${fake(B64URL, 30, "nojwt")}.eyJ${fake(B64URL, 30, "nojwt2")}.${fake(B64URL, 43, "nojwt3")}`,
          `TOKEN=${jwt(undefined, "unsigned").replace(/\.[^.]+$/, ".")}`,
          // jwt.io's default token and PyJWT's README example.
          `TOKEN=${jwt({ sub: "1234567890", name: "John Doe", iat: 1516239022 }, "jwtio")}`,
          `>>> print(encoded)\n${jwt({ some: "payload" }, "pyjwt")}`,
          `SUPABASE_ANON_KEY=${jwt({ iss: "supabase", ref: "qwhxkzmpvbnrtdlsjfga", role: "anon", iat: 1700000000, exp: 2015576000 }, "sbanon")}`,
        ],
      };
    },
  }),
  // Session cookies captured in Cookie / Set-Cookie headers (HAR files, curl -H lines, logs): whoever
  // holds the value is logged in as that user until it expires (OWASP, Session Management Cheat Sheet:
  // https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html). Only cookies
  // named as sessions by common frameworks count (Express, PHP, Java, Rails/Laravel `_session`,
  // NextAuth), with a long random value. Also the request's `HTTP_COOKIE` in environment dumps: Django's debug page
  // (a `<td>HTTP_COOKIE</td><td class="code"><pre>&#x27;…&#x27;</pre>` row of its META table) and Rails' and Rack's
  // `"HTTP_COOKIE" => "…"`.
  custom({
    id: "session-cookie-header",
    description: "Session cookie value in a Cookie / Set-Cookie header (HAR capture, curl line, log)",
    kind: "token",
    severity: "medium",
    docs: "https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html",
    keywords: ["cookie", "-b '", "-b \""],
    pattern:
      /(?:cookie["']?[ \t]{0,4}(?:=>|[:=,])|cookie<\/td>[ \t]{0,4}<td[^<>\n]{0,40}>(?:<pre>)?|(?<![\w-])(?:-b|--cookie)[ \t]{1,4}(?=["']))[ \t]{0,4}(?:"value"[ \t]{0,4}:[ \t]{0,4})?(?:["']|&#x27;|&#39;|&quot;)?(?:[^\n"';]{0,200};[ \t]{0,4}){0,8}(?:(?:[\w.-]{0,40}[_.-])?(?:session|sessionid|session_id|session-id|sess|sid|phpsessid|jsessionid|session-token|session_token)|\.aspnetcore\.cookies|\.aspxauth)=(?<secret>[A-Za-z0-9%._~+/=-]{20,400})/i,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [
          `{"name":"cookie","value":"_ga=GA1.1.123.456; session=${fake(B64URL, 64, "sess-cookie")}"}`,
          `curl -H "Cookie: connect.sid=s%3A${fake(B64URL, 32, "connect-sid")}.${fake(B64URL, 43, "connect-sid2")}" https://app.example.com/api/me`,
          `Set-Cookie: laravel_session=${fake(ALNUM, 40, "laravel-sess")}; path=/; httponly`,
          // Chrome's "Copy as cURL" puts the cookies in -b.
          `curl 'https://app.example.com/api/me' -b 'app_session=${fake(ALNUM, 48, "curl-b")}; _ga=GA1.2.3.4'`,
          `Cookie: .AspNetCore.Cookies=CfDJ8${fake(B64URL, 120, "aspnet")}`,
          `<tr><td>HTTP_COOKIE</td><td class="code"><pre>&#x27;csrftoken=${fake(ALNUM, 32, "dj-csrf")}; sessionid=${fake(LOWER_ALNUM, 32, "dj-sess")}&#x27;</pre></td></tr>`,
          `"HTTP_COOKIE" => "_shop_session=${fake(B64URL, 64, "rack-sess")}",`,
        ],
        valid: [
          "Cookie: session=abc123",
          'curl -H "Cookie: session=$SESSION" https://app.example.com',
          `Cookie: theme=dark; lang=${fake(ALNUM, 24, "lang")}`,
          "Set-Cookie: session=deleted; expires=Thu, 01 Jan 1970 00:00:00 GMT",
          `curl -b 'theme=dark; csrftoken=${fake(ALNUM, 32, "csrf-b")}' https://app.example.com`,
          `<tr><td>HTTP_COOKIE</td><td class="code"><pre>&#x27;csrftoken=${fake(ALNUM, 32, "dj-csrf2")}&#x27;</pre></td></tr>`,
          `<tr><td>HTTP_COOKIE</td><td class="code"><pre>&#x27;sessionid=********************&#x27;</pre></td></tr>`,
        ],
      };
    },
  }),
  // The same session cookies where a browser extension, a test runner or a script keeps them as name and
  // value fields: cookie exports (EditThisCookie, Cookie-Editor: `"name": "sessionid", …, "value": "…"`),
  // Playwright's storage state (`.auth/*.json`, https://playwright.dev/docs/auth), PowerShell's
  // `New-Object System.Net.Cookie("<name>", "<value>", …)` (DevTools "Copy as PowerShell").
  custom({
    id: "session-cookie-object",
    description: "Session cookie value in a cookie object (cookie export, Playwright storage state, System.Net.Cookie)",
    kind: "token",
    severity: "medium",
    docs: "https://playwright.dev/docs/auth",
    keywords: ["session", "sid", ".aspxauth", ".aspnetcore.cookies"],
    pattern:
      /(?:"name"[ \t]{0,4}:[ \t]{0,4}"(?:(?:[\w.-]{0,40}[_.-])?(?:session|sessionid|session_id|session-id|sess|sid|phpsessid|jsessionid|session-token|session_token)|\.aspnetcore\.cookies|\.aspxauth)"[^{}]{0,400}?"value"[ \t]{0,4}:|Cookie\([ \t]{0,4}"(?:(?:[\w.-]{0,40}[_.-])?(?:session|sessionid|session_id|sess|sid|session-token)|\.aspnetcore\.cookies|\.aspxauth)"[ \t]{0,4},)[ \t]{0,4}"(?<secret>[A-Za-z0-9%._~+/=-]{20,4000})"/i,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [
          `{\n  "domain": ".shop.example.com",\n  "httpOnly": true,\n  "name": "_secure_admin_session_id",\n  "path": "/",\n  "value": "${fake(HEX, 32, "cookie-obj")}"\n}`,
          `{"cookies": [{"name": "next-auth.session-token", "value": "${fake(B64URL, 40, "na")}..${fake(B64URL, 200, "na2")}", "domain": "app.example.com"}]}`,
          `$session.Cookies.Add((New-Object System.Net.Cookie(".AspNetCore.Cookies", "CfDJ8${fake(B64URL, 150, "ps-cookie")}", "/", "intranet.example.com")))`,
        ],
        valid: [
          `{"name": "_ga", "value": "GA1.2.${fake(HEX, 20, "ga")}"}`,
          `{"name": "sessionid", "value": ""}`,
          `{"name": "csrftoken", "value": "${fake(ALNUM, 32, "csrf-o")}"}`,
          `{"name": "sessionid"}, {"name": "theme", "value": "${fake(ALNUM, 24, "theme")}"}`,
        ],
      };
    },
  }),
  // Netscape cookie files (curl's -c/--cookie-jar, wget --save-cookies, browser exporters, yt-dlp's
  // --cookies): seven tab-separated fields, domain, subdomains flag, path, secure flag, expiry, name, value
  // (https://curl.se/docs/http-cookies.html). A session-named cookie's value is a login.
  custom({
    id: "session-cookie-jar",
    description: "Session cookie value in a Netscape cookie file (curl/wget cookie jar, browser export)",
    kind: "token",
    severity: "medium",
    docs: "https://curl.se/docs/http-cookies.html",
    keywords: ["\ttrue\t", "\tfalse\t"],
    pattern:
      /^(?:#HttpOnly_)?[\w.-]{1,253}\t(?:TRUE|FALSE)\t[^\t\n]{1,200}\t(?:TRUE|FALSE)\t\d{1,12}\t(?:(?:[\w.-]{0,40}[_.-])?(?:session|sessionid|session_id|sess|sid|phpsessid|jsessionid|session-token|session_token)|\.aspnetcore\.cookies|\.aspxauth)\t(?<secret>[A-Za-z0-9%._~+/=-]{20,4000})$/im,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [
          `# Netscape HTTP Cookie File\n#HttpOnly_.app.example.com\tTRUE\t/\tTRUE\t1793529600\tapp_session\t${fake(ALNUM, 64, "jar")}\n`,
          `.github.com\tTRUE\t/\tTRUE\t1793529600\tuser_session\t${fake(B64URL, 48, "jar2")}\n`,
        ],
        valid: [
          `.app.example.com\tTRUE\t/\tFALSE\t1793529600\t_ga\tGA1.2.${fake(HEX, 20, "jar-ga")}\n`,
          `.app.example.com\tTRUE\t/\tTRUE\t0\tsession\tdeleted\n`,
        ],
      };
    },
  }),
];
