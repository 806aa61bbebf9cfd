import type { Rule } from "../src/scan/types.js";
import { custom, prefixed } from "./build.js";
import { ALNUM, B64URL, HEX, LOWER_ALNUM, fake } from "./fake.js";

// GitLab token prefixes, from "GitLab token overview"
// (https://docs.gitlab.com/security/tokens/#token-prefixes). Since 17.x tokens
// may be "routable" and longer (prefix + base64url payload + "." + version +
// "." + check), hence the ranges on the personal access token.
const TOKENS = "https://docs.gitlab.com/security/tokens/";
const URL_SAFE = "[0-9A-Za-z_-]";

const gl = (id: string, prefix: string, body: string, length: number, description: string, env: string, severity: Rule["severity"] = "high", alphabet = B64URL, fixedLength = true): Rule =>
  prefixed({
    id,
    description,
    kind: "token",
    severity,
    docs: TOKENS,
    prefix,
    body,
    fixedLength,
    get sample() { return prefix + fake(alphabet, length, id); },
    env,
  });

export const rules: Rule[] = [
  gl("gitlab-personal-access-token", "glpat-", "[0-9A-Za-z_.-]{20,300}", 20, "GitLab personal, project or group access token (glpat-…)", "GITLAB_TOKEN", "critical", ALNUM, false),
  gl("gitlab-deploy-token", "gldt-", `${URL_SAFE}{20,300}`, 20, "GitLab deploy token (gldt-…)", "GITLAB_DEPLOY_TOKEN", "high", ALNUM, false),
  gl("gitlab-runner-authentication-token", "glrt-", "[0-9A-Za-z_.-]{20,300}", 20, "GitLab runner authentication token (glrt-…)", "CI_RUNNER_TOKEN", "high", ALNUM, false),
  gl("gitlab-pipeline-trigger-token", "glptt-", "[0-9a-f]{40}", 40, "GitLab pipeline trigger token (glptt-…)", "GITLAB_TRIGGER_TOKEN", "high", HEX),
  // CI/CD job tokens: "glcbt-" + a short partition id + "_" + 20 characters.
  prefixed({
    id: "gitlab-ci-build-token",
    description: "GitLab CI/CD job token (glcbt-…)",
    kind: "token",
    severity: "high",
    docs: TOKENS,
    prefix: "glcbt-",
    body: "[0-9a-zA-Z]{1,5}_[0-9A-Za-z_-]{20}",
    get sample() { return "glcbt-" + fake(ALNUM, 2, "glcbt") + "_" + fake(ALNUM, 20, "glcbt"); },
    env: "CI_JOB_TOKEN",
  }),
  gl("gitlab-oauth-application-secret", "gloas-", `${URL_SAFE}{64}`, 64, "GitLab OAuth application secret (gloas-…)", "GITLAB_OAUTH_SECRET"),
  gl("gitlab-scim-token", "glsoat-", `${URL_SAFE}{20}`, 20, "GitLab SCIM OAuth access token (glsoat-…)", "GITLAB_SCIM_TOKEN", "high", ALNUM),
  gl("gitlab-feed-token", "glft-", `${URL_SAFE}{20}`, 20, "GitLab feed token (glft-…)", "GITLAB_FEED_TOKEN", "medium", ALNUM),
  gl("gitlab-feature-flags-client-token", "glffct-", `${URL_SAFE}{20}`, 20, "GitLab feature flags client token (glffct-…)", "UNLEASH_TOKEN", "medium", ALNUM),
  gl("gitlab-incoming-mail-token", "glimt-", `${URL_SAFE}{25}`, 25, "GitLab incoming email token (glimt-…)", "GITLAB_MAIL_TOKEN", "medium", ALNUM),
  gl("gitlab-agent-token", "glagent-", `${URL_SAFE}{50}`, 50, "GitLab agent for Kubernetes token (glagent-…)", "GITLAB_AGENT_TOKEN", "high", ALNUM),
  // Runner registration tokens (deprecated since 16.0): "GR1348941" + 20.
  gl("gitlab-runner-registration-token", "GR1348941", `${URL_SAFE}{20}`, 20, "GitLab runner registration token (GR1348941…, deprecated format)", "REGISTRATION_TOKEN", "high", ALNUM),
  // The session cookie of a signed-in GitLab user, copied from a browser or a HAR into a script:
  // "_gitlab_session=" + 32 lower-case hex/alphanumerics (gitleaks gitlab-session-cookie).
  custom({
    id: "gitlab-session-cookie",
    description: "GitLab session cookie (_gitlab_session=…)",
    kind: "token",
    severity: "high",
    docs: "https://docs.gitlab.com/user/profile/active_sessions/",
    keywords: ["_gitlab_session="],
    pattern: /(?<![A-Za-z0-9_])_gitlab_session=(?<secret>[0-9a-z]{32})(?![A-Za-z0-9_])/,
    entropy: 3.3,
    get examples() {
      return {
        invalid: [`curl -H "Cookie: _gitlab_session=${fake(LOWER_ALNUM, 32, "gl-session")}" https://gitlab.example.org/api/v4/user`, `GITLAB_COOKIE=_gitlab_session=${fake(LOWER_ALNUM, 32, "gl-session2")}`],
        valid: ["Cookie: _gitlab_session=${GITLAB_SESSION}", `_gitlab_session=${"a".repeat(32)}`, `_gitlab_session=${fake(LOWER_ALNUM, 20, "gl-short")}`],
      };
    },
  }),
];
