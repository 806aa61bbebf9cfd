import type { Rule } from "../src/scan/types.js";
import { custom } from "./build.js";
import { isRealPassword } from "./passwords.js";
import { ALNUM, HEX_UPPER, fake, uuid } from "./fake.js";

// Passwords written on command lines in scripts, CI files, Dockerfiles and
// READMEs. The first character of the password may not be "$" (a variable) or
// "-" (the next option), and "-p" followed by a space is the interactive prompt.
// The span between the command and its option is a tempered token
// ((?:(?!curl)[^\n]){0,300}?): it stops at the next occurrence of the command,
// so spans never overlap and a line of "curl curl curl …" stays linear.
const pw = (seed: string): string => fake(ALNUM, 16, seed);
// Not a value: `](` after the flag is a Markdown link whose text ends with the flag (a rule list, a README).
const VALUE = `(?<secret>[^\\s"'$\`\\]-][^\\s"'\`]{2,200})`;

export const rules: Rule[] = [
  // chpasswd reads "user:password" lines from standard input: `echo "deploy:…" | chpasswd` in
  // provisioning scripts, Vagrantfile and Dockerfile RUN lines. `-e` takes hashes ("$6$…", excluded
  // by the first character); "$" also starts a variable.
  custom({
    id: "chpasswd-password",
    description: "Password set through chpasswd (echo \"user:password\" | chpasswd)",
    kind: "password",
    severity: "high",
    docs: "https://man7.org/linux/man-pages/man8/chpasswd.8.html",
    keywords: ["chpasswd"],
    pattern: /\becho[ \t]{1,4}(?:-[ne][ \t]{1,4})?(["']?)[a-z_][a-z0-9_.-]{0,31}:(?<secret>[^\s"':$][^\s"':]{2,127})\1[ \t]{0,4}\|[ \t]{0,4}(?:sudo[ \t]{1,4})?(?:\/usr\/sbin\/)?chpasswd\b/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`echo "deploy:${pw("chpasswd")}" | chpasswd`, `RUN echo 'root:${pw("chpasswd2")}' | sudo chpasswd`, `  echo -e ops:${pw("chpasswd3")} | /usr/sbin/chpasswd`],
        valid: ['echo "deploy:$DEPLOY_PASSWORD" | chpasswd', "echo 'root:password' | chpasswd", "echo \"deploy:${PASS}\" | chpasswd -e", `echo "host:${pw("chpasswd4")}" > /tmp/hosts`],
      };
    },
  }),
  custom({
    id: "sshpass-password",
    description: "Password given to sshpass -p on a command line",
    kind: "password",
    severity: "high",
    docs: "https://man.archlinux.org/man/sshpass.1",
    keywords: ["sshpass"],
    pattern: new RegExp(`\\bsshpass[ \\t]{1,4}-p[ \\t]{0,4}["']?${VALUE}`),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`sshpass -p '${pw("sshpass")}' ssh deploy@10.0.0.7 'systemctl restart app'`],
        valid: ['sshpass -p "$DEPLOY_PASSWORD" ssh deploy@10.0.0.7', "sshpass -e ssh deploy@host"],
      };
    },
  }),
  custom({
    id: "mysql-cli-password",
    description: "Password given to a mysql client (mysql, mysqldump, mysqladmin) with -p or --password=",
    kind: "database-credential",
    severity: "high",
    docs: "https://dev.mysql.com/doc/refman/8.0/en/password-security-user.html",
    keywords: ["mysql"],
    pattern: new RegExp(`\\bmysql(?:dump|admin|import|check|show|pump|sh)?(?:[ \\t](?:(?!mysql)[^\\n|;&]){0,200}?)?[ \\t](?:-p|--password=)["']?${VALUE}`),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`mysqldump -h db.acme.internal -u backup -p${pw("mysqlcli")} shop > shop.sql`, `mysql --user=root --password=${pw("mysqlcli2")} -e "select 1"`],
        valid: ["mysql -u root -p shop", 'mysql -u root -p"$MYSQL_PWD" shop', "mysql -u root --password=$MYSQL_ROOT_PASSWORD", "[Password given to a mysql client with -p or --password=](https://dev.mysql.com/doc/refman/8.0/en/password-security-user.html)"],
      };
    },
  }),
  // MongoDB shells and tools (mongosh, legacy mongo, mongodump/mongorestore/mongoexport/…) take the
  // password as the value of -p / --password; a bare -p (end of line, or the next option) prompts:
  // https://www.mongodb.com/docs/mongodb-shell/reference/options/,
  // https://www.mongodb.com/docs/database-tools/mongodump/#std-option-mongodump.--password.
  // The tempered span stops at the next mongo command, not at a mongodb:// address.
  custom({
    id: "mongo-cli-password",
    description: "Password given to a MongoDB shell or tool (mongosh, mongo, mongodump, …) with -p or --password",
    kind: "database-credential",
    severity: "high",
    docs: "https://www.mongodb.com/docs/mongodb-shell/reference/options/",
    keywords: ["mongo"],
    pattern: new RegExp(`\\bmongo(?:sh|dump|restore|export|import|stat|top|files)?(?:[ \\t](?:(?!mongo(?:sh|dump|restore|export|import|stat|top|files)?[ \\t])[^\\n|;&]){0,300}?)?[ \\t](?:-p|--password)(?:=|[ \\t]{1,4})["']?${VALUE}`),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `mongosh "mongodb://db01.acme.internal:27017/shop" -u admin -p ${pw("mongocli")} --authenticationDatabase admin`,
          `mongodump --host db01 --username backup --password=${pw("mongocli2")} --out /backups/nightly`,
          `mongo shop --username app --password '${pw("mongocli3")}' --eval "db.stats()"`,
        ],
        valid: [
          "mongosh -u admin -p --authenticationDatabase admin",
          "mongosh mongodb://db01:27017 -u admin -p",
          'mongosh -u admin --password "$MONGO_PW" shop',
          "mongodump --username backup --password --out /backups",
          "mongorestore --port 27017 -u app -p $MONGO_PASSWORD /backups",
        ],
      };
    },
  }),
  custom({
    id: "curl-basic-auth",
    description: "User and password given to curl -u/--user on a command line",
    kind: "password",
    severity: "high",
    docs: "https://curl.se/docs/manpage.html#-u",
    keywords: ["curl"],
    pattern: new RegExp(`\\bcurl(?:[ \\t](?:(?!curl)[^\\n]){0,300}?)?[ \\t](?:-u|--user)[ \\t]{1,4}["']?[^\\s:"'$]{1,100}:${VALUE}`),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`curl -sS -u admin:${pw("curl")} https://jenkins.acme.io/api/json`, `curl --user "deploy:${pw("curl2")}" -X POST https://nexus.acme.io/upload`],
        valid: ['curl -u "$USER:$PASSWORD" https://api.acme.io', "curl -u user:password https://httpbin.org/basic-auth/user/password", "curl -u admin: https://x"],
      };
    },
  }),
  custom({
    id: "redis-cli-password",
    description: "Password given to redis-cli -a on a command line",
    kind: "database-credential",
    severity: "high",
    docs: "https://redis.io/docs/latest/develop/tools/cli/",
    keywords: ["redis-cli"],
    pattern: new RegExp(`\\bredis-cli(?:[ \\t](?:(?!redis-cli)[^\\n|;&]){0,200}?)?[ \\t](?:-a|--pass)[ \\t]{1,4}["']?${VALUE}`),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`redis-cli -h cache.acme.internal -a ${pw("rediscli")} ping`],
        valid: ['redis-cli -h cache -a "$REDIS_PASSWORD" ping', "redis-cli -h cache ping"],
      };
    },
  }),
  custom({
    id: "redis-server-password",
    description: "Password a Redis server requires (requirepass/masterauth) on its command line or in redis.conf",
    kind: "database-credential",
    severity: "high",
    docs: "https://redis.io/docs/latest/operate/oss_and_stack/management/security/#authentication",
    keywords: ["requirepass", "masterauth"],
    // `redis-server --requirepass X`, the exec form of a compose `command:`
    // (`"--requirepass", "X"`), and the redis.conf directive at a line start.
    // redis-cli's `CONFIG SET requirepass …` (a history file, a provisioning script) sets the same password at run time.
    pattern: new RegExp(`(?:--|^[ \\t]*|\\b(?:CONFIG|config)[ \\t]{1,4}(?:SET|set)[ \\t]{1,4})(?:requirepass|masterauth)(?:[ \\t]{1,4}|["'][ \\t]*,[ \\t]*)["']?${VALUE}`, "m"),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `redis-server --appendonly yes --requirepass ${pw("requirepass")}`,
          `    command: ["redis-server", "--requirepass", "${pw("requirepass2")}"]`,
          `requirepass ${pw("redisconf")}`,
          `CONFIG SET requirepass "${pw("redisconfigset")}"`,
          `redis-cli -h cache config set masterauth ${pw("redisconfigset2")}`,
        ],
        valid: ['CONFIG SET requirepass ""', "CONFIG GET requirepass", 'redis-server --requirepass "$REDIS_PASSWORD"', "command: redis-server --requirepass ${REDIS_PASSWORD}", "# requirepass foobared", "Set requirepass in redis.conf to enable AUTH."],
      };
    },
  }),
  custom({
    id: "docker-login-password",
    description: "Password given to docker login -p/--password on a command line",
    kind: "password",
    severity: "high",
    docs: "https://docs.docker.com/reference/cli/docker/login/",
    keywords: ["login"],
    pattern: new RegExp(`\\b(?:docker|podman|helm registry|nerdctl)[ \\t]{1,4}login(?:[ \\t](?:(?!login)[^\\n|;&]){0,200}?)?[ \\t](?:-p|--password)(?:[ \\t]{1,4}|=)["']?${VALUE}`),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`docker login -u ci -p ${pw("dockerlogin")} registry.acme.io`, `podman login --username ci --password=${pw("podman")} quay.io`],
        valid: ['docker login -u ci -p "$REGISTRY_PASSWORD" registry.acme.io', 'echo "$TOKEN" | docker login -u ci --password-stdin registry.acme.io'],
      };
    },
  }),
  // PowerShell turns a literal into a credential with `ConvertTo-SecureString "…" -AsPlainText -Force`:
  // the plain-text password is in the script (Microsoft documents the parameter as insecure,
  // https://learn.microsoft.com/powershell/module/microsoft.powershell.security/convertto-securestring).
  custom({
    id: "powershell-plaintext-securestring",
    description: "Password literal passed to PowerShell ConvertTo-SecureString -AsPlainText",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/powershell/module/microsoft.powershell.security/convertto-securestring",
    keywords: ["convertto-securestring"],
    // A single-quoted string is verbatim in PowerShell (`$` is a character, about_Quoting_Rules); a
    // double-quoted one expands `$name` and backtick escapes, so only literal text counts there.
    pattern: /ConvertTo-SecureString[ \t]{1,4}(?:-String[ \t]{1,4})?(["'])(?:(?<=")(?=[^"\n$`]{4,128}")|(?<=')(?=[^'\n]{4,128}'))(?<secret>[^"'\n]{4,128})\1(?=[^\n]{0,60}?-AsPlainText)/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`$pw = ConvertTo-SecureString "${pw("securestring")}" -AsPlainText -Force`, `$pw = ConvertTo-SecureString -String '${pw("securestring2")}' -AsPlainText -Force`, `$Cred = [pscredential]::new('svc_sql', (ConvertTo-SecureString '${pw("securestring3")}$Bm' -AsPlainText -Force))`],
        valid: ["$pw = ConvertTo-SecureString $env:DEPLOY_PASSWORD -AsPlainText -Force", '$pw = ConvertTo-SecureString "$Password" -AsPlainText -Force', "$pw = Read-Host -AsSecureString", `$s = ConvertTo-SecureString "${fake(ALNUM, 40, "dpapi")}"`],
      };
    },
  }),
  // Perl DBI: `DBI->connect($dsn, $user, $password, \%attr)` (https://metacpan.org/pod/DBI#connect);
  // a string literal in the third position is the database password.
  custom({
    id: "perl-dbi-password",
    description: "Password literal passed to Perl DBI->connect",
    kind: "database-credential",
    severity: "high",
    docs: "https://metacpan.org/pod/DBI#connect",
    // Ruby's DBI takes the same arguments: `DBI.connect("DBI:Mysql:db:host", "user", "password")`.
    keywords: ["dbi->connect", "dbi.connect"],
    pattern: /DBI(?:->|\.)connect(?:_cached)?[ \t]{0,4}\([ \t]{0,4}(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|\$\w{1,40})[ \t]{0,4},[ \t]{0,4}(?:"[^"\n]{0,100}"|'[^'\n]{0,100}'|\$\w{1,40})[ \t]{0,4},[ \t]{0,4}(["'])(?<secret>[^"'\n$@]{4,128})\1/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`my $dbh = DBI->connect("dbi:Pg:dbname=app;host=db01", "app", "${pw("dbi")}", { RaiseError => 1 });`, `my $dbh = DBI->connect($dsn, 'report', '${pw("dbi2")}');`, `dbh = DBI.connect("DBI:Mysql:reports:db01", "reports", "${pw("dbi3")}")`],
        valid: ['my $dbh = DBI->connect($dsn, $user, $password, { RaiseError => 1 });', 'my $dbh = DBI->connect("dbi:SQLite:dbname=app.db", "", "");', `my $dbh = DBI->connect($dsn, "app", "$ENV{DB_PASSWORD}");`],
      };
    },
  }),
  // OpenSSL pass phrase arguments: `-passin pass:…` / `-passout pass:…` / `-pass pass:…` give the
  // password itself (the `env:`, `file:`, `fd:` and `stdin` forms do not):
  // https://docs.openssl.org/3.0/man1/openssl-passphrase-options/.
  custom({
    id: "openssl-pass-argument",
    description: "Pass phrase given on an OpenSSL command line (-passin/-passout/-pass pass:…)",
    kind: "password",
    severity: "high",
    docs: "https://docs.openssl.org/3.0/man1/openssl-passphrase-options/",
    keywords: ["pass:"],
    pattern: /(?:^|[ \t])-(?:passin|passout|pass|kpass|macpass)[ \t]{1,4}["']?pass:(?<secret>[^\s"'$`]{4,200})/m,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`openssl pkcs12 -export -in tls.crt -inkey tls.key -out tls.p12 -passout pass:${pw("opensslpass")}`, `openssl rsa -in enc.key -passin 'pass:${pw("opensslpass2")}' -out plain.key`],
        valid: ["openssl genrsa -aes128 -passout pass:asdf -out server.key 2048", "openssl pkcs12 -export -in tls.crt -inkey tls.key -out tls.p12 -passout env:P12_PASSWORD", "openssl rsa -in enc.key -passin pass:$KEY_PASS -out plain.key", "openssl pkcs12 -in a.p12 -passin file:pass.txt"],
      };
    },
  }),
  // Java keytool store and key passwords: `-storepass`, `-keypass`, `-srcstorepass`, `-deststorepass`
  // (https://docs.oracle.com/en/java/javase/21/docs/specs/man/keytool.html); `:env` / `:file` take a name.
  custom({
    id: "keytool-password",
    description: "Keystore or key password given to Java keytool on a command line",
    kind: "password",
    severity: "high",
    docs: "https://docs.oracle.com/en/java/javase/21/docs/specs/man/keytool.html",
    keywords: ["storepass", "keypass"],
    // The line start or blank is looked behind: every match then starts with one of the option names,
    // and the rule runs only where the keyword pass saw one, not over whole texts.
    // The option must belong to a keytool/jarsigner command (or one naming a keystore) on the same
    // line or one continued with `\`, `^` or a backtick: the JDK's own usage messages, in every
    // language (`-keypass und -new können nicht…`, `-srckeypass must not be specified`), name the
    // options in prose. The look-behind runs only where an option name matched.
    pattern: /(?<=^|[ \t])-(?:storepass|keypass|srcstorepass|deststorepass|srckeypass|destkeypass|new)(?<=(?:\b(?:keytool|jarsigner)|[ \t]-(?:src|dest)?keystore[ \t])(?:[^\n]|[\\^`]\r?\n){0,1000})[ \t]{1,4}(["']?)(?<secret>[^\s"'$`:-][^\s"'$`]{3,200})\1(?=\s|$)/m,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`keytool -importcert -noprompt -keystore truststore.jks -storepass ${pw("keytool")} -alias ca -file ca.crt`, `keytool -genkeypair -alias app -keystore app.p12 -storetype PKCS12 -storepass '${pw("keytool2")}' -keypass '${pw("keytool3")}'`,
          // A command continued over lines: the option is on a later line than `keytool`.
          `keytool -importkeystore \\\n  -srckeystore legacy.jks -destkeystore app.p12 \\\n  -deststoretype PKCS12 -deststorepass ${pw("keytool4")}`,
        ],
        valid: [
          "keytool -list -keystore cacerts -storepass changeit",
          "keytool -importcert -keystore ts.jks -storepass:env STORE_PASS -file ca.crt",
          'keytool -list -keystore ks.jks -storepass "$STORE_PASS"',
          // A usage message naming the options in prose, with no command around them.
          "if -protected is given, then -storepass, -keypass, and -new must not be given",
          "Wenn -protected angegeben ist, dürfen -storepass, -keypass und -new nicht angegeben werden",
        ],
      };
    },
  }),
  // SQL Server command-line tools: `sqlcmd -U user -P password`, `bcp … -P password`
  // (https://learn.microsoft.com/sql/tools/sqlcmd/sqlcmd-utility).
  custom({
    id: "sqlcmd-password",
    description: "Password given to sqlcmd / bcp / osql with -P",
    kind: "database-credential",
    severity: "high",
    docs: "https://learn.microsoft.com/sql/tools/sqlcmd/sqlcmd-utility",
    keywords: ["sqlcmd", "bcp ", "osql"],
    pattern: /\b(?:sqlcmd|bcp|osql)(?:[ \t](?:(?!sqlcmd|\bbcp\b|osql)[^\n|;&]){0,200}?)?[ \t]-P[ \t]{0,4}(["']?)(?<secret>[^\s"'$`%\]-][^\s"'$`]{3,128})\1(?=\s|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`sqlcmd -S db.acme.internal -U sa -P ${pw("sqlcmd")} -Q "SELECT 1"`, `bcp dbo.orders out orders.dat -S db01 -U etl -P '${pw("bcp")}' -c`],
        valid: ['sqlcmd -S db -U sa -P "$SA_PASSWORD" -Q "SELECT 1"', "sqlcmd -S db -U sa -P %SA_PASSWORD% -Q \"SELECT 1\"", "sqlcmd -S db -E -Q \"SELECT 1\"", "[Password given to sqlcmd / bcp / osql with -P](https://learn.microsoft.com/sql/tools/sqlcmd/sqlcmd-utility)"],
      };
    },
  }),
  // `htpasswd -b[c…] file user password` takes the password from the command line (batch mode):
  // https://httpd.apache.org/docs/2.4/programs/htpasswd.html.
  custom({
    id: "htpasswd-batch-password",
    description: "Password given to htpasswd in batch mode (-b)",
    kind: "password",
    severity: "high",
    docs: "https://httpd.apache.org/docs/2.4/programs/htpasswd.html",
    keywords: ["htpasswd"],
    pattern: /\bhtpasswd(?:[ \t]{1,4}-[a-zA-Z]{1,8}){0,4}?[ \t]{1,4}-[a-zA-Z]{0,6}b[a-zA-Z]{0,6}(?:[ \t]{1,4}-[a-zA-Z]{1,8}){0,4}[ \t]{1,4}[^\s-][^\s]{0,200}[ \t]{1,4}[^\s]{1,64}[ \t]{1,4}(["']?)(?<secret>[^\s"'$`][^\s"'$`]{3,128})\1(?=\s|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`htpasswd -b -c /etc/nginx/.htpasswd admin ${pw("htpasswd")}`, `htpasswd -Bbc auth/users ops '${pw("htpasswd2")}'`],
        valid: ["htpasswd -c /etc/nginx/.htpasswd admin", 'htpasswd -b /etc/nginx/.htpasswd admin "$ADMIN_PASSWORD"', "htpasswd -nb user $PASS"],
      };
    },
  }),
  // `aws configure set aws_secret_access_key …` writes the key to ~/.aws/credentials from the command line.
  custom({
    id: "aws-configure-set-secret",
    description: "AWS secret access key or session token given to aws configure set",
    kind: "cloud-credential",
    severity: "critical",
    docs: "https://docs.aws.amazon.com/cli/latest/reference/configure/set.html",
    keywords: ["configure set"],
    pattern: /\baws[ \t]{1,4}configure[ \t]{1,4}set[ \t]{1,4}(?:[\w.-]{0,40}\.)?(?:aws_secret_access_key|aws_session_token)[ \t]{1,4}(["']?)(?<secret>[A-Za-z0-9/+=]{30,1200})\1(?=\s|$)/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`aws configure set aws_secret_access_key ${fake(ALNUM, 40, "awsconf")} --profile ci`],
        valid: ["aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY --profile ci", "aws configure set region eu-west-1"],
      };
    },
  }),
  // GitHub CLI `gh secret set NAME --body "<value>"` (`-b`): whatever is set there is an Actions,
  // Dependabot or Codespaces secret by definition (https://cli.github.com/manual/gh_secret_set).
  // Piped or file input (`< file`, `--body -`, `$(…)`) carries no literal.
  custom({
    id: "gh-secret-set-body",
    description: "Secret value given to gh secret set --body",
    kind: "generic-secret",
    severity: "high",
    docs: "https://cli.github.com/manual/gh_secret_set",
    keywords: ["secret set"],
    pattern: /\bgh[ \t]{1,4}secret[ \t]{1,4}set\b[^\n|;&]{0,200}?[ \t](?:--body[= \t]|-b[ \t]?)[ \t]{0,4}(["']?)(?<secret>[^\s"'$`<>|;&-][^\s"'`<>|;&]{5,1000})\1(?=\s|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`gh secret set NPM_TOKEN --body "${fake(ALNUM, 24, "ghsecret")}"`, `gh secret set -R acme/app DEPLOY_KEY -b${fake(ALNUM, 32, "ghsecret2")} --env prod`],
        valid: ['gh secret set NPM_TOKEN --body "$NPM_TOKEN"', "gh secret set NPM_TOKEN < token.txt", "gh secret set NPM_TOKEN --body -", 'gh secret set SENTRY_TOKEN --body "<your token>"'],
      };
    },
  }),
  // Windows `net use [drive:] \\server\share [password] [/user:[domain\\]name]`: the password is a
  // positional argument, before or after /user (https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-r2-and-2012/gg651155(v=ws.11)).
  custom({
    id: "windows-net-use-password",
    description: "Windows net use command with a password",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-r2-and-2012/gg651155(v=ws.11)",
    keywords: ["net use "],
    pattern: /\bnet[ \t]{1,4}use[ \t]{1,4}(?:[A-Za-z*]:[ \t]{1,4})?\\\\[^\s\\]{1,253}\\\S{1,200}(?:[ \t]{1,4}\/user:\S{1,200})?[ \t]{1,4}(?<secret>[^\s\/*"%$-][^\s"]{3,127})(?=[ \t]|$)/im,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`net use Z: \\\\nas.acme.io\\backup /user:ACME\\svc-backup ${fake(ALNUM, 14, "netuse")} /persistent:no`, `net use \\\\fs01\\share ${fake(ALNUM, 14, "netuse2")} /user:ops`],
        valid: ["net use Z: \\\\nas\\backup /user:ACME\\svc %BACKUP_PASSWORD%", "net use Z: \\\\nas\\backup * /user:ACME\\svc", "net use Z: \\\\nas\\backup /persistent:no"],
      };
    },
  }),
  // Credentials as positional arguments of tools that take no password flag: a fixed number of words
  // after a subcommand, the password last. Each stops at the end of the line, and a password that
  // starts with `$`, `%`, `<`, `-` or `+` is a variable, a placeholder or the next option.
  // steamcmd `+login <user> <password> [<guard code>]` (https://developer.valvesoftware.com/wiki/SteamCMD):
  // build and deploy scripts log in with a builder account; `+login anonymous` has no password.
  custom({
    id: "steamcmd-login-password",
    description: "steamcmd +login with a password as the second argument",
    kind: "password",
    severity: "high",
    docs: "https://developer.valvesoftware.com/wiki/SteamCMD",
    keywords: ["+login"],
    pattern: /\+login[ \t]{1,4}(?!anonymous(?:\s|$))(["']?)[^\s"'`+$%<-][^\s"'`]{0,63}\1[ \t]{1,4}(["']?)(?<secret>[^\s"'`$%<+-][^\s"'`]{2,127})\2(?=\s|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`steamcmd +login builds '${pw("steamcmd")}' +run_app_build app_build.vdf +quit`, `./steamcmd.sh +force_install_dir /srv/game +login deployer ${pw("steamcmd2")} +app_update 740 validate +quit`],
        valid: ["steamcmd +login anonymous +app_update 740 +quit", "// `+login anonymous` has no password", "steamcmd +login builds +run_app_build app.vdf +quit", 'steamcmd +login "$STEAM_USER" "$STEAM_PASS" +quit', "steamcmd +login <username> <password> +quit"],
      };
    },
  }),
  // SAP HANA secure user store: `hdbuserstore [options] SET <KEY> <host:port> <USER> [<PASSWORD>]`; without
  // the password it prompts (https://help.sap.com/docs/SAP_HANA_PLATFORM/b3ee5778bc2e4a089d3299b82ec762a7/ddbdd66b632d4fe7b3c2e0e6e341e222.html).
  custom({
    id: "hana-hdbuserstore-password",
    description: "SAP HANA hdbuserstore SET with the password as its last argument",
    kind: "password",
    severity: "high",
    docs: "https://help.sap.com/docs/SAP_HANA_PLATFORM/b3ee5778bc2e4a089d3299b82ec762a7/ddbdd66b632d4fe7b3c2e0e6e341e222.html",
    keywords: ["hdbuserstore"],
    pattern: /\bhdbuserstore(?:[ \t]{1,4}-[A-Za-z]{1,2}(?:[ \t]{1,4}[^\s-]\S{0,63})?){0,3}[ \t]{1,4}set[ \t]{1,4}\S{1,64}[ \t]{1,4}\S{1,253}[ \t]{1,4}(["']?)[^\s"'$%<-][^\s"']{0,63}\1[ \t]{1,4}(["']?)(?<secret>[^\s"'$%<-][^\s"']{2,127})\2(?=\s|$)/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`hdbuserstore SET BACKUPKEY hanaprd:30015 BACKUP_OPERATOR '${pw("hdb")}'`, `/usr/sap/hdbclient/hdbuserstore -i set DEFAULT hana01:30013@SYSTEMDB SYSTEM ${pw("hdb2")}`],
        valid: ["hdbuserstore SET BACKUPKEY hanaprd:30015 BACKUP_OPERATOR", "hdbuserstore LIST", 'hdbuserstore SET K hana:30015 USER "$HANA_PASSWORD"'],
      };
    },
  }),
  // SQL*Plus: `sqlplus [-s] user/password[@connect]` and its `CONNECT user/password[@connect]` (`CONN`)
  // at the start of a script line (https://docs.oracle.com/en/database/oracle/oracle-database/19/sqpug/CONNECT.html).
  // `sqlplus / as sysdba` (OS authentication) has no password; `CONNECT BY` is SQL, with no slash.
  custom({
    id: "sqlplus-connect-password",
    description: "Oracle user/password on the sqlplus, Data Pump (expdp/impdp), SQL*Loader or RMAN command line or in a CONNECT command",
    kind: "password",
    severity: "high",
    docs: "https://docs.oracle.com/en/database/oracle/oracle-database/19/sqpug/CONNECT.html",
    keywords: ["sqlplus", "conn", "expdp", "impdp", "sqlldr", "rman"],
    pattern: /(?:\b(?:sqlplus|expdp|impdp|sqlldr)(?:\.exe)?(?:[ \t]{1,4}-[A-Za-z]{1,8}){0,3}[ \t]{1,4}(?:userid=)?|\brman[ \t]{1,4}target(?:=|[ \t]{1,4})|(?<=^[ \t]{0,8}(?:SQL>[ \t]{0,4})?)conn(?:ect)?[ \t]{1,4})["']?[A-Za-z][\w$#.]{0,127}\/(?<q>"?)(?<secret>[^\s/@"';$%&<-][^\s/@"';]{2,127})\k<q>(?=@|["']?(?:[ \t;]|$))/im,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `CONNECT app_owner/${pw("sqlplus")}@ORCLPDB1`,
          `sqlplus -s etl/${pw("sqlplus2")}@//db.acme.io:1521/ORCL @refresh.sql`,
          `conn system/${pw("sqlplus3")}`,
          // Data Pump, SQL*Loader and RMAN take the same connect string; Oracle quotes a password with special characters.
          `expdp system/"${pw("expdp")}"@FINPROD schemas=FIN directory=DUMP_DIR dumpfile=fin.dmp`,
          `sqlldr userid=loader/${pw("sqlldr")}@ORCL control=orders.ctl`,
          `rman target sys/${pw("rman")}@PROD`,
        ],
        valid: ["sqlplus / as sysdba", "CONNECT scott/tiger@orcl", "sqlplus app/&1@orcl", "CONNECT BY PRIOR id = parent_id", "sqlplus $DB_USER/$DB_PASS@orcl", "expdp \\\"/ as sysdba\\\" schemas=FIN", "rman target /", "impdp system/\"$ORA_PW\"@ORCL full=y"],
      };
    },
  }),
  // x11vnc's `-passwd <pw>` and `-viewpasswd <pw>` (its manual warns they show in ps); `-passwdfile` and
  // `-rfbauth` name files.
  custom({
    id: "x11vnc-password",
    description: "x11vnc -passwd or -viewpasswd with a password on the command line",
    kind: "password",
    severity: "high",
    docs: "https://github.com/LibVNC/x11vnc/blob/master/doc/OPTIONS.md",
    keywords: ["x11vnc"],
    pattern: /\bx11vnc\b(?:(?!x11vnc)[^\n]){0,300}?[ \t]-{1,2}(?:view)?passwd[ \t]{1,4}(["']?)(?<secret>[^\s"'$%<-][^\s"']{2,127})\1(?=\s|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`ExecStart=/usr/bin/x11vnc -display :0 -forever -passwd ${pw("x11vnc")} -rfbport 5900`],
        valid: ["x11vnc -display :0 -passwdfile /etc/x11vnc.pass", "x11vnc -rfbauth ~/.vnc/passwd -forever", "x11vnc -passwd $VNC_PASSWORD"],
      };
    },
  }),
  // IRC services: `IDENTIFY [account] <password>` sent to NickServ from a client's auto-commands, a bot's
  // connect script or a bouncer (`/msg NickServ IDENTIFY …`, `/ns identify …`, `PRIVMSG NickServ :IDENTIFY …`,
  // https://github.com/atheme/atheme/blob/master/help/nickserv/identify). The last word is the password.
  custom({
    id: "irc-nickserv-identify-password",
    description: "IRC NickServ IDENTIFY command with a password",
    kind: "password",
    severity: "high",
    docs: "https://github.com/atheme/atheme/blob/master/help/nickserv/identify",
    keywords: ["nickserv", "/ns "],
    pattern: /(?:(?:\/(?:msg|quote|query)[ \t]{1,4}NickServ|\/ns|\/nickserv)[ \t]{1,4}|PRIVMSG[ \t]{1,4}NickServ[ \t]{1,4}:?)(?:identify|id|login)[ \t]{1,4}(?:[^\s;"'`$%<{]{1,64}[ \t]{1,4})?(?<secret>[^\s;"'`$%<{…-][^\s;"'`…]{2,127})(?=[ \t]*(?:[;"'\\\r\n]|$))/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`autosendcmd = "/msg NickServ IDENTIFY ${pw("nickserv")}; wait 2000";`, `/ns identify dana ${pw("nickserv2")}`, `PRIVMSG NickServ :IDENTIFY ${pw("nickserv3")}`],
        valid: ["/msg NickServ IDENTIFY <password>", "a bouncer (`/msg NickServ IDENTIFY …`, `/ns identify …`)", "/ns identify dana $NICKSERV_PASSWORD", 'autosendcmd = "/msg NickServ IDENTIFY $nickpass"', "/msg NickServ help identify"],
      };
    },
  }),
  // BMC tools: `ipmitool [-I lanplus] -H host -U user -P <password>` (ipmitool(1): the password is then visible in ps;
  // -f reads a file, -E the IPMI_PASSWORD variable), and Dell's remote `racadm -r host -u user -p <password>`.
  custom({
    id: "ipmitool-password",
    description: "ipmitool -P with a BMC password on the command line",
    kind: "password",
    severity: "high",
    docs: "https://linux.die.net/man/1/ipmitool",
    keywords: ["ipmitool"],
    pattern: /\bipmitool\b(?:(?!ipmitool)[^\n|;&]){0,300}?[ \t]-P[ \t]{0,4}(["']?)(?<secret>[^\s"'$%<-][^\s"']{2,127})\1(?=\s|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`ipmitool -I lanplus -H node7-bmc.oob -U ADMIN -P '${pw("ipmi")}' chassis power cycle`, `ipmitool -H 10.90.0.7 -U root -P${pw("ipmi2")} sel list`],
        valid: ["ipmitool -I lanplus -H node7-bmc -U ADMIN -E sel list", "ipmitool -H node7-bmc -U ADMIN -f /root/.ipmi-pass sol activate", 'ipmitool -H "$BMC" -U ADMIN -P "$IPMI_PASSWORD" power status', "ipmitool -H bmc -U ADMIN -P ADMIN power status"],
      };
    },
  }),
  custom({
    id: "racadm-password",
    description: "racadm -p with an iDRAC password on the command line",
    kind: "password",
    severity: "high",
    docs: "https://www.dell.com/support/manuals/en-us/idrac9-lifecycle-controller-v6.x-series/idrac9_6.xx_racadm_pub/",
    keywords: ["racadm"],
    pattern: /\bracadm\b(?:(?!racadm)[^\n|;&]){0,300}?[ \t]-p[ \t]{1,4}(["']?)(?<secret>[^\s"'$%<-][^\s"']{2,127})\1(?=\s|$)/,
    validate: (s) => s !== "calvin" && isRealPassword(s),
    get examples() {
      return {
        invalid: [`racadm -r idrac-db01.oob -u root -p '${pw("racadm")}' getsysinfo`],
        valid: ["racadm -r idrac-db01 -u root -p calvin getsysinfo", 'racadm -r idrac-db01 -u root -p "$IDRAC_PASS" getsysinfo', "racadm getsysinfo"],
      };
    },
  }),
  // Monero's daemons take `--rpc-login user[:password]` (without a password they prompt); the wallet RPC's
  // login guards the wallet's funds (https://docs.getmonero.org/interacting/monero-wallet-rpc-reference/).
  custom({
    id: "monero-rpc-login",
    description: "Monero --rpc-login user:password on a command line",
    kind: "password",
    severity: "high",
    docs: "https://docs.getmonero.org/interacting/monero-wallet-rpc-reference/",
    keywords: ["--rpc-login"],
    pattern: /--rpc-login(?:=|[ \t]{1,4})(["']?)[^\s:"']{1,64}:(?<secret>[^\s"'$%<][^\s"']{2,127})\1(?=\s|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`monero-wallet-rpc --wallet-file shop --rpc-bind-port 18083 --rpc-login shop:${pw("monero")} --daemon-address 127.0.0.1:18081`],
        valid: ["monero-wallet-rpc --rpc-login shop --wallet-file shop", "monerod --rpc-login user:$RPC_PASSWORD", "--rpc-login username:password"],
      };
    },
  }),
  // MAAS CLI: `maas login PROFILE URL KEY`, the key being `consumer:token:secret` (three parts joined by colons;
  // the third signs every OAuth 1 request, https://maas.io/docs/how-to-use-the-maas-cli).
  custom({
    id: "maas-api-key",
    description: "MAAS API key (consumer:token:secret) given to maas login",
    kind: "api-key",
    severity: "high",
    docs: "https://maas.io/docs/how-to-use-the-maas-cli",
    keywords: ["maas login"],
    pattern: /\bmaas[ \t]{1,4}login[ \t]{1,4}\S{1,64}[ \t]{1,4}\S{1,300}[ \t]{1,4}(["']?)(?<secret>[A-Za-z0-9]{16,32}:[A-Za-z0-9]{16,32}:[A-Za-z0-9]{24,40})\1(?=\s|$)/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`maas login admin http://maas.oob:5240/MAAS/ '${fake(ALNUM, 18, "maas1")}:${fake(ALNUM, 18, "maas2")}:${fake(ALNUM, 32, "maas3")}'`],
        valid: ["maas login admin http://maas:5240/MAAS/ $(cat ~/.maas.key)", "maas login admin http://maas:5240/MAAS/ $API_KEY", "maas login admin http://maas:5240/MAAS/ xxxxxxxxxxxxxxxxxx:xxxxxxxxxxxxxxxxxx:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
      };
    },
  }),
  // Firebird's command-line tools (gbak, gfix, gsec, gstat, nbackup, isql, fbsvcmgr) take `-user X -password Y`,
  // the switch abbreviable to `-pas` (https://firebirdsql.org/file/documentation/html/en/firebirddocs/gbak/firebird-gbak.html).
  custom({
    id: "firebird-tool-password",
    description: "Password given to a Firebird tool (gbak, gfix, gsec, isql, …) with -password",
    kind: "database-credential",
    severity: "high",
    docs: "https://firebirdsql.org/file/documentation/html/en/firebirddocs/gbak/firebird-gbak.html",
    keywords: ["gbak", "gfix", "gsec", "gstat", "nbackup", "isql", "fbsvcmgr"],
    pattern: /\b(?:gbak|gfix|gsec|gstat|nbackup|isql(?:-fb)?|fbsvcmgr)(?:\.exe)?[ \t](?:(?!gbak|gfix|gsec|gstat|nbackup|isql|fbsvcmgr)[^\n|;&]){0,300}?[ \t]-pas(?:s|sw|swo|swor|sword)?[ \t]{1,4}(["']?)(?<secret>[^\s"'$%<-][^\s"']{2,127})\1(?=\s|$)/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`gbak -b -user SYSDBA -password ${pw("gbak")} localhost:/db/erp.fdb /backup/erp.fbk`, `isql-fb -user APP -pas ${pw("isqlfb")} db01:shop`],
        valid: ["gbak -b -user SYSDBA -password %ISC_PASSWORD% db.fdb db.fbk", "gbak -b -user SYSDBA -password $ISC_PASSWORD db.fdb db.fbk", "gbak -b -user SYSDBA db.fdb db.fbk", "gsec -user SYSDBA -password masterkey -display"],
      };
    },
  }),
  // GnuPG's `--passphrase <string>` (with `--batch`/`--pinentry-mode loopback`) unlocks the secret key on the command
  // line (https://www.gnupg.org/documentation/manuals/gnupg/GPG-Esoteric-Options.html); `--passphrase-fd` and
  // `--passphrase-file` name a descriptor or a file. lftp's `-u user,password` logs in with the password
  // (https://lftp.yar.ru/lftp-man.html); `-u user` alone prompts.
  custom({
    id: "gpg-passphrase-argument",
    description: "Pass phrase given to gpg with --passphrase on a command line",
    kind: "password",
    severity: "high",
    docs: "https://www.gnupg.org/documentation/manuals/gnupg/GPG-Esoteric-Options.html",
    keywords: ["--passphrase"],
    pattern: /\bgpg2?(?:\.exe)?(?=[ \t])(?:(?!gpg)[^\n|;&]){0,300}?[ \t]--passphrase(?:=|[ \t]{1,4})["']?(?<secret>(?<=["'])[^\s"'$%<`-][^"'\n$`]{2,127}(?=["'])|(?<!["'])[^\s"'$%<()[\]|-][^\s"'()[\]|]{2,127}(?=\s|$))/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`gpg --passphrase ${pw("gpgpass3")} -c ledger.csv`, `gpg --batch --passphrase 'copper ledger ${pw("gpgpass4")}' -d a.gpg`, `gpg --batch --pinentry-mode loopback --passphrase '${pw("gpgpass")}' --decrypt settlement.pgp`, `gpg2 --batch --passphrase=${pw("gpgpass2")} -d file.gpg`],
        valid: ['gpg --batch --passphrase "$GPG_PASSPHRASE" --decrypt file.gpg', "Pass phrase given to gpg with --passphrase on a command line", "gpg --passphrase changeme -c notes.txt", "gpg --batch --passphrase-file /run/secrets/gpg --decrypt f.gpg", "gpg --batch --passphrase-fd 0 --decrypt f.gpg"],
      };
    },
  }),
  custom({
    id: "lftp-user-password",
    description: "Password given to lftp with -u user,password",
    kind: "password",
    severity: "high",
    docs: "https://lftp.yar.ru/lftp-man.html",
    keywords: ["lftp"],
    pattern: /\blftp(?=[ \t])(?:(?!lftp)[^\n|;&]){0,300}?[ \t]-u[ \t]{1,4}["']?[^\s,"'$]{1,64},(["']?)(?<secret>[^\s"'$%<()[\]|-][^\s"'()[\]|]{2,127})\1(?=\s|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`lftp -u ACMELBX,'${pw("lftp")}' -e "mirror /outbound /data; quit" ftps://ftps.lockbox.example`, `lftp -u deploy,${pw("lftp2")} sftp://files.example`],
        valid: ['lftp -u deploy,"$FTP_PASSWORD" sftp://files.example', "| `lftp-user-password` | [Password given to lftp with -u user,password](https://lftp.yar.ru/lftp-man.html) |", "lftp -u deploy sftp://files.example", "lftp -u anonymous, ftp://mirror.example"],
      };
    },
  }),
  // `-pw <password>`: the XenServer/XCP-ng CLI (`xe -s host -u root -pw …`) and PuTTY's plink, pscp and psftp;
  // `-pwf <file>` names a file instead (https://docs.xenserver.com/en-us/xenserver/8/command-line-interface.html,
  // https://the.earth.li/~sgtatham/putty/latest/htmldoc/Chapter7.html#plink-usage).
  custom({
    id: "pw-flag-password",
    description: "Password given with -pw to xe, plink, pscp or psftp",
    kind: "password",
    severity: "high",
    docs: "https://docs.xenserver.com/en-us/xenserver/8/command-line-interface.html",
    keywords: ["-pw "],
    pattern: /\b(?:xe|plink|pscp|psftp)(?:\.exe)?[ \t](?:(?!xe[ \t]|plink|pscp|psftp)[^\n|;&]){0,300}?[ \t]-pw[ \t]{1,4}(["']?)(?<secret>[^\s"'$%<-][^\s"']{2,127})\1(?=\s|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`xe -s xcp-pool.acme.example -u root -pw ${pw("xepw")} vm-list`, `plink.exe -ssh deploy@10.0.0.8 -pw "${pw("plinkpw")}" -batch uptime`],
        valid: ["xe -s pool -u root -pwf /root/.xe-password vm-list", 'plink -ssh deploy@host -pw "%DEPLOY_PW%" uptime', "pscp -pw $SCP_PASSWORD file host:/tmp"],
      };
    },
  }),
  // Squid's `cache_peer … login=user:password` sends Basic credentials to the parent proxy; `login=PASS`,
  // `PASSTHRU`, `NEGOTIATE` and `PROPAGATE` forward the client's own (https://www.squid-cache.org/Doc/config/cache_peer/).
  custom({
    id: "squid-cache-peer-login",
    description: "Squid cache_peer login=user:password for an upstream proxy",
    kind: "password",
    severity: "high",
    docs: "https://www.squid-cache.org/Doc/config/cache_peer/",
    keywords: ["cache_peer"],
    pattern: /^[ \t]*cache_peer[ \t](?:(?!login=)[^\n]){0,300}?[ \t]login=[^\s:]{1,128}:(?<secret>[^\s"'$%<][^\s"']{2,127})(?=\s|$)/m,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`cache_peer proxy.corp.example parent 8080 0 no-query default login=svc-squid:${pw("squid")}`],
        valid: ["cache_peer proxy.corp.example parent 8080 0 no-query login=PASSTHRU", "cache_peer up.example parent 3128 0 login=*:password", `# cache_peer p parent 3128 0 login=u:${pw("squid2")}`],
      };
    },
  }),
  // `user:password` values of well-known options and variables: Solr's `-Dbasicauth=user:password` (the
  // credentials its CLI tools send, https://solr.apache.org/guide/solr/latest/deployment-guide/basic-authentication-plugin.html),
  // etcd's `ETCDCTL_USER=user:password` and `etcdctl --user user:password`
  // (https://etcd.io/docs/v3.5/op-guide/authentication/rbac/); a user alone makes the tool prompt.
  custom({
    id: "user-colon-password-option",
    description: "user:password in Solr's -Dbasicauth or etcd's ETCDCTL_USER / etcdctl --user",
    kind: "password",
    severity: "high",
    docs: "https://etcd.io/docs/v3.5/op-guide/authentication/rbac/",
    keywords: ["basicauth=", "etcdctl"],
    pattern: /(?:-Dbasicauth=|\bETCDCTL_USER["']?[ \t]{0,4}[=:][ \t]{0,4}|\betcdctl[ \t](?:(?!etcdctl)[^\n|;&]){0,300}?[ \t]--user(?:=|[ \t]{1,4}))["']?[^\s:"'$%<]{1,64}:(?<secret>[^\s"'$%<-][^\s"']{2,127})/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`SOLR_AUTHENTICATION_OPTS="-Dbasicauth=indexer:${pw("solrbasic")}"`, `ETCDCTL_USER=root:${pw("etcdctluser")}`, `etcdctl --endpoints https://etcd:2379 --user root:${pw("etcdctl2")} get /`],
        valid: ['SOLR_AUTHENTICATION_OPTS="-Dbasicauth=solr:SolrRocks"', "ETCDCTL_USER=root", "etcdctl --user root get /", 'ETCDCTL_USER="root:${ETCD_ROOT_PASSWORD}"'],
      };
    },
  }),
  // Code-signing certificates unlocked on the command line: signtool's `/p <password>` after `/f cert.pfx`
  // (https://learn.microsoft.com/windows/win32/seccrypto/signtool), the same flags passed through Squirrel's
  // `--signWithParams="…"` or an Inno Setup `/S…="signtool … /p …"` sign tool, and osslsigncode's `-pass`.
  // `/sha1 <thumbprint>` and `/a` pick a certificate from the store and carry no password; `/p` followed by
  // the next option (`/p /fd`) is no value.
  custom({
    id: "code-signing-pfx-password",
    description: "Password of a code-signing PFX on a signtool command line (also through Squirrel or Inno Setup) or an osslsigncode one",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/windows/win32/seccrypto/signtool",
    keywords: ["signtool", "signwithparams", "osslsigncode"],
    pattern: /(?:\b(?:signtool(?:\.exe)?\b|signWithParams=?)(?:(?!signtool|signWithParams)[^\n|;&]){0,300}?[ \t"']\/p|\bosslsigncode\b(?:(?!osslsigncode)[^\n|;&]){0,300}?[ \t]-pass)[ \t]{1,4}(["']?)(?<secret>[^\s"'$%<\/-][^\s"']{2,127})\1(?=[\s"']|$)/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `signtool sign /f certs\\codesign.pfx /p ${pw("signtool")} /fd sha256 /tr http://timestamp.digicert.com app.exe`,
          `& $signtool sign /f "certs\\ev.pfx" /p "${pw("signtool2")}" /fd sha256 $Path`,
          `Squirrel.exe --releasify App.1.0.0.nupkg --signWithParams="/a /f certs\\app.pfx /p ${pw("squirrel")} /fd sha256"`,
          `osslsigncode sign -pkcs12 codesign.pfx -pass '${pw("osslsign")}' -in app.exe -out app-signed.exe`,
        ],
        valid: [
          "signtool sign /f cert.pfx /p %PFX_PASSWORD% /fd sha256 app.exe",
          "signtool sign /f cert.pfx /p $env:PFX_PASSWORD /fd sha256 app.exe",
          `signtool sign /sha1 ${fake(HEX_UPPER, 40, "thumb")} /fd sha256 app.exe`,
          "signtool sign /a /fd sha256 /tr http://timestamp.digicert.com app.exe",
          "signtool sign /f cert.pfx /p <password> app.exe",
          "signtool verify /pa /v app.exe",
        ],
      };
    },
  }),
  // macOS `security import cert.p12 -k build.keychain -P <password>` in CI scripts: -P is the password of the
  // PKCS#12 being imported (security(1)), the Developer ID certificate and its key.
  custom({
    id: "macos-security-import-password",
    description: "PKCS#12 password given to macOS `security import … -P`",
    kind: "password",
    severity: "high",
    docs: "https://ss64.com/mac/security.html",
    keywords: ["security import"],
    pattern: /\bsecurity[ \t]{1,4}import\b(?:(?!security)[^\n|;&]){0,300}?[ \t]-P[ \t]{1,4}(["']?)(?<secret>[^\s"'$%<-][^\s"']{2,127})\1(?=\s|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`security import certs/developer-id.p12 -k build.keychain -P "${pw("secimport")}" -T /usr/bin/codesign`],
        valid: ['security import certificate.p12 -k build.keychain -P "$MACOS_CERTIFICATE_PWD" -T /usr/bin/codesign', 'security import cert.p12 -k build.keychain -P "" -A', "security import cert.pem -k login.keychain"],
      };
    },
  }),
  // Monitoring plugins (Nagios, Icinga, Naemon, Checkmk's classic checks) take credentials as options; each
  // plugin has its own letters (monitoring-plugins.org): check_mysql/check_pgsql `-p`/`--password` (their -P is
  // the port), check_ldap/check_smtp `-P`/`--pass`/`--authpass` (their -p is the port), check_http/check_curl
  // `-a user:password`. `$USERn$`/`$ARGn$` macros, the usual way, start with "$".
  custom({
    id: "monitoring-plugin-password",
    description: "Password on a Nagios/monitoring-plugins command line (check_mysql, check_pgsql, check_ldap, check_smtp, check_http, check_curl)",
    kind: "password",
    severity: "high",
    docs: "https://www.monitoring-plugins.org/doc/man/index.html",
    keywords: ["check_mysql", "check_pgsql", "check_ldap", "check_smtp", "check_http", "check_curl"],
    pattern: /\bcheck_(?:(?:mysql(?:_query)?|pgsql)\b(?:(?!check_)[^\n|;&]){0,300}?[ \t](?:-p|--password=?)|(?:ldaps?|smtp)\b(?:(?!check_)[^\n|;&]){0,300}?[ \t](?:-P|--pass=?|--authpass=?)|(?:http|curl)\b(?:(?!check_)[^\n|;&]){0,300}?[ \t](?:-a|--authorization=?)[ \t]{0,4}["']?[^\s:"'$%<]{1,64}:)[ \t]{0,4}(["']?)(?<secret>[^\s"'$%<-][^\s"']{2,127})\1(?=[\s"']|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `command[check_pgsql]=/usr/lib/nagios/plugins/check_pgsql -H 127.0.0.1 -d app -l nagios -p '${pw("checkpgsql")}'`,
          `command_line $USER1$/check_ldap -H $HOSTADDRESS$ -b "dc=corp,dc=example" -D "cn=nagios,dc=corp,dc=example" -P '${pw("checkldap")}'`,
          `command[check_status]=/usr/lib/nagios/plugins/check_http -H localhost -a 'status:${pw("checkhttp")}' -u /server-status`,
          `check_mysql -H db01 -u nagios --password=${pw("checkmysql")}`,
        ],
        valid: [
          "command_line $USER1$/check_mysql -H $HOSTADDRESS$ -u $USER3$ -p $USER4$ -S",
          "command_line $USER1$/check_ldap -H $HOSTADDRESS$ -p 389 -b dc=corp,dc=example",
          "command_line $USER1$/check_mysql -H $HOSTADDRESS$ -P 3306 -u nagios",
          "command_line $USER1$/check_http -H $HOSTADDRESS$ -a $USER7$:$USER8$",
          "check_http -H httpbin.org -a user:password -u /basic-auth/user/password",
        ],
      };
    },
  }),
  // Chocolatey API keys (UUIDs) saved with `choco apikey --key … --source …` (or the older `setapikey`) or given
  // to `choco push --api-key/-k` (https://docs.chocolatey.org/en-us/create/commands/api-key/): they push packages
  // as the maintainer. A UUID alone is no key; only after these commands' key options. The span stops at the next
  // `choco ` command, not at the word (the push source is push.chocolatey.org).
  custom({
    id: "chocolatey-api-key",
    description: "Chocolatey API key given to choco apikey / setapikey / push",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.chocolatey.org/en-us/create/commands/api-key/",
    keywords: ["choco"],
    pattern: /\bchoco(?:latey)?(?:\.exe)?[ \t]{1,4}(?:apikey|setapikey|push)\b(?:(?!choco(?:latey)?(?:\.exe)?[ \t])[^\n|;&]){0,300}?[ \t](?:-k|--key|--api-key|--apikey)(?:=|[ \t]{1,4})(["']?)(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\1(?![\w-])/i,
    get examples() {
      return {
        invalid: [`choco apikey --key ${uuid("choco")} --source https://push.chocolatey.org/`, `choco push app.1.0.0.nupkg --source https://push.chocolatey.org/ -k=${uuid("choco2")}`],
        valid: ["choco push app.1.0.0.nupkg --source https://push.chocolatey.org/ --api-key $env:CHOCO_API_KEY", "choco apikey --key %CHOCO_KEY% --source https://push.chocolatey.org/", "choco apikey list"],
      };
    },
  }),
  // A terminal transcript (a `script` typescript, a tmux or asciinema capture, a README or an issue pasting
  // a session) of a command whose output is a secret, the value on the line after the prompt line: `aws
  // ecr get-login-password`, `gcloud secrets versions access`, `kubectl get secret … | base64 -d`, `vault kv
  // get -field=…`, `op read`, `gh auth token`, `heroku auth:token`, `doppler secrets get … --plain`, `aws
  // secretsmanager get-secret-value … --output text`, macOS `security find-generic-password … -w`, `pass
  // show`. The prompt is a `$`, `#` or `%` and a blank; the output is one unbroken token.
  custom({
    id: "terminal-printed-secret",
    description: "Secret printed by a command in a pasted terminal session (the line after the command's prompt)",
    kind: "generic-secret",
    severity: "high",
    docs: "https://docs.aws.amazon.com/cli/latest/reference/ecr/get-login-password.html",
    keywords: ["get-login-password", "versions access", "base64 -d", "base64 --decode", "auth token", "auth:token", "op read", "-field", "--plain", "get-secret-value", "find-generic-password", "pass show"],
    pattern:
      /^[^\n$#%]{0,120}[$#%][ \t]{1,4}[^\n]{0,200}?(?:get-login-password|secrets[ \t]{1,4}versions[ \t]{1,4}access|base64[ \t]{1,4}(?:-d|--decode|-D)\b|\bop[ \t]{1,4}read|\bgh[ \t]{1,4}auth[ \t]{1,4}token|auth:token|-field[= ]|--plain\b|get-secret-value[^\n]{0,200}--output[ \t=]{1,4}text|find-generic-password[^\n]{0,200}[ \t]-w\b|\bpass[ \t]{1,4}show)[^\n]{0,200}\r?\n(?<secret>[A-Za-z0-9+/=_.~!@%^*:-]{16,4000})\r?$/m,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [
          `$ aws ecr get-login-password --region eu-west-1\n${Buffer.from(JSON.stringify({ payload: fake(ALNUM, 300, "ecr") })).toString("base64")}\n`,
          `ops@bastion:~$ gcloud secrets versions access latest --secret=db-password\n${pw("gsm")}\n`,
          `deploy@jump:~/k8s$ kubectl get secret smtp -o jsonpath='{.data.SMTP_PASSWORD}' | base64 -d; echo\n${pw("k8s-b64")}\n`,
          `% vault kv get -field=api_token secret/apps/web\n${fake(ALNUM, 40, "vault-field")}\n`,
        ],
        valid: [
          `$ echo c2VjcmV0 | base64 -d\nsecret\n`,
          `$ aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com\nLogin Succeeded\n`,
          `$ vault kv get -field=api_token secret/apps/web\n<your token>\n`,
          `$ gcloud secrets versions access latest --secret=db-password\nERROR: (gcloud.secrets.versions.access) NOT_FOUND: Secret [db-password] not found\n`,
        ],
      };
    },
  }),

  // Sysinternals PsExec with credentials: `psexec \\host -u <user> -p <password> …`
  // (learn.microsoft.com/sysinternals/downloads/psexec; Nosey Parker np-psexec-01). The span between
  // the command and -u is tempered so that a second psexec on the line starts a new attempt.
  custom({
    id: "psexec-password",
    description: "Password given to PsExec with -p (after -u)",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/en-us/sysinternals/downloads/psexec",
    keywords: ["psexec"],
    pattern: new RegExp(`\\bpsexec(?:64)?(?:\\.exe)?\\b(?:(?!psexec)[^\\n]){0,200}?[ \\t]-u[ \\t]{1,4}\\S{1,100}[ \\t]{1,4}-p[ \\t]{1,4}["']?${VALUE}`, "i"),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`psexec \\\\10.0.4.12 -u ACME\\svc-deploy -p ${pw("psexec")} cmd /c "net stop w3svc"`, `PsExec.exe @hosts.txt -u Administrator -p '${pw("psexec2")}' -i -d calc.exe`],
        valid: ["psexec \\\\10.0.4.12 -u ACME\\svc-deploy -p %DEPLOY_PASSWORD% cmd", "psexec \\\\10.0.4.12 -u Administrator -p $Password -i -d calc.exe", "psexec \\\\host -u DOMAIN\\ADMINISTRATOR -p PASSWORD cmd"],
      };
    },
  }),
];
