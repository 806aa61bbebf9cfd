import type { Rule } from "../src/scan/types.js";
import { looksLikeIdentifier } from "../src/scan/entropy.js";
import { isPypiMacaroon, isValidNpmToken } from "../src/scan/checksum.js";
import { assigned, custom, prefixed } from "./build.js";
import { ALNUM, B64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, base64url, checksummedToken, fake, uuid } from "./fake.js";

// A PyPI token body: the macaroon's binary serialization (v2) in base64url,
// starting with 0x02 0x01 0x08 "pypi.org" (or 0x0d "test.pypi.org").
const macaroon = (location: string, seed: string): string =>
  base64url(Buffer.concat([Buffer.from([2, 1, location.length]), Buffer.from(location), Buffer.from([2, 1, 32]), Buffer.from(fake(HEX, 32, seed)), Buffer.from(fake(ALNUM, 40, seed))]));

const npmSample = checksummedToken("npm_", "npm");

export const rules: Rule[] = [
  // Develocity (Gradle Enterprise) access keys are written `<server host>=<key>` (several joined by `;`),
  // in DEVELOCITY_ACCESS_KEY / GRADLE_ENTERPRISE_ACCESS_KEY or the plugin's `accessKey = "…"`
  // (https://docs.gradle.com/develocity/gradle-plugin/current/#via_environment_variable); the key publishes
  // build scans and reads the build cache.
  custom({
    id: "develocity-access-key",
    description: "Develocity / Gradle Enterprise access key (<server>=<key>)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.gradle.com/develocity/gradle-plugin/current/#via_environment_variable",
    keywords: ["accesskey", "access_key"],
    pattern: /(?:(?:DEVELOCITY|GRADLE_ENTERPRISE)_ACCESS_KEY|accessKey)["']?[ \t]{0,4}[:=][ \t]{0,4}["']?(?:[\w-]{1,63}\.){1,10}[\w-]{2,63}(?::\d{1,5})?=(?<secret>[a-z0-9]{40,64})(?![A-Za-z0-9])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`accessKey = "ge.acme.io=${fake(LOWER_ALNUM, 52, "dv")}"`, `DEVELOCITY_ACCESS_KEY=develocity.acme.io=${fake(LOWER_ALNUM, 52, "dv2")}`],
        valid: ["DEVELOCITY_ACCESS_KEY=develocity.acme.io=${DV_KEY}", 'accessKey = System.getenv("DEVELOCITY_ACCESS_KEY")', "accessKey = \"ge.acme.io=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""],
      };
    },
  }),
  // npm access tokens: "npm_" + 30 base62 + CRC32 checksum in 6 base62.
  prefixed({
    id: "npm-access-token",
    description: "npm access token (npm_…, checksum verified)",
    kind: "token",
    severity: "critical",
    docs: "https://github.blog/2021-09-23-announcing-npms-new-access-token-format/",
    prefix: "npm_",
    body: "[0-9A-Za-z]{36}",
    validate: isValidNpmToken,
    sample: npmSample,
    env: "NPM_TOKEN",
    get invalid() { return [`//registry.npmjs.org/:_authToken=${checksummedToken("npm_", "npmrc")}`]; },
    get valid() { return [`NPM_TOKEN=npm_${npmSample.slice(4, 33)}${npmSample[33] === "Z" ? "Y" : "Z"}${npmSample.slice(34)}`]; },
  }),
  // PyPI API tokens: "pypi-" + a base64url macaroon for pypi.org.
  prefixed({
    id: "pypi-upload-token",
    description: "PyPI API token (pypi-AgEIcHlwaS5vcmc…, macaroon decoded)",
    kind: "token",
    severity: "critical",
    docs: "https://pypi.org/help/#apitoken",
    prefix: "pypi-AgEIcHlwaS5vcmc",
    body: "[A-Za-z0-9_-]{50,1000}",
    fixedLength: false,
    validate: isPypiMacaroon,
    get sample() { return "pypi-" + macaroon("pypi.org", "pypi"); },
    env: "TWINE_PASSWORD",
    get invalid() { return [`[pypi]\n  username = __token__\n  password = pypi-${macaroon("pypi.org", "pypi2")}\n`]; },
  }),
  prefixed({
    id: "pypi-test-upload-token",
    description: "TestPyPI API token (pypi-AgENdGVzdC5weXBpLm9yZw…)",
    kind: "token",
    severity: "medium",
    docs: "https://test.pypi.org/help/#apitoken",
    prefix: "pypi-AgENdGVzdC5weXBpLm9yZw",
    body: "[A-Za-z0-9_-]{50,1000}",
    fixedLength: false,
    get sample() { return "pypi-" + macaroon("test.pypi.org", "testpypi"); },
    env: "TEST_PYPI_TOKEN",
  }),
  // Docker Hub personal access tokens: "dckr_pat_" + 27 characters.
  prefixed({
    id: "docker-hub-personal-access-token",
    description: "Docker Hub personal access token (dckr_pat_…)",
    kind: "token",
    severity: "high",
    docs: "https://docs.docker.com/security/for-developers/access-tokens/",
    prefix: "dckr_pat_",
    body: "[A-Za-z0-9_-]{27}",
    get sample() { return "dckr_pat_" + fake(B64URL, 27, "dckr"); },
    env: "DOCKERHUB_TOKEN",
  }),
  // Docker Hub organization access tokens: "dckr_oat_" + 32 characters.
  prefixed({
    id: "docker-hub-organization-access-token",
    description: "Docker Hub organization access token (dckr_oat_…)",
    kind: "token",
    severity: "high",
    docs: "https://docs.docker.com/security/for-admins/access-tokens/",
    prefix: "dckr_oat_",
    body: "[A-Za-z0-9_-]{32}",
    get sample() { return "dckr_oat_" + fake(B64URL, 32, "dckr-oat"); },
    env: "DOCKER_ORG_TOKEN",
  }),
  // RubyGems API keys: "rubygems_" + 48 hex.
  prefixed({
    id: "rubygems-api-key",
    description: "RubyGems.org API key (rubygems_…)",
    kind: "api-key",
    severity: "critical",
    docs: "https://guides.rubygems.org/api-key-scopes/",
    prefix: "rubygems_",
    body: "[a-f0-9]{48}",
    get sample() { return "rubygems_" + fake(HEX, 48, "gem"); },
    env: "GEM_HOST_API_KEY",
  }),
  // NuGet.org API keys: "oy2" + 43 lower-case alphanumerics.
  prefixed({
    id: "nuget-api-key",
    description: "NuGet.org API key (oy2…)",
    kind: "api-key",
    severity: "high",
    docs: "https://learn.microsoft.com/nuget/nuget-org/publish-a-package#create-an-api-key",
    prefix: "oy2",
    body: "[a-z0-9]{43}",
    get sample() { return "oy2" + fake(LOWER_ALNUM, 43, "nuget"); },
    env: "NUGET_API_KEY",
  }),
  // JFrog Artifactory API keys (deprecated): "AKCp" + 69 alphanumerics.
  prefixed({
    id: "artifactory-api-key",
    description: "JFrog Artifactory API key (AKCp…)",
    kind: "api-key",
    severity: "high",
    docs: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key",
    prefix: "AKCp",
    body: "[A-Za-z0-9]{69}",
    get sample() { return "AKCp" + fake(ALNUM, 69, "akcp"); },
    env: "ARTIFACTORY_API_KEY",
  }),
  // JFrog reference tokens: base64 of "reftkn:01:…" = "cmVmdGtuOjAxOj…".
  prefixed({
    id: "artifactory-reference-token",
    description: "JFrog Artifactory reference token (cmVmdGtuOjAxOj…)",
    kind: "token",
    severity: "high",
    docs: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens",
    prefix: "cmVmdGtuOjAxOj",
    body: "[A-Za-z0-9]{50}",
    get sample() { return "cmVmdGtuOjAxOj" + fake(ALNUM, 50, "reftkn"); },
    env: "JFROG_ACCESS_TOKEN",
  }),
  // Terraform Cloud / HCP Terraform API tokens: 14 characters + ".atlasv1." + 60-70.
  prefixed({
    id: "terraform-cloud-api-token",
    description: "HCP Terraform / Terraform Cloud API token (….atlasv1.…)",
    kind: "token",
    severity: "critical",
    docs: "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
    prefix: "",
    body: "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}",
    keywords: [".atlasv1."],
    fixedLength: false,
    get sample() { return fake(ALNUM, 14, "tfc") + ".atlasv1." + fake(ALNUM, 67, "tfc"); },
    env: "TFE_TOKEN",
    get invalid() { return [`credentials "app.terraform.io" {\n  token = "${fake(ALNUM, 14, "tfc2")}.atlasv1.${fake(ALNUM, 67, "tfc2")}"\n}`]; },
  }),
  // CircleCI personal API tokens: "CCIPAT_" + 22 + "_" + 40 hex.
  prefixed({
    id: "circleci-personal-token",
    description: "CircleCI personal API token (CCIPAT_…)",
    kind: "token",
    severity: "high",
    docs: "https://circleci.com/docs/managing-api-tokens/",
    prefix: "CCIPAT_",
    body: "[A-Za-z0-9]{22}_[a-f0-9]{40}",
    get sample() { return "CCIPAT_" + fake(ALNUM, 22, "cci") + "_" + fake(HEX, 40, "cci"); },
    env: "CIRCLECI_TOKEN",
  }),
  // CircleCI project API tokens: "CCIPRJ_" + 22 + "_" + 40 hex.
  prefixed({
    id: "circleci-project-token",
    description: "CircleCI project API token (CCIPRJ_…)",
    kind: "token",
    severity: "high",
    docs: "https://circleci.com/docs/managing-api-tokens/",
    prefix: "CCIPRJ_",
    body: "[A-Za-z0-9]{22}_[a-f0-9]{40}",
    get sample() { return "CCIPRJ_" + fake(ALNUM, 22, "ccp") + "_" + fake(HEX, 40, "ccp"); },
    env: "CIRCLE_PROJECT_TOKEN",
  }),
  // Travis CI API tokens: 22 url-safe characters, no prefix.
  assigned({
    id: "travis-ci-api-token",
    description: "Travis CI API token assigned to a Travis name",
    kind: "token",
    severity: "high",
    docs: "https://docs.travis-ci.com/user/triggering-builds/",
    names: "travis",
    value: "[A-Za-z0-9_-]{22}",
    keywords: ["travis"],
    entropy: 3.5,
    get sample() { return fake(ALNUM, 22, "travis"); },
    env: "TRAVIS_API_TOKEN",
  }),
  // SonarQube/SonarCloud tokens: "sqp_" (project), "squ_" (user), "sqa_" (global analysis) + 40 hex.
  prefixed({
    id: "sonarqube-token",
    description: "SonarQube / SonarCloud token (sqp_/squ_/sqa_…)",
    kind: "token",
    severity: "high",
    docs: "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/",
    prefix: "sq",
    body: "[pua]_[a-f0-9]{40}",
    keywords: ["sqp_", "squ_", "sqa_"],
    get sample() { return "squ_" + fake(HEX, 40, "sonar"); },
    env: "SONAR_TOKEN",
  }),
  // Snyk API tokens are UUIDs: only meaningful next to a Snyk name.
  assigned({
    id: "snyk-api-token",
    description: "Snyk API token (UUID) assigned to a Snyk name",
    kind: "token",
    severity: "high",
    docs: "https://docs.snyk.io/snyk-api/authentication-for-api",
    names: "snyk",
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    keywords: ["snyk"],
    get sample() { return uuid("snyk"); },
    env: "SNYK_TOKEN",
  }),
  assigned({
    id: "codecov-upload-token",
    description: "Codecov upload token (UUID) assigned to a Codecov name",
    kind: "token",
    severity: "medium",
    docs: "https://docs.codecov.com/docs/codecov-tokens",
    names: "codecov",
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    keywords: ["codecov"],
    get sample() { return uuid("codecov"); },
    env: "CODECOV_TOKEN",
  }),
  // Buildkite API access tokens: "bkua_" + 40 hex.
  prefixed({
    id: "buildkite-api-token",
    description: "Buildkite API access token (bkua_…)",
    kind: "token",
    severity: "high",
    docs: "https://buildkite.com/docs/apis/managing-api-tokens",
    prefix: "bkua_",
    body: "[a-f0-9]{40}",
    get sample() { return "bkua_" + fake(HEX, 40, "bkua"); },
    env: "BUILDKITE_API_TOKEN",
  }),
  // Buildkite Test Engine (formerly Test Analytics) suite API token, read from BUILDKITE_ANALYTICS_TOKEN
  // by every test collector (https://buildkite.com/docs/test-engine/test-collection/ruby-collectors);
  // it uploads results to the suite. Without a prefix: found only under that name.
  assigned({
    id: "buildkite-test-engine-token",
    description: "Buildkite Test Engine suite token assigned to a BUILDKITE_ANALYTICS_TOKEN name",
    kind: "token",
    severity: "medium",
    docs: "https://buildkite.com/docs/test-engine/test-collection/ruby-collectors",
    names: "buildkite[_.-]?analytics[_.-]?token",
    value: "[A-Za-z0-9]{20,64}",
    fixedLength: false,
    entropy: 3.5,
    keywords: ["buildkite_analytics"],
    get sample() { return fake(ALNUM, 24, "bk-analytics"); },
    env: "BUILDKITE_ANALYTICS_TOKEN",
  }),
  // Cypress Cloud record key (a UUID), passed as CYPRESS_RECORD_KEY or --record --key: with the
  // project id it lets anyone record runs to the project (https://docs.cypress.io/cloud/account-management/projects#Record-key).
  assigned({
    id: "cypress-record-key",
    description: "Cypress Cloud record key (UUID) assigned to a Cypress record-key name",
    kind: "api-key",
    severity: "medium",
    docs: "https://docs.cypress.io/cloud/account-management/projects#Record-key",
    names: "cypress[_.-]?record[_.-]?key",
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    keywords: ["cypress_record"],
    get sample() { return uuid("cypress-record"); },
    env: "CYPRESS_RECORD_KEY",
  }),
  // Code Climate's test reporter id is the repository's upload credential despite its name
  // (CC_TEST_REPORTER_ID, "keep it secret": https://docs.codeclimate.com/docs/finding-your-test-coverage-token).
  assigned({
    id: "codeclimate-reporter-id",
    description: "Code Climate test reporter id (64 hex) assigned to a CC_TEST_REPORTER_ID / Code Climate name",
    kind: "token",
    severity: "medium",
    docs: "https://docs.codeclimate.com/docs/finding-your-test-coverage-token",
    names: "(?:cc[_.-]?test[_.-]?reporter[_.-]?id|code[_.-]?climate[\\w.-]{0,20}?(?:reporter[_.-]?id|token|id))",
    value: "[a-f0-9]{64}",
    entropy: 3.5,
    keywords: ["cc_test_reporter", "code_climate"],
    get sample() { return fake(HEX, 64, "cc-reporter"); },
    env: "CC_TEST_REPORTER_ID",
  }),
  // Octopus Deploy API keys: "API-" + 26+ upper-case alphanumerics.
  prefixed({
    id: "octopus-deploy-api-key",
    description: "Octopus Deploy API key (API-…)",
    kind: "api-key",
    severity: "high",
    docs: "https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key",
    prefix: "API-",
    body: "[A-Z0-9]{26}",
    keywords: ["api-"],
    entropy: 3.5,
    get sample() { return "API-" + fake(UPPER_ALNUM, 26, "octo"); },
    env: "OCTOPUS_API_KEY",
  }),
  // Harness personal access / service account tokens: "pat." / "sat." + account id + "." + 24 hex + "." + 20.
  prefixed({
    id: "harness-api-token",
    description: "Harness personal access or service account token (pat./sat.…)",
    kind: "token",
    severity: "high",
    docs: "https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/",
    prefix: "",
    body: "(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}",
    keywords: ["pat.", "sat."],
    get sample() { return "pat." + fake(B64URL, 22, "harness") + "." + fake(HEX, 24, "harness") + "." + fake(ALNUM, 20, "harness"); },
    env: "HARNESS_API_KEY",
  }),
  // Jenkins API tokens: "11" + 32 hex (34 characters).
  assigned({
    id: "jenkins-api-token",
    description: "Jenkins API token assigned to a Jenkins name",
    kind: "token",
    severity: "high",
    docs: "https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/",
    names: "jenkins",
    value: "11[0-9a-f]{32}",
    keywords: ["jenkins"],
    get sample() { return "11" + fake(HEX, 32, "jenkins"); },
    env: "JENKINS_API_TOKEN",
  }),
  // crates.io API tokens: "cio" + 32 alphanumerics.
  prefixed({
    id: "crates-io-api-token",
    description: "crates.io API token (cio…)",
    kind: "token",
    severity: "high",
    docs: "https://doc.rust-lang.org/cargo/reference/registry-authentication.html",
    prefix: "cio",
    body: "[A-Za-z0-9]{32}",
    entropy: 3.8,
    get sample() { return "cio" + fake(ALNUM, 32, "cio"); },
    env: "CARGO_REGISTRY_TOKEN",
  }),
  // Clojars deploy tokens: "CLOJARS_" + 60 lower-case alphanumerics.
  prefixed({
    id: "clojars-deploy-token",
    description: "Clojars deploy token (CLOJARS_…)",
    kind: "token",
    severity: "high",
    docs: "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens",
    prefix: "CLOJARS_",
    body: "[a-z0-9]{60}",
    get sample() { return "CLOJARS_" + fake(LOWER_ALNUM, 60, "clojars"); },
    env: "CLOJARS_PASSWORD",
  }),
  // Postman API keys: "PMAK-" + 24 hex + "-" + 34 hex.
  prefixed({
    id: "postman-api-key",
    description: "Postman API key (PMAK-…)",
    kind: "api-key",
    severity: "high",
    docs: "https://learning.postman.com/docs/developer/postman-api/authentication/",
    prefix: "PMAK-",
    body: "[a-f0-9]{24}-[a-f0-9]{34}",
    get sample() { return "PMAK-" + fake(HEX, 24, "pmak") + "-" + fake(HEX, 34, "pmak"); },
    env: "POSTMAN_API_KEY",
  }),
  // Composer's auth.json (and COMPOSER_AUTH) files tokens under the host they are for:
  // {"bearer": {"repo.example.org": "<token>"}}, "github-oauth", "gitlab-token",
  // "gitlab-oauth" alike. The name a secret is judged by is a host name there, so the
  // generic detector cannot see it; the credential type is the key one level up.
  custom({
    id: "composer-auth-token",
    description: "Composer auth.json token under a host (bearer, github-oauth, gitlab-token, gitlab-oauth)",
    kind: "token",
    severity: "high",
    docs: "https://getcomposer.org/doc/articles/authentication-for-private-packages.md",
    keywords: ['"bearer"', '"github-oauth"', '"gitlab-token"', '"gitlab-oauth"'],
    pattern: /"(?:bearer|github-oauth|gitlab-token|gitlab-oauth)"[ \t\r\n]{0,40}:[ \t\r\n]{0,40}\{[ \t\r\n]{0,40}"[A-Za-z0-9.:-]{1,253}"[ \t\r\n]{0,40}:[ \t\r\n]{0,40}"(?<secret>[A-Za-z0-9_.~+\/=-]{16,512})"/i,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [
          `{\n  "bearer": {\n    "repo.example.org": "${fake(B64URL, 40, "composer-bearer")}"\n  }\n}`,
          `{"github-oauth": {"github.com": "${fake(ALNUM, 36, "composer-gh")}"}, "gitlab-token": {"gitlab.example.com": "${fake(ALNUM, 20, "composer-gl")}"}}`,
        ],
        valid: [
          '{"bearer": {"repo.example.org": "your-bearer-token-here"}}',
          '{"github-oauth": {"github.com": "${GITHUB_TOKEN}"}}',
          '{"type": "bearer", "token": {"value": "x"}}',
        ],
      };
    },
  }),
  // CAST AI API keys: "castai_v1_" + 64 + "_" + 8 (gitleaks castai-api-key).
  prefixed({ id: "castai-api-key", description: "CAST AI API key (castai_v1_…)", kind: "api-key", severity: "high", docs: "https://docs.cast.ai/docs/authentication", prefix: "castai_v1_", body: "[A-Za-z0-9]{64}_[A-Za-z0-9]{8}", entropy: 3.5, get sample() { return "castai_v1_" + fake(HEX, 64, "castai") + "_" + fake(HEX, 8, "castai2"); }, env: "CASTAI_API_TOKEN" }),
  // Chief Tools (Account Chief) tokens: "ctp_" personal, "cto_" OAuth access, "ctr_" refresh, + 30 to
  // 248 alphanumerics (https://docs.chief.tools/accountchief/tokens, gitleaks chieftools-*).
  prefixed({ id: "chieftools-token", description: "Chief Tools personal, access or refresh token (ctp_/cto_/ctr_…)", kind: "token", severity: "high", docs: "https://docs.chief.tools/accountchief/tokens", prefix: "ct", body: "[opr]_[A-Za-z0-9]{30,248}", keywords: ["ctp_", "cto_", "ctr_"], entropy: 4, fixedLength: false, validate: (s) => !looksLikeIdentifier(s.slice(4)), get sample() { return "ctp_" + fake(ALNUM, 40, "chieftools"); }, env: "CHIEF_TOOLS_TOKEN", get valid() { return ["int ctr_InitializeAllRegistersForTheDevice(void);", "void ctp_HandleIncomingConnectionRequestQ(void);"]; } }),
  // Sidekiq Pro/Enterprise gem server credentials: "<8 hex>:<8 hex>", set as Bundler's
  // BUNDLE_GEMS__CONTRIBSYS__COM / BUNDLE_ENTERPRISE__CONTRIBSYS__COM or written into the source URL
  // (https://github.com/sidekiq/sidekiq/wiki/Sidekiq-Pro, gitleaks sidekiq-secret / sidekiq-sensitive-url).
  custom({
    id: "sidekiq-gem-credentials",
    description: "Sidekiq Pro/Enterprise gem server credentials (contribsys.com)",
    kind: "password",
    severity: "high",
    docs: "https://github.com/sidekiq/sidekiq/wiki/Sidekiq-Pro",
    keywords: ["contribsys"],
    pattern: /(?:BUNDLE_(?:GEMS|ENTERPRISE)__CONTRIBSYS__COM["']?[ \t]{0,4}[=:][ \t]{0,4}["']?|https?:\/\/(?=[a-f0-9]{8}:[a-f0-9]{8}@(?:gems|enterprise)\.contribsys\.com))(?<secret>[a-f0-9]{8}:[a-f0-9]{8})(?![A-Za-z0-9:])/i,
    entropy: 2.5,
    get examples() {
      return {
        invalid: [`BUNDLE_GEMS__CONTRIBSYS__COM=${fake(HEX, 8, "sq1")}:${fake(HEX, 8, "sq2")}`, `source "https://${fake(HEX, 8, "sq3")}:${fake(HEX, 8, "sq4")}@gems.contribsys.com/" do`, `  BUNDLE_ENTERPRISE__CONTRIBSYS__COM: "${fake(HEX, 8, "sq5")}:${fake(HEX, 8, "sq6")}"`],
        valid: ["BUNDLE_GEMS__CONTRIBSYS__COM=${SIDEKIQ_CREDENTIALS}", 'source "https://gems.contribsys.com/" do', `See https://${fake(HEX, 8, "sq7")}:${fake(HEX, 8, "sq8")}@example.org/ for contribsys docs`],
      };
    },
  }),

  // SonarQube tokens before the sqp_/squ_ prefixes: 40 hex, passed as sonar.login (the scanner's
  // property, -Dsonar.login=…, SONAR_LOGIN; Nosey Parker np-sonarqube-01).
  assigned({ id: "sonarqube-login-token", description: "SonarQube token (40 hex) given as sonar.login", kind: "token", severity: "high", docs: "https://docs.sonarsource.com/sonarqube-server/latest/analyzing-source-code/analysis-parameters/", names: "sonar[._-]?login", value: "[a-f0-9]{40}", keywords: ["sonar"], entropy: 3.2, get sample() { return fake(HEX, 40, "sonar-login"); }, env: "SONAR_LOGIN", get invalid() { return [`mvn sonar:sonar -Dsonar.login=${fake(HEX, 40, "sonar-login2")}`]; } }),
  // StackHawk API keys: "hawk." + 20 + "." + 20 url-safe characters (docs.stackhawk.com; Nosey Parker
  // np.stackhawk.1).
  prefixed({ id: "stackhawk-api-key", description: "StackHawk API key (hawk.…)", kind: "api-key", severity: "high", docs: "https://docs.stackhawk.com/web-app/", prefix: "hawk.", body: "[A-Za-z0-9_-]{20}\\.[A-Za-z0-9_-]{20}", get sample() { return "hawk." + fake(B64URL, 20, "hawk") + "." + fake(B64URL, 20, "hawk2"); }, env: "HAWK_API_KEY" }),
  // Aikido Security: CI tokens "AIK_CI_" + 20-44 and OAuth client secrets "AIK_SECRET_" + 64
  // alphanumerics (apidocs.aikido.dev; Kingfisher aikido.1/.3). The client id "AIK_CLIENT_…" is not a
  // secret.
  prefixed({ id: "aikido-ci-token", description: "Aikido Security CI token (AIK_CI_…)", kind: "token", severity: "high", docs: "https://help.aikido.dev/pr-and-release-gating/cli-for-pr-and-release-gating/aikido-ci-api", prefix: "AIK_CI_", body: "[A-Za-z0-9]{20,44}", fixedLength: false, get sample() { return "AIK_CI_" + fake(ALNUM, 32, "aikido-ci"); }, env: "AIKIDO_CI_TOKEN" }),
  prefixed({ id: "aikido-client-secret", description: "Aikido Security API client secret (AIK_SECRET_…)", kind: "api-key", severity: "high", docs: "https://apidocs.aikido.dev/reference/authorization", prefix: "AIK_SECRET_", body: "[A-Za-z0-9]{64}", entropy: 4, get sample() { return "AIK_SECRET_" + fake(ALNUM, 64, "aikido-secret"); }, env: "AIKIDO_CLIENT_SECRET" }),
];
