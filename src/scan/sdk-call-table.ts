// SDK calls that take a credential as a positional argument, with no name beside the value to say so:
// `swell.init("store", "<secret key>")`, ArcGIS `GIS(url, user, "<password>")`. The call's documented
// parameter list is the name (as `mysqli_connect(host, user, password)` is for builtin-detector.ts's
// CREDENTIAL_CALLS). Read by sdk-arguments.ts; each `mark` (lower-case, found by the engine's keyword pass,
// rule-set.ts ENGINE_KEYWORDS) gates its entry, so a file that calls none of them costs nothing.
//
// Only string literals are judged, each under `name` (judge.ts), so a placeholder, an environment reference
// or a word stays out. Browser SDKs whose documented key is public (Algolia's `algoliasearch(appId,
// searchKey)` in a page, Stripe.js) are not listed: the server-side clients are.

export interface SdkCall {
  /** Lower-case text the keyword pass finds wherever the call is written. */
  mark: string;
  /** The callee, as written right before `(` (a regex source, matched case-sensitively, then `\s*\(`). */
  callee: string;
  /** Zero-based positions of the credential arguments. */
  secrets: number[];
  /** The name the value is judged under (judge.ts). */
  name: string;
  /** What the argument is, for the finding's reason. */
  what: string;
}

