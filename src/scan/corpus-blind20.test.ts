import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The twentieth blind corpus (fixtures/corpus-blind20): leak artefacts, the files committed by accident that are
// not configuration. Traffic captures (mitmproxy, tcpdump and Wireshark text, Charles, Fiddler, Burp, curl -v, wget
// --debug, httpie, DevTools copy-as-cURL/fetch/PowerShell); CI and build logs (GitHub Actions, GitLab, Jenkins,
// Buildkite, docker build, Gradle and Maven debug, npm-debug.log, yarn-error.log, fastlane); application logs and
// crash output (JVM hs_err, Java, Python locals, Django's debug page, PHP, Node, Go, gdb, Rails, logcat, TF_LOG,
// Ansible -vvv, PostgreSQL and MySQL logs, Bugsnag, a 1.2 MB log with a secret at its end); PowerShell, fish,
// ClickHouse, DuckDB, psysh, pry, GHCi, Scala and lein histories; script and tmux captures; vim/emacs/nano backups,
// .orig/.rej, merge conflicts, VS Code local history, IntelliJ shelf, format-patch; mongoexport, Elasticsearch _bulk,
// DynamoDB and Firestore exports, a CSV of tokens; terraform plan/output/show, kubectl, helm, docker inspect/history,
// compose config, printenv, /proc environ, ps e, aws/gcloud/az/gh/stripe/ngrok/firebase/heroku/npm/vault/consul
// output; localStorage, cookie jars, Playwright storage state; VCR, vcrpy, go-vcr, nock, WireMock, Betamax, Jest
// snapshots, Newman; JetBrains and Thunder Client files; Mattermost, Matrix, Telegram and Teams exports; pasted
// help requests. Labels come from markers in the generator's template (_meta/templates.txt, read by _meta/gen.py;
// _meta/README.md gives the reasons for borderline labels; none is scanned), written by an engineer who had not
// read the detectors and committed before the first scan. Figures: docs/detection.md "Blind corpus 20".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind20/", import.meta.url));

// First scan 0.922 / 0.805 (205 secrets, 244 traps, 125 files all read, the 1.2 MB log to its end; 179 lines
// reported, 40 missed, 14 false alarms); with the AWS key ids corrected to base32, 0.908 / 0.815 (184 lines,
// 38 missed, 17 false alarms). After this round's fixes 0.934 / 0.898 (197 lines, 21 missed, 13 false alarms,
// 9 of them AWS key ids and Google keys reported on purpose). The floor is just under that.
// Session 21 (detgaps14): colour codes in CI logs, Key/Value output tables, passwords on stdin, by SMTP AUTH and to
// macOS security, random_password results in terraform show -json (0.937 / 0.937); then passwords handed to
// hashers, told in sentences and printed by gdb (0.938 / 0.961); PHP stack-trace connection arguments and DuckDB
// CREATE SECRET options: 0.939 / 0.971.
// Session 23 (detgaps16): PSReadLine's ConsoleHost_history.txt is read as a script, 0.939 / 0.976; the
// HTTP_COOKIE row of Django's debug page, 0.939 / 0.980.
const MIN_PRECISION = 0.93;
const MIN_RECALL = 0.975;

// The gaps this corpus still has (docs/detection.md "Blind corpus 20"), as "file:line", each with the label's kind.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "histories/lein/repl-history:2", // basic auth password in a clojure repl
    "cli-output/consul/acl-bootstrap.txt:3", // bootstrap management token
    "browser/localstorage-dump.json:8", // refresh token in a redux-persist entry
    "chat/telegram/ChatExport_2026-11-02/result.json:25", // office wifi password in a code entity
  ],
  falseAlarms: [
    "app-logs/bugsnag/event-6734.json:2", // bugsnag notifier api key
    "app-logs/mysql/general.log:7", // client key id looked up
    "app-logs/terraform/tf-debug.log:11", // sigv4 authorization header
    "ci-logs/gitlab/job-88231.log:12", // aws access key id alone
    "ci-logs/gradle/assemble-debug.txt:4", // google maps key for an android app
    "cli-output/aws/assume-role.json:3", // temporary key id
    "cli-output/aws/create-access-key.json:4", // unlabelled
    "cli-output/env/proc-environ.txt:6", // temporary key id alone
    "cli-output/terraform/outputs.json:5", // access key id alone
    "exports/csv/api_tokens_export.csv:5", // token digest column
    "exports/firestore/config-export.json:16", // browser maps key
    "help/issue-draft-BUG-2291.md:11", // access key id alone
    "leftovers/vscode-history/.history/src/lib/s3_20261101101512.ts:6", // unlabelled
  ],
};

test("blind corpus 20: precision and recall of scan() on leak artefacts: captures, logs, histories, leftovers, exports, cli output, browser storage, test recordings and chat exports", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
