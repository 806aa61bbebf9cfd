import type { Rule } from "../src/scan/types.js";
import { custom } from "./build.js";
import { isRealPassword } from "./passwords.js";
import { ALNUM, UPPER, fake } from "./fake.js";

// Credentials inside URLs: scheme://user:password@host (RFC 3986 §3.2.1
// userinfo). The user part has no ":" so the split is unambiguous, the
// password has no "@", "/" or whitespace, and every run is bounded. A password
// equal to the user name (postgres:postgres, guest:guest) is a default, not a
// secret, and is excluded by the back-reference. People write "#" and "?" in
// the password unencoded (libpq, amqp and redis clients split at the last "@"
// before the host, not at "#"), so both may appear inside it, except right
// after a port-like number ("host:8080?next=a@b" is a host, a port and a
// query). JSON writers that escape "/" (PHP, Slack exports) give ":\/\/".
const urlPattern = (schemes: string): RegExp =>
  new RegExp(
    `(?<![A-Za-z0-9+.-])(?:${schemes}):(?://|\\\\/\\\\/)(?<user>[^:/?#\\s@"'\`<>\\\\]{0,128}):(?!\\k<user>@)(?!\\d{1,5}[?#])(?<secret>[^@/\\s"'\`<>]{1,256})@[A-Za-z0-9\\[._-]`,
    "i",
  );

const pw = (seed: string): string => fake(ALNUM, 20, seed);

interface UrlRuleSpec {
  id: string;
  description: string;
  kind: Rule["kind"];
  severity: Rule["severity"];
  docs: string;
  schemes: string;
  keywords: string[];
  /** scheme://user:…@host/db forms for the examples */
  example: (password: string) => string[];
  scheme: string;
}

const urlRule = (s: UrlRuleSpec): Rule =>
  custom({
    id: s.id,
    description: s.description,
    kind: s.kind,
    severity: s.severity,
    docs: s.docs,
    keywords: s.keywords,
    pattern: urlPattern(s.schemes),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: s.example(pw(s.id))
          .concat(s.example(`${pw(`${s.id}-2`)}%40x`).slice(0, 1).map((t) => `# encoded\n${t}`))
          .concat([`{"text": "${s.scheme}:\\/\\/app:${pw(`${s.id}-3`)}#Q?@db.internal\\/app"}`]),
        valid: [
          `${s.scheme}://app:\${DB_PASSWORD}@db.internal:5432/app`,
          `${s.scheme}://app@db.internal/app`,
          `${s.scheme}://user:password@localhost/app`,
          `${s.scheme}://admin:admin@localhost/app`,
          `${s.scheme}://app:<password>@db.internal/app`,
          `${s.scheme}://app:****@db.internal/app`,
          `${s.scheme}://db.internal:8080?next=ops@acme.io`,
        ],
      };
    },
  });