export const SDK_CALLS: SdkCall[] = [
  // swell-node: `swell.init('<store-id>', '<secret-key>')` (https://developers.swell.is/backend-api/getting-started).
  { mark: "swell.init", callee: String.raw`\bswell\.init`, secrets: [1], name: "secret_key", what: "Swell secret key (second argument of swell.init)" },
  // ArcGIS API for Python: `GIS(url=None, username=None, password=None, …)`
  // (https://developers.arcgis.com/python/latest/api-reference/arcgis.gis.toc.html#gis).
  { mark: "gis(", callee: String.raw`(?<![\w.])(?:arcgis\.gis\.)?GIS`, secrets: [2], name: "password", what: "ArcGIS password (third argument of GIS())" },
  // AWS SDK for Java 1.x `new BasicAWSCredentials(accessKey, secretKey)`, `new BasicSessionCredentials(ak, sk, token)`;
  // 2.x `AwsBasicCredentials.create(ak, sk)`, `AwsSessionCredentials.create(ak, sk, token)`
  // (https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/auth/BasicAWSCredentials.html).
  { mark: "basicawscredentials(", callee: String.raw`\bBasicAWSCredentials`, secrets: [1], name: "aws_secret_access_key", what: "AWS secret access key (second argument of BasicAWSCredentials)" },
  { mark: "basicsessioncredentials(", callee: String.raw`\bBasicSessionCredentials`, secrets: [1, 2], name: "aws_secret_access_key", what: "AWS secret key or session token (argument of BasicSessionCredentials)" },
  { mark: "credentials.create(", callee: String.raw`\bAws(?:Basic|Session)Credentials\.create`, secrets: [1, 2], name: "aws_secret_access_key", what: "AWS secret key or session token (argument of Aws…Credentials.create)" },
  // AWS SDK for Go `credentials.NewStaticCredentials(id, secret, token)`, v2 `NewStaticCredentialsProvider(key, secret, session)`,
  // minio-go `credentials.NewStaticV4(id, secret, token)` (https://pkg.go.dev/github.com/aws/aws-sdk-go-v2/credentials#NewStaticCredentialsProvider).
  { mark: "newstatic", callee: String.raw`\bcredentials\.NewStatic(?:Credentials(?:Provider)?|V[24])`, secrets: [1], name: "aws_secret_access_key", what: "secret access key (second argument of credentials.NewStatic…)" },
  // AWS SDK for JavaScript v2 `new AWS.Credentials(accessKeyId, secretAccessKey, sessionToken)`.
  { mark: "aws.credentials(", callee: String.raw`\bAWS\.Credentials`, secrets: [1], name: "aws_secret_access_key", what: "AWS secret access key (second argument of AWS.Credentials)" },
  // MinIO Python `Minio(endpoint, access_key, secret_key)` (https://min.io/docs/minio/linux/developers/python/API.html).
  { mark: "minio(", callee: String.raw`(?<![\w.])(?:minio\.)?Minio`, secrets: [2], name: "secret_key", what: "MinIO secret key (third argument of Minio())" },
  // Apache HttpClient `new UsernamePasswordCredentials(user, password)`, JavaMail `new PasswordAuthentication(user, password)`,
  // MongoDB Java `MongoCredential.createCredential(user, database, password)`.
  { mark: "usernamepasswordcredentials(", callee: String.raw`\bUsernamePasswordCredentials`, secrets: [1], name: "password", what: "password (second argument of UsernamePasswordCredentials)" },
  { mark: "passwordauthentication(", callee: String.raw`\bPasswordAuthentication`, secrets: [1], name: "password", what: "password (second argument of PasswordAuthentication)" },
  { mark: "createcredential(", callee: String.raw`\bMongoCredential\.create(?:ScramSha(?:1|256))?Credential`, secrets: [2], name: "password", what: "MongoDB password (third argument of MongoCredential.createCredential)" },
  // Python ftplib `FTP(host, user, passwd)`, `FTP_TLS(…)` (https://docs.python.org/3/library/ftplib.html#ftplib.FTP);
  // MySQLdb/PyMySQL `connect(host, user, passwd, db)`; python-ldap `simple_bind_s(who, cred)`, `bind_s(who, cred, method)`.
  { mark: "ftp(", callee: String.raw`(?<![\w.])(?:ftplib\.)?FTP`, secrets: [2], name: "password", what: "FTP password (third argument of ftplib.FTP)" },
  { mark: "ftp_tls(", callee: String.raw`(?<![\w.])(?:ftplib\.)?FTP_TLS`, secrets: [2], name: "password", what: "FTP password (third argument of ftplib.FTP_TLS)" },
  { mark: "mysql.connect(", callee: String.raw`\b(?:MySQLdb|pymysql|_mysql)\.connect`, secrets: [2], name: "password", what: "MySQL password (third argument of connect)" },
  { mark: "bind_s(", callee: String.raw`\.(?:simple_)?bind_s`, secrets: [1], name: "password", what: "LDAP bind password (second argument of bind_s)" },
  { mark: "simple_bind(", callee: String.raw`\.simple_bind`, secrets: [1], name: "password", what: "LDAP bind password (second argument of simple_bind)" },
  // PHP `ldap_bind($link, $dn, $password)`, `ftp_login($ftp, $user, $password)`, `ssh2_auth_password($session, $user, $password)`,
  // `imap_open($mailbox, $user, $password)` (https://www.php.net/manual/en/function.ldap-bind.php).
  { mark: "ldap_bind(", callee: String.raw`\bldap_bind`, secrets: [2], name: "password", what: "LDAP bind password (third argument of ldap_bind)" },
  { mark: "ftp_login(", callee: String.raw`\bftp_login`, secrets: [2], name: "password", what: "FTP password (third argument of ftp_login)" },
  { mark: "ssh2_auth_password(", callee: String.raw`\bssh2_auth_password`, secrets: [2], name: "password", what: "SSH password (third argument of ssh2_auth_password)" },
  { mark: "imap_open(", callee: String.raw`\bimap_open`, secrets: [2], name: "password", what: "IMAP password (third argument of imap_open)" },
  // Perl Net::FTP/Net::POP3 `$ftp->login($user, $pass)`, Net::SMTP `$smtp->auth($user, $pass)`.
  { mark: "->login(", callee: String.raw`->login`, secrets: [1], name: "password", what: "password (second argument of ->login)" },
  { mark: "->auth(", callee: String.raw`->auth`, secrets: [1], name: "password", what: "password (second argument of ->auth)" },
  // Ruby `Net::SMTP.start(address, port, helo, user, secret, authtype)`, `Net::FTP.new(host, user, passwd)`,
  // `Net::POP3.start(address, port, account, password)` (https://docs.ruby-lang.org/en/3.2/Net/SMTP.html#method-c-start).
  { mark: "net::smtp.start(", callee: String.raw`\bNet::SMTP\.start`, secrets: [4], name: "password", what: "SMTP password (fifth argument of Net::SMTP.start)" },
  { mark: "net::ftp.", callee: String.raw`\bNet::FTP\.(?:new|open)`, secrets: [2], name: "password", what: "FTP password (third argument of Net::FTP.new)" },
  { mark: "net::pop3.start(", callee: String.raw`\bNet::POP3\.start`, secrets: [3], name: "password", what: "POP3 password (fourth argument of Net::POP3.start)" },
  // Algolia's server clients `SearchClient.create(appId, apiKey)` (Ruby, Python, Java), PHP `SearchClient::create`,
  // Go `search.NewClient(appID, apiKey)`: a write or admin key (https://www.algolia.com/doc/libraries/ruby/v3/).
  { mark: "searchclient", callee: String.raw`\b(?:Default)?SearchClient(?:\.|::)create`, secrets: [1], name: "api_key", what: "Algolia API key (second argument of SearchClient.create)" },
  { mark: "search.newclient(", callee: String.raw`\bsearch\.NewClient`, secrets: [1], name: "api_key", what: "Algolia API key (second argument of search.NewClient)" },
  // tweepy `OAuthHandler(consumer_key, consumer_secret)`, `auth.set_access_token(key, secret)`,
  // `OAuth1UserHandler(consumer_key, consumer_secret, access_token, access_token_secret)`.
  { mark: "oauthhandler(", callee: String.raw`\bOAuthHandler`, secrets: [1], name: "consumer_secret", what: "OAuth consumer secret (second argument of OAuthHandler)" },
  { mark: "set_access_token(", callee: String.raw`\.set_access_token`, secrets: [0, 1], name: "access_token_secret", what: "OAuth access token or secret (argument of set_access_token)" },
  { mark: "oauth1userhandler(", callee: String.raw`\bOAuth1UserHandler`, secrets: [1, 2, 3], name: "access_token_secret", what: "OAuth secret (argument of OAuth1UserHandler)" },
  // Twilio `TwilioClient.Init(accountSid, authToken)` (C#), `Twilio.init(accountSid, authToken)` (Java).
  { mark: "twilio", callee: String.raw`\bTwilio(?:Client\.Init|\.init)`, secrets: [1], name: "auth_token", what: "Twilio auth token (second argument of Twilio init)" },
  // Go golang.org/x/crypto/ssh `ssh.Password(secret)`, gomail `gomail.NewDialer(host, port, username, password)`.
  { mark: "ssh.password(", callee: String.raw`\bssh\.Password`, secrets: [0], name: "password", what: "SSH password (ssh.Password)" },
  { mark: "dialer(", callee: String.raw`\b(?:gomail|mail)\.New(?:Plain)?Dialer`, secrets: [3], name: "password", what: "SMTP password (fourth argument of NewDialer)" },
  // web-push (Node) `webpush.setVapidDetails(subject, publicKey, privateKey)`: the VAPID private key signs every push
  // (https://github.com/web-push-libs/web-push#setvapiddetailssubject-publickey-privatekey).
  { mark: "setvapiddetails(", callee: String.raw`\.setVapidDetails`, secrets: [2], name: "vapid_private_key", what: "VAPID private key (third argument of setVapidDetails)" },
  // hvac `hvac.Client(url, token)` (https://hvac.readthedocs.io/en/stable/source/hvac_v1.html#hvac.v1.Client).
  { mark: "hvac.client(", callee: String.raw`\bhvac\.Client`, secrets: [1], name: "vault_token", what: "Vault token (second argument of hvac.Client)" },
  // .NET `new NetworkCredential(userName, password[, domain])` (System.Net; VB `New Net.NetworkCredential(…)`), also as a
  // field initialised with a target-typed `new(…)`: `NetworkCredential Share = new("svc", "…")`
  // (https://learn.microsoft.com/dotnet/api/system.net.networkcredential.-ctor).
  { mark: "networkcredential", callee: String.raw`\bNetworkCredential(?:[ \t]+[A-Za-z_]\w*[ \t]*=[ \t]*new)?`, secrets: [1], name: "password", what: "password (second argument of new NetworkCredential)" },
  // Duende/IdentityServer `new Secret("…".Sha256())` (`ClientSecrets`, `ApiSecrets`): the literal is the client secret,
  // hashed when the server starts (https://docs.duendesoftware.com/identityserver/fundamentals/clients/). Only with the
  // hashing call: `new Secret("<hash>")` stores a hash, and other libraries' `Secret("name", …)` name a resource.
  { mark: "secret(", callee: String.raw`\bnew[ \t]+Secret(?=[ \t]*\([ \t]*"[^"\n]{1,200}"\.Sha(?:256|512)\(\))`, secrets: [0], name: "client_secret", what: "client secret (IdentityServer new Secret(\"…\".Sha256()))" },
  // Arctic (the OAuth 2.0 clients Lucia and Better Auth apps use): `new GitHub(clientId, clientSecret, redirectURI)`,
  // `new arctic.Google(…)`; the providers that take an issuer, domain or tenant first (`new GitLab(baseURL, clientId,
  // clientSecret, …)`, `new Auth0(domain, …)`, `new MicrosoftEntraId(tenant, …)`) one place later
  // (https://arcticjs.dev/providers/github). The client id, a public identifier, is not judged.
  { mark: "arctic", callee: String.raw`\bnew[ \t]+(?:arctic\.)?(?:GitHub|Google|Discord|Facebook|Spotify|Twitch|Slack|LinkedIn|Twitter|Dropbox|Notion|Zoom|Reddit|Bitbucket|Atlassian|Strava|Patreon|Linear|Figma|Coinbase|Yahoo|Roblox|Salesforce|Tiktok|Etsy)`, secrets: [1], name: "client_secret", what: "OAuth client secret (second argument of an Arctic provider)" },
  { mark: "arctic", callee: String.raw`\bnew[ \t]+(?:arctic\.)?(?:GitLab|Auth0|MicrosoftEntraId|Cognito|KeyCloak|Authentik|Zitadel)`, secrets: [2], name: "client_secret", what: "OAuth client secret (third argument of an Arctic provider)" },
  // Svix and Standard Webhooks (Clerk, Resend, Supabase auth hooks) `new Webhook(secret)`
  // (https://docs.svix.com/receiving/verifying-payloads/how, https://github.com/standard-webhooks/standard-webhooks),
  // Polar's `validateEvent(body, headers, secret)` (https://docs.polar.sh/integrate/webhooks/delivery).
  { mark: "webhook(", callee: String.raw`\bnew[ \t]+Webhook`, secrets: [0], name: "webhook_secret", what: "webhook signing secret (argument of new Webhook)" },
  { mark: "validateevent(", callee: String.raw`\bvalidateEvent`, secrets: [2], name: "webhook_secret", what: "webhook secret (third argument of validateEvent)" },
];

/** Every entry's mark (ENGINE_KEYWORDS). */
export const SDK_CALL_MARKS: string[] = [...new Set(SDK_CALLS.map((c) => c.mark))];