export const rules: Rule[] = [
  urlRule({
    id: "postgres-url-password",
    description: "PostgreSQL connection URL with an embedded password",
    kind: "database-credential",
    severity: "critical",
    docs: "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS",
    schemes: "postgres(?:ql)?(?:\\+[a-z0-9]{1,20})?",
    keywords: ["postgres"],
    scheme: "postgres",
    example: (p) => [`DATABASE_URL=postgres://app:${p}@db.acme.internal:5432/app?sslmode=require`, `engine = create_engine("postgresql+psycopg2://app:${p}@10.0.0.5/app")`],
  }),
  urlRule({
    id: "mysql-url-password",
    description: "MySQL / MariaDB connection URL with an embedded password",
    kind: "database-credential",
    severity: "critical",
    docs: "https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html",
    schemes: "mysqlx?(?:\\+[a-z0-9]{1,20})?|mariadb(?:\\+[a-z0-9]{1,20})?",
    keywords: ["mysql", "mariadb"],
    scheme: "mysql",
    example: (p) => [`DATABASE_URL="mysql://app:${p}@mysql.acme.internal:3306/shop"`, `url: mariadb://root:${p}@127.0.0.1/test`],
  }),
  urlRule({
    id: "mongodb-url-password",
    description: "MongoDB connection string (mongodb:// or mongodb+srv://) with an embedded password",
    kind: "database-credential",
    severity: "critical",
    docs: "https://www.mongodb.com/docs/manual/reference/connection-string/",
    schemes: "mongodb(?:\\+srv)?",
    keywords: ["mongodb"],
    scheme: "mongodb",
    example: (p) => [`MONGO_URI=mongodb+srv://svc:${p}@cluster0.ab1cd.mongodb.net/app?retryWrites=true`, `mongoose.connect("mongodb://svc:${p}@mongo-0:27017,mongo-1:27017/app")`],
  }),
  urlRule({
    id: "redis-url-password",
    description: "Redis connection URL (redis:// or rediss://) with an embedded password",
    kind: "database-credential",
    severity: "high",
    docs: "https://www.iana.org/assignments/uri-schemes/prov/redis",
    schemes: "rediss?",
    keywords: ["redis"],
    scheme: "redis",
    example: (p) => [`REDIS_URL=redis://:${p}@cache.acme.internal:6379/0`, `cache: rediss://default:${p}@eu1.upstash.io:6379`],
  }),
  urlRule({
    id: "amqp-url-password",
    description: "AMQP (RabbitMQ) broker URL with an embedded password",
    kind: "password",
    severity: "high",
    docs: "https://www.rabbitmq.com/docs/uri-spec",
    schemes: "amqps?",
    keywords: ["amqp"],
    scheme: "amqp",
    example: (p) => [`AMQP_URL=amqps://orders:${p}@rabbit.acme.internal:5671/prod`],
  }),
  urlRule({
    id: "mssql-url-password",
    description: "SQL Server connection URL (mssql:// or sqlserver://) with an embedded password",
    kind: "database-credential",
    severity: "critical",
    docs: "https://learn.microsoft.com/sql/connect/jdbc/building-the-connection-url",
    schemes: "mssql|sqlserver",
    keywords: ["mssql", "sqlserver"],
    scheme: "mssql",
    example: (p) => [`MSSQL_URL=mssql://sa:${p}@sql.acme.internal:1433/erp`],
  }),
  urlRule({
    id: "ftp-url-password",
    description: "FTP/FTPS/SFTP URL with an embedded password",
    kind: "password",
    severity: "high",
    docs: "https://www.rfc-editor.org/rfc/rfc1738#section-3.2",
    schemes: "s?ftps?",
    keywords: ["ftp"],
    scheme: "ftp",
    example: (p) => [`UPLOAD_TARGET=sftp://deploy:${p}@files.acme.io:22/srv/www`],
  }),
  urlRule({
    id: "smtp-url-password",
    description: "SMTP URL with an embedded password",
    kind: "password",
    severity: "high",
    docs: "https://www.iana.org/assignments/uri-schemes/uri-schemes.xhtml",
    schemes: "smtps?",
    keywords: ["smtp"],
    scheme: "smtp",
    example: (p) => [`MAILER_DSN=smtp://mailer%40acme.io:${p}@smtp.acme.io:587`],
  }),
  urlRule({
    id: "message-broker-url-password",
    description: "MQTT / NATS / STOMP / Kafka broker URL with an embedded password",
    kind: "password",
    severity: "high",
    docs: "https://docs.nats.io/using-nats/developer/connecting/userpass",
    schemes: "mqtts?|nats|stomp\\+ssl|stomp|kafka",
    keywords: ["mqtt", "nats", "stomp", "kafka"],
    scheme: "nats",
    example: (p) => [`NATS_URL=nats://svc:${p}@nats.acme.internal:4222`],
  }),
  urlRule({
    id: "database-url-password",
    description: "Database URL (Neo4j, ClickHouse, CockroachDB, Couchbase, Cassandra, Oracle, Snowflake, InfluxDB…) with an embedded password",
    kind: "database-credential",
    severity: "critical",
    docs: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1",
    schemes: "neo4j(?:\\+s|\\+ssc)?|bolt(?:\\+s)?|clickhouse|cockroachdb|couchbases?|cassandra|oracle|db2|snowflake|influxdb|memcached|etcd|ldaps?|sqlalchemy",
    keywords: ["neo4j", "bolt", "clickhouse", "cockroach", "couchbase", "cassandra", "oracle", "db2", "snowflake", "influxdb", "memcached", "etcd", "ldap"],
    scheme: "clickhouse",
    example: (p) => [`NEO4J_URI=neo4j+s://neo4j:${p}@abcd1234.databases.neo4j.io`, `CLICKHOUSE_URL=clickhouse://reporting:${p}@ch.acme.internal:9000/default`],
  }),

  // JDBC URLs put credentials in properties: ?password=…, ;password=… (SQL
  // Server), or &password=… (MySQL, PostgreSQL drivers).
  custom({
    id: "jdbc-url-password",
    description: "JDBC URL with a password property (jdbc:…password=…)",
    kind: "connection-string",
    severity: "critical",
    docs: "https://learn.microsoft.com/sql/connect/jdbc/building-the-connection-url",
    keywords: ["jdbc:"],
    pattern: /jdbc:[a-z0-9]{2,20}:(?:(?!jdbc:)[^\s"'<>]){0,300}?[?;&:]password=(?<secret>[^&;\s"'<>]{1,200})/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `spring.datasource.url=jdbc:sqlserver://sql.acme.internal:1433;databaseName=erp;user=svc;password=${pw("jdbc1")};encrypt=true`,
          `JDBC_URL=jdbc:postgresql://db.acme.internal/app?user=app&password=${pw("jdbc2")}&ssl=true`,
        ],
        valid: ["spring.datasource.url=jdbc:postgresql://db/app?user=app&password=${DB_PASSWORD}", "JDBC_URL=jdbc:mysql://db/app?user=app"],
      };
    },
  }),
  // ADO.NET / ODBC connection strings: key=value pairs separated by ";",
  // the password under Password= or Pwd=.
  custom({
    id: "ado-net-connection-string-password",
    description: "ADO.NET / ODBC connection string with Password= or Pwd=",
    kind: "connection-string",
    severity: "critical",
    docs: "https://learn.microsoft.com/dotnet/framework/data/adonet/connection-string-syntax",
    keywords: ["password", "pwd"],
    pattern: /(?:Server|Data Source|Host|Addr|Address|Network Address)[ \t]{0,2}=[ \t]{0,2}[^;"'\n]{1,200};(?:[^;"'\n]{0,200};){0,12}?[ \t]{0,2}(?:Password|Pwd)[ \t]{0,2}=[ \t]{0,2}(?<secret>[^;"'\n]{1,200})/i,
    validate: (s) => isRealPassword(s.trim()),
    get examples() {
      return {
        invalid: [
          `"DefaultConnection": "Server=tcp:acme.database.windows.net,1433;Initial Catalog=erp;User ID=svc;Password=${pw("ado1")};Encrypt=True;"`,
          `conn = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql01;Database=erp;Uid=svc;Pwd=${pw("ado2")};")`,
        ],
        valid: ['"DefaultConnection": "Server=(localdb)\\\\mssqllocaldb;Database=app;Trusted_Connection=True;"', '"Db": "Server=sql01;Database=erp;User Id=sa;Password=<password>;"'],
      };
    },
  }),
  // Go's MySQL driver DSN has no scheme: user:password@protocol(address)/db
  // (https://github.com/go-sql-driver/mysql#dsn-data-source-name). The user
  // part stops at quotes, spaces, "/" and ":", so the span is bounded and linear.
  custom({
    id: "go-mysql-dsn-password",
    description: "Password in a Go MySQL driver DSN (user:password@tcp(host)/db)",
    kind: "database-credential",
    severity: "high",
    docs: "https://github.com/go-sql-driver/mysql#dsn-data-source-name",
    keywords: ["@tcp(", "@unix("],
    pattern: /(?<![^\s"'`=(,])[A-Za-z0-9_.-]{1,64}:(?<secret>[^\s"'`@/:]{3,200})@(?:tcp|unix)\(/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`db, err := sql.Open("mysql", "orders:${pw("gomysql")}@tcp(mysql.acme.internal:3306)/orders?parseTime=true")`, `DSN=app:${pw("gomysql2")}@unix(/var/run/mysqld/mysqld.sock)/app`],
        valid: ['sql.Open("mysql", "root:root@tcp(127.0.0.1:3306)/test")', 'sql.Open("mysql", os.Getenv("DSN"))', 'dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, pass, host, db)'],
      };
    },
  }),
  // libpq keyword/value connection strings: "host=… user=… password=… dbname=…"
  // (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-KEYWORD-VALUE),
  // used by psycopg, lib/pq, pgx and Npgsql-style configs. Another libpq keyword
  // must precede password= on the line, so a lone `password=` is left to the
  // generic detector.
  custom({
    id: "libpq-keyword-password",
    description: "Password in a PostgreSQL keyword/value connection string (host=… password=…)",
    kind: "database-credential",
    severity: "high",
    docs: "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-KEYWORD-VALUE",
    keywords: ["password="],
    // Values hold no "," or parentheses: `connect(host=DB_HOST, password=DB_PASSWORD)` is Python keyword arguments.
    pattern: /\b(?:host|hostaddr|dbname|user|port|sslmode)=[^\s"'`=,()]{1,200}(?:[ \t]{1,4}[a-z_]{2,30}=[^\s"'`=,()]{1,200}){0,8}?[ \t]{1,4}password=(?<secret>[^\s"'`,;()]{3,200})(?=[\s"'`;]|$)/m,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`sql.Open("postgres", "host=pg.acme.internal user=ledger password=${pw("libpq")} dbname=ledger sslmode=require")`, `conn = psycopg2.connect("dbname=dw user=etl password=${pw("libpq2")}")`],
        valid: ['sql.Open("postgres", "host=localhost user=app password=$PGPASSWORD dbname=app")', 'psycopg2.connect("dbname=test user=postgres password=postgres")', "password=hunter2", "psycopg2.connect(host=DB_HOST, password=DB_PASSWORD, user=DB_USER)"],
      };
    },
  }),
  // The Erlang distribution cookie: any node that presents it joins a RabbitMQ
  // (or other BEAM) cluster and can run code on every node. Set as
  // RABBITMQ_ERLANG_COOKIE, the Bitnami/Helm `auth.erlangCookie` value, or
  // `erl -setcookie`: https://www.rabbitmq.com/docs/clustering#erlang-cookie
  custom({
    id: "erlang-cookie",
    description: "Erlang distribution cookie (RabbitMQ cluster shared secret)",
    kind: "generic-secret",
    severity: "high",
    docs: "https://www.rabbitmq.com/docs/clustering#erlang-cookie",
    // Also an Erlang term `{cookie, 'ATOM'}` (sys.config / release config, ejabberd, CouchDB's vm.args twin).
    keywords: ["erlang", "setcookie", "{cookie"],
    // The `{` is looked behind, so that every match starts with a literal (erlang, -setcookie, cookie)
    // and the rule runs only where the keyword pass saw one (src/scan/literal-prefix.ts), not over whole texts.
    pattern: /(?:erlang[_-]?cookie["']?[ \t]{0,4}[:=][ \t]{0,4}|-setcookie[ \t]{1,4}|(?<=\{[ \t]{0,4})cookie[ \t]{0,4},[ \t]{0,4}(?=['"]))["']?(?<secret>[A-Za-z0-9_+/=-]{16,255})(?![A-Za-z0-9_+/=-])/i,
    entropy: 3,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `rabbitmq:\n  auth:\n    erlangCookie: ${fake(ALNUM, 32, "erlangcookie")}`,
          `RABBITMQ_ERLANG_COOKIE=${fake(ALNUM, 24, "erlangcookie2")}`,
          `erl -sname node1 -setcookie ${fake(ALNUM, 20, "setcookie")}`,
          `[{kernel, []},\n {vm, [{cookie, '${fake(UPPER, 20, "erlterm")}'}]}].`,
        ],
        valid: ["RABBITMQ_ERLANG_COOKIE=${ERLANG_COOKIE}", "erlangCookie: \"\"", "erlangCookie: {{ .Values.cookie }}", "erl -setcookie $COOKIE", "{cookie, os:getenv(\"COOKIE\")}"],
      };
    },
  }),
];
