import type { Rule } from "../src/scan/types.js";
import { assigned, custom, prefixed } from "./build.js";
import { ALNUM, B64URL, HEX, LETTERS, UPPER_ALNUM, fake, uuid } from "./fake.js";

// "T3BlbkFJ" is base64 of "OpenAI": every OpenAI secret key carries it between
// two random halves (legacy sk-, and the sk-proj-/sk-svcacct-/sk-admin- keys).
const OPENAI = "https://platform.openai.com/docs/api-reference/authentication";
const openaiKey = (prefix: string, seed: string): string => `${prefix}${fake(B64URL, 74, seed)}T3BlbkFJ${fake(B64URL, 74, `${seed}2`)}`;
const openai = (id: string, prefix: string, description: string): Rule =>
  prefixed({
    id,
    description,
    kind: "api-key",
    severity: "critical",
    docs: OPENAI,
    prefix,
    body: "[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}",
    keywords: ["t3blbkfj"],
    fixedLength: false,
    entropy: 4,
    get sample() { return openaiKey(prefix, id); },
    env: "OPENAI_API_KEY",
    get valid() { return [`OPENAI_API_KEY=${prefix}${fake(B64URL, 100, `${id}-no-marker`)}`]; },
  });

export const rules: Rule[] = [
  // Kingfisher's prefixed AI-tool keys (mongodb/kingfisher data/rules: cursor, e2b, composio, deepseek):
  // Cursor's integration (user) API keys "key_" + 64 lower-case hex (https://cursor.com/docs/cloud-agent/api/endpoints),
  // E2B's sandbox keys "e2b_" + 40 hex (https://e2b.dev/docs/getting-started/api-key), Composio's project keys
  // "ak_" and MCP consumer keys "ck_" + 20 url-safe (https://docs.composio.dev/reference/authentication).
  // The Composio shape is short: the key must mix upper case, lower case and digits, which a snake_case
  // identifier (`ak_get_user_profile_v2`) does not.
  prefixed({ id: "cursor-api-key", description: "Cursor integrations (user) API key (key_ + 64 hex)", kind: "api-key", severity: "high", docs: "https://cursor.com/docs/cloud-agent/api/endpoints", prefix: "key_", body: "[a-f0-9]{64}", entropy: 3.7, get sample() { return "key_" + fake(HEX, 64, "cursor"); }, env: "CURSOR_API_KEY", invalid: [`curl -u key_${fake(HEX, 64, "cursor-curl")}: https://api.cursor.com/v0/me`] }),
  prefixed({ id: "e2b-api-key", description: "E2B sandbox API key (e2b_ + 40 hex)", kind: "api-key", severity: "high", docs: "https://e2b.dev/docs/getting-started/api-key", prefix: "e2b_", body: "[a-f0-9]{40}", entropy: 3.5, get sample() { return "e2b_" + fake(HEX, 40, "e2b"); }, env: "E2B_API_KEY" }),
  prefixed({ id: "composio-api-key", description: "Composio project (ak_) or consumer (ck_) API key", kind: "api-key", severity: "high", docs: "https://docs.composio.dev/reference/authentication", prefix: "", body: "[ac]k_(?=[A-Za-z0-9_-]{0,19}[0-9])(?=[A-Za-z0-9_-]{0,19}[A-Z])(?=[A-Za-z0-9_-]{0,19}[a-z])[A-Za-z0-9_-]{20}", keywords: ["ak_", "ck_"], entropy: 3.5, get sample() { return "ak_" + "Q7" + fake(ALNUM, 18, "composio"); }, env: "COMPOSIO_API_KEY", valid: ["const handler = ak_get_user_profile_v2;", "ck_session_cookie_name_here"] }),
  // DeepSeek's keys are "sk-" + 32 lower-case hex (https://api-docs.deepseek.com/), and so are Alibaba Cloud
  // Model Studio (DashScope) keys: found bare too, not only under a DeepSeek name.
  prefixed({ id: "deepseek-api-key-bare", description: "DeepSeek / DashScope API key (sk- + 32 hex)", kind: "api-key", severity: "high", docs: "https://api-docs.deepseek.com/", prefix: "sk-", body: "[a-f0-9]{32}", entropy: 3.5, get sample() { return "sk-" + fake(HEX, 32, "deepseek-bare"); }, env: "LLM_API_KEY" }),
  // Friendli.ai personal access tokens "flp_" + 46 (https://friendli.ai/docs/guides/personal_access_tokens).
  prefixed({ id: "friendli-api-key", description: "Friendli.ai personal access token (flp_ + 46)", kind: "api-key", severity: "high", docs: "https://friendli.ai/docs/guides/personal_access_tokens", prefix: "flp_", body: "[A-Za-z0-9]{46}", entropy: 3.8, get sample() { return "flp_" + fake(ALNUM, 46, "friendli"); }, env: "FRIENDLI_TOKEN" }),
  // Hack Club AI "sk-hc-v1-" + 64 hex, Mem0 "m0-" + 24-44 (https://docs.mem0.ai/api-reference), MiniMax token-plan keys
  // "MINIMAX-" + four groups of 8 (https://platform.minimax.io/docs/token-plan/quickstart).
  prefixed({ id: "hackclub-ai-api-key", description: "Hack Club AI API key (sk-hc-v1-…)", kind: "api-key", severity: "medium", docs: "https://github.com/hackclub/ai", prefix: "sk-hc-v1-", body: "[a-f0-9]{64}", entropy: 3.5, get sample() { return "sk-hc-v1-" + fake(HEX, 64, "hackclub"); }, env: "HACKCLUB_API_KEY" }),
  prefixed({ id: "mem0-api-key", description: "Mem0 API key (m0-…)", kind: "api-key", severity: "high", docs: "https://docs.mem0.ai/api-reference", prefix: "m0-", body: "(?=[A-Za-z0-9]{0,43}[0-9])(?=[A-Za-z0-9]{0,43}[A-Za-z])[A-Za-z0-9]{24,44}", fixedLength: false, entropy: 3.8, get sample() { return "m0-" + fake(ALNUM, 40, "mem0"); }, env: "MEM0_API_KEY" }),
  prefixed({ id: "minimax-api-key", description: "MiniMax API key (MINIMAX-XXXXXXXX-…)", kind: "api-key", severity: "high", docs: "https://platform.minimax.io/docs/token-plan/quickstart", prefix: "MINIMAX-", body: "[A-Z0-9]{8}-[A-Z0-9]{8}-[A-Z0-9]{8}-[A-Z0-9]{8}", entropy: 3.3, get sample() { return "MINIMAX-" + [1, 2, 3, 4].map((i) => fake(UPPER_ALNUM, 8, `minimax${i}`)).join("-"); }, env: "MINIMAX_API_KEY" }),
  // Modal's token pair: id "ak-" + 22 and secret "as-" + 22, written together by `modal token set --token-id … --token-secret …`
  // and in ~/.modal.toml (https://modal.com/docs/reference/cli/token). The secret alone is too short a shape to report bare.
  custom({
    id: "modal-token-secret",
    description: "Modal token secret (as-…) beside its token id (ak-…)",
    kind: "token",
    severity: "high",
    docs: "https://modal.com/docs/reference/cli/token",
    keywords: ["as-"],
    pattern: /(?<![A-Za-z0-9_-])ak-[A-Za-z0-9]{22}(?![A-Za-z0-9])[^\n]{0,80}?(?<![A-Za-z0-9_-])(?<secret>as-[A-Za-z0-9]{22})(?![A-Za-z0-9_-])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`modal token set --token-id ak-${fake(ALNUM, 22, "modal-id")} --token-secret as-${fake(ALNUM, 22, "modal-secret")}`, `token_id = "ak-${fake(ALNUM, 22, "modal-id2")}"  token_secret = "as-${fake(ALNUM, 22, "modal-secret2")}"`],
        valid: [`modal token set --token-id ak-${fake(ALNUM, 22, "modal-id3")} --token-secret $MODAL_TOKEN_SECRET`, `background: as-${fake(ALNUM, 22, "modal-css")}`],
      };
    },
  }),
  // Inference providers whose keys carry their own prefix (found without a provider name):
  // Together's current keys "tgp_v1_" + 43, Cerebras "csk-" + 48, Anyscale Endpoints "esecret_" + 26,
  // NVIDIA NIM / build.nvidia.com "nvapi-" + 64.
  prefixed({ id: "together-ai-api-key-v1", description: "Together AI API key (tgp_v1_…)", kind: "api-key", severity: "high", docs: "https://docs.together.ai/reference/authentication-1", prefix: "tgp_v1_", body: "[A-Za-z0-9_-]{43}", entropy: 3.8, get sample() { return "tgp_v1_" + fake(B64URL, 43, "tgp"); }, env: "TOGETHER_API_KEY" }),
  prefixed({ id: "cerebras-api-key", description: "Cerebras inference API key (csk-…)", kind: "api-key", severity: "high", docs: "https://inference-docs.cerebras.ai/quickstart", prefix: "csk-", body: "[a-z0-9]{48}", entropy: 3.8, get sample() { return "csk-" + fake("abcdefghijklmnopqrstuvwxyz0123456789", 48, "cerebras"); }, env: "CEREBRAS_API_KEY" }),
  prefixed({ id: "anyscale-api-key", description: "Anyscale Endpoints API key (esecret_…)", kind: "api-key", severity: "high", docs: "https://docs.anyscale.com/", prefix: "esecret_", body: "[a-z0-9]{26}", entropy: 3.5, get sample() { return "esecret_" + fake("abcdefghijklmnopqrstuvwxyz0123456789", 26, "anyscale"); }, env: "ANYSCALE_API_KEY" }),
  // Claude Code OAuth tokens from `claude setup-token` (CLAUDE_CODE_OAUTH_TOKEN): "sk-ant-oat01-" + 95
  // url-safe characters, 108 in all (gitleaks claude-code-oauth-token); the refresh token beside it in
  // ~/.claude/.credentials.json is "sk-ant-ort01-" + the same alphabet. The length is observed, not
  // documented, hence the range.
  prefixed({ id: "anthropic-oauth-token", description: "Anthropic Claude Code OAuth access or refresh token (sk-ant-oat01-/sk-ant-ort01-…)", kind: "token", severity: "critical", docs: "https://docs.anthropic.com/en/docs/claude-code/setup", prefix: "sk-ant-o", body: "(?:at|rt)01-[A-Za-z0-9_-]{80,120}", keywords: ["sk-ant-oat01-", "sk-ant-ort01-"], entropy: 4, fixedLength: false, get sample() { return "sk-ant-oat01-" + fake(B64URL, 93, "claude-oat") + "AA"; }, env: "CLAUDE_CODE_OAUTH_TOKEN", get invalid() { return [`"refreshToken": "sk-ant-ort01-${fake(B64URL, 93, "claude-ort")}AA"`]; } }),
  // Tavily search keys: "tvly-" (since 2025 "tvly-dev-"/"tvly-prod-") + 32 alphanumerics
  // (trufflehog tavily).
  prefixed({ id: "tavily-api-key", description: "Tavily search API key (tvly-…)", kind: "api-key", severity: "high", docs: "https://docs.tavily.com/documentation/api-reference/introduction", prefix: "tvly-", body: "(?:dev-|prod-)?[A-Za-z0-9]{32}", entropy: 3.8, get sample() { return "tvly-dev-" + fake(ALNUM, 32, "tavily"); }, env: "TAVILY_API_KEY" }),
  // Firecrawl keys: "fc-" + 32 lower-case hex (trufflehog firecrawl).
  prefixed({ id: "firecrawl-api-key", description: "Firecrawl API key (fc-…)", kind: "api-key", severity: "high", docs: "https://docs.firecrawl.dev/introduction", prefix: "fc-", body: "[a-f0-9]{32}", entropy: 3.3, get sample() { return "fc-" + fake(HEX, 32, "firecrawl"); }, env: "FIRECRAWL_API_KEY" }),
  // Langfuse project keys: secret "sk-lf-" + UUID; the public half "pk-lf-" is sent by browsers and
  // is not a secret (trufflehog langfuse).
  prefixed({ id: "langfuse-secret-key", description: "Langfuse project secret key (sk-lf-…)", kind: "api-key", severity: "high", docs: "https://langfuse.com/docs/api", prefix: "sk-lf-", body: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", get sample() { return "sk-lf-" + uuid("langfuse"); }, env: "LANGFUSE_SECRET_KEY", get valid() { return [`LANGFUSE_PUBLIC_KEY=pk-lf-${uuid("langfuse-pk")}`]; } }),
  prefixed({ id: "nvidia-api-key", description: "NVIDIA NIM / NGC API key (nvapi-…)", kind: "api-key", severity: "high", docs: "https://docs.api.nvidia.com/nim/docs/api-quickstart", prefix: "nvapi-", body: "[A-Za-z0-9_-]{64}", entropy: 4, get sample() { return "nvapi-" + fake(B64URL, 64, "nvapi"); }, env: "NVIDIA_API_KEY" }),
  // LiteLLM proxy virtual keys: `/key/generate` mints `"sk-" + secrets.token_urlsafe(16)`, 22 url-safe characters
  // (litellm/proxy/management_endpoints/key_management_endpoints.py, LENGTH_OF_LITELLM_GENERATED_KEY = 16). The
  // shape alone is any `sk-` string, so only a file that names LiteLLM is searched (scripts minting keys, notes
  // beside them), where the key is often alone in a comment; the shipped `sk-1234` is too short.
  custom({
    id: "litellm-virtual-key",
    description: "LiteLLM proxy virtual key (sk- + 22 url-safe characters) in a file that names LiteLLM",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.litellm.ai/docs/proxy/virtual_keys",
    keywords: ["litellm"],
    pattern: /(?<![\w-])(?<secret>sk-[A-Za-z0-9_-]{22})(?![\w-])/,
    entropy: 3.5,
    validate: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s.slice(3)) && /\d/.test(s),
    get examples() {
      return {
        invalid: [`# LiteLLM key for the notebook server:\n# sk-${fake(B64URL, 22, "litellm-vk")}\n`, `export OPENAI_API_BASE=https://litellm.acme.io\nexport OPENAI_API_KEY=sk-${fake(ALNUM, 22, "litellm-vk2")}\n`],
        valid: ["general_settings:\n  master_key: sk-1234 # litellm's documented example", `# litellm\nkey = "sk-${fake(ALNUM, 22, "litellm-long")}x"`, `# litellm\nmodel: sk-the-quick-brown-fox-jumps`, `# sk-${fake(ALNUM, 22, "litellm-none")} with no proxy named`],
      };
    },
  }),
  openai("openai-project-key", "sk-proj-", "OpenAI project API key (sk-proj-…)"),
  openai("openai-service-account-key", "sk-svcacct-", "OpenAI service account key (sk-svcacct-…)"),
  openai("openai-admin-key", "sk-admin-", "OpenAI admin API key (sk-admin-…)"),
  // User keys created in 2024 without a project carried "sk-None-" in place of "sk-proj-".
  openai("openai-user-key", "sk-None-", "OpenAI user API key without a project (sk-None-…)"),
  // Legacy user keys: "sk-" + 20 alphanumerics + "T3BlbkFJ" + 20.
  prefixed({
    id: "openai-api-key",
    description: "OpenAI legacy user API key (sk-…T3BlbkFJ…)",
    kind: "api-key",
    severity: "critical",
    docs: OPENAI,
    prefix: "sk-",
    body: "[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}",
    keywords: ["t3blbkfj"],
    get sample() { return `sk-${fake(ALNUM, 20, "oa-legacy")}T3BlbkFJ${fake(ALNUM, 20, "oa-legacy2")}`; },
    env: "OPENAI_API_KEY",
  }),
  // Anthropic: "sk-ant-api03-" + 93 url-safe characters + "AA"; admin keys "sk-ant-admin01-".
  prefixed({
    id: "anthropic-api-key",
    description: "Anthropic API key (sk-ant-api03-…)",
    kind: "api-key",
    severity: "critical",
    docs: "https://docs.anthropic.com/en/api/getting-started#authentication",
    prefix: "sk-ant-api03-",
    body: "[A-Za-z0-9_-]{93}AA",
    get sample() { return "sk-ant-api03-" + fake(B64URL, 93, "ant") + "AA"; },
    env: "ANTHROPIC_API_KEY",
  }),
  prefixed({
    id: "anthropic-admin-key",
    description: "Anthropic Admin API key (sk-ant-admin01-…)",
    kind: "api-key",
    severity: "critical",
    docs: "https://docs.anthropic.com/en/api/administration-api",
    prefix: "sk-ant-admin01-",
    body: "[A-Za-z0-9_-]{93}AA",
    get sample() { return "sk-ant-admin01-" + fake(B64URL, 93, "ant-admin") + "AA"; },
    env: "ANTHROPIC_ADMIN_KEY",
  }),
  // Hugging Face user access tokens: "hf_" + 34 letters; organization tokens "api_org_" + 34.
  prefixed({
    id: "huggingface-access-token",
    description: "Hugging Face user access token (hf_…)",
    kind: "token",
    severity: "high",
    docs: "https://huggingface.co/docs/hub/security-tokens",
    prefix: "hf_",
    body: "[A-Za-z]{34}",
    get sample() { return "hf_" + fake(LETTERS, 34, "hf"); },
    env: "HF_TOKEN",
  }),
  prefixed({
    id: "huggingface-organization-token",
    description: "Hugging Face organization API token (api_org_…)",
    kind: "token",
    severity: "high",
    docs: "https://huggingface.co/docs/hub/security-tokens",
    prefix: "api_org_",
    body: "[A-Za-z]{34}",
    get sample() { return "api_org_" + fake(LETTERS, 34, "hf-org"); },
    env: "HF_ORG_TOKEN",
  }),
  // Replicate: "r8_" + 37 alphanumerics.
  prefixed({
    id: "replicate-api-token",
    description: "Replicate API token (r8_…)",
    kind: "token",
    severity: "high",
    docs: "https://replicate.com/docs/reference/http#authentication",
    prefix: "r8_",
    body: "[A-Za-z0-9]{37}",
    get sample() { return "r8_" + fake(ALNUM, 37, "r8"); },
    env: "REPLICATE_API_TOKEN",
  }),
  // Groq: "gsk_" + 52 alphanumerics.
  prefixed({
    id: "groq-api-key",
    description: "Groq API key (gsk_…)",
    kind: "api-key",
    severity: "high",
    docs: "https://console.groq.com/docs/quickstart",
    prefix: "gsk_",
    body: "[A-Za-z0-9]{52}",
    get sample() { return "gsk_" + fake(ALNUM, 52, "groq"); },
    env: "GROQ_API_KEY",
  }),
  // Perplexity: "pplx-" + 48 alphanumerics.
  prefixed({
    id: "perplexity-api-key",
    description: "Perplexity API key (pplx-…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.perplexity.ai/guides/getting-started",
    prefix: "pplx-",
    body: "[A-Za-z0-9]{48}",
    get sample() { return "pplx-" + fake(ALNUM, 48, "pplx"); },
    env: "PERPLEXITY_API_KEY",
  }),
  // xAI: "xai-" + 80 alphanumerics.
  prefixed({
    id: "xai-api-key",
    description: "xAI (Grok) API key (xai-…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.x.ai/docs/overview",
    prefix: "xai-",
    body: "[A-Za-z0-9]{80}",
    get sample() { return "xai-" + fake(ALNUM, 80, "xai"); },
    env: "XAI_API_KEY",
  }),
  // OpenRouter: "sk-or-v1-" + 64 hex.
  prefixed({
    id: "openrouter-api-key",
    description: "OpenRouter API key (sk-or-v1-…)",
    kind: "api-key",
    severity: "high",
    docs: "https://openrouter.ai/docs/api-reference/authentication",
    prefix: "sk-or-v1-",
    body: "[a-f0-9]{64}",
    get sample() { return "sk-or-v1-" + fake(HEX, 64, "openrouter"); },
    env: "OPENROUTER_API_KEY",
  }),
  // LangSmith: "lsv2_pt_" (personal) / "lsv2_sk_" (service) + 32 hex + "_" + 10 hex.
  prefixed({
    id: "langsmith-api-key",
    description: "LangSmith API key (lsv2_pt_/lsv2_sk_…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key",
    prefix: "lsv2_",
    body: "(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}",
    get sample() { return "lsv2_pt_" + fake(HEX, 32, "ls") + "_" + fake(HEX, 10, "ls"); },
    env: "LANGSMITH_API_KEY",
  }),
  // Pinecone: "pcsk_" + short id + "_" + long random part.
  prefixed({
    id: "pinecone-api-key",
    description: "Pinecone API key (pcsk_…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.pinecone.io/guides/projects/manage-api-keys",
    prefix: "pcsk_",
    body: "[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}",
    fixedLength: false,
    get sample() { return "pcsk_" + fake(ALNUM, 6, "pc") + "_" + fake(ALNUM, 63, "pc"); },
    env: "PINECONE_API_KEY",
  }),
  // ElevenLabs: "sk_" + 48 hex.
  prefixed({
    id: "elevenlabs-api-key",
    description: "ElevenLabs API key (sk_ + 48 hex)",
    kind: "api-key",
    severity: "high",
    docs: "https://elevenlabs.io/docs/api-reference/authentication",
    prefix: "sk_",
    body: "[a-f0-9]{48}",
    get sample() { return "sk_" + fake(HEX, 48, "eleven"); },
    env: "ELEVENLABS_API_KEY",
  }),
  // Prefix-less keys: only next to the provider's name.
  assigned({
    id: "cohere-api-key",
    description: "Cohere API key (40 alphanumerics) assigned to a Cohere name",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.cohere.com/reference/about",
    names: "cohere|\\bco[_.-]api[_.-]?key",
    value: "[A-Za-z0-9]{40}",
    keywords: ["cohere", "co_api_key"],
    entropy: 4,
    get sample() { return fake(ALNUM, 40, "cohere"); },
    env: "COHERE_API_KEY",
    // The Python SDK takes the key as the constructor's first argument.
    get invalid() { const s = fake(ALNUM, 40, "cohere"); return [`co = cohere.Client("${s}")`, `co = cohere.ClientV2('${s}')`]; },
    get valid() { const s = fake(ALNUM, 40, "cohere"); return [`co = cohere.Client(os.environ["COHERE_API_KEY"])`, `cohere.embed("${s}")`, `cohere.Client(api_key)`]; },
  }),
  assigned({
    id: "mistral-api-key",
    description: "Mistral AI API key (32 alphanumerics) assigned to a Mistral name",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.mistral.ai/getting-started/quickstart/",
    names: "mistral",
    value: "[A-Za-z0-9]{32}",
    keywords: ["mistral"],
    entropy: 3.8,
    get sample() { return fake(ALNUM, 32, "mistral"); },
    env: "MISTRAL_API_KEY",
  }),
  assigned({
    id: "deepseek-api-key",
    description: "DeepSeek API key (sk- + 32 hex) assigned to a DeepSeek name",
    kind: "api-key",
    severity: "high",
    docs: "https://api-docs.deepseek.com/",
    names: "deepseek",
    value: "sk-[a-f0-9]{32}",
    keywords: ["deepseek"],
    get sample() { return "sk-" + fake(HEX, 32, "deepseek"); },
    env: "DEEPSEEK_API_KEY",
  }),
  assigned({
    id: "together-ai-api-key",
    description: "Together AI API key (64 hex) assigned to a Together name",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.together.ai/reference/authentication-1",
    names: "together[_.-]?(?:ai)?[_.-]?api",
    value: "(?:tgp_v1_)?[A-Za-z0-9_-]{43,64}",
    keywords: ["together"],
    entropy: 3.5,
    fixedLength: false,
    get sample() { return fake(HEX, 64, "together"); },
    env: "TOGETHER_API_KEY",
  }),
  assigned({
    id: "wandb-api-key",
    description: "Weights & Biases API key (40 hex) assigned to a W&B name",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.wandb.ai/guides/track/environment-variables/",
    names: "wandb",
    value: "[a-f0-9]{40}",
    keywords: ["wandb"],
    get sample() { return fake(HEX, 40, "wandb"); },
    env: "WANDB_API_KEY",
  }),
  // The wandb CLI and SDK prefix every log line with "wandb: "; `wandb login` and `wandb.login()` in
  // a notebook can echo the key into such a line ("Appending key for api.wandb.ai to your netrc file:
  // …"), and notebooks keep their cell output when committed.
  custom({
    id: "wandb-api-key-output",
    description: "Weights & Biases API key (40 hex) in a \"wandb:\" log line (notebook or CI output)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.wandb.ai/ref/cli/wandb-login/",
    keywords: ["wandb: "],
    // Anchored on the hex, the prefix checked behind it: a lazy scan forward from every "wandb: "
    // would cost 160 steps per keyword occurrence (super-linear on a line of repeated prefixes).
    pattern: /(?<![0-9a-f])(?<secret>[0-9a-f]{40})(?![0-9a-f])(?<=\bwandb: [^\n]{0,160})/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`      "wandb: Appending key for api.wandb.ai to your netrc file: ${fake(HEX, 40, "wandb-out")}\\n",`, `wandb: Currently logged in as: acme. Using key ${fake(HEX, 40, "wandb-out2")}`],
        valid: [`wandb: Syncing run ${fake(HEX, 8, "wandb-run")}`, `wandb: Appending key for api.wandb.ai to your netrc file: /root/.netrc`],
      };
    },
  }),
  // The key handed to the SDK or the CLI directly: `wandb.login(key="…")` in a notebook or training
  // script (https://docs.wandb.ai/ref/python/login/), `wandb login <key>` in a CI step or a shell
  // history (https://docs.wandb.ai/ref/cli/wandb-login/). Anchored on the hex, the call checked behind it.
  custom({
    id: "wandb-login-key",
    description: "Weights & Biases API key (40 hex) passed to wandb.login(key=…) or `wandb login`",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.wandb.ai/ref/python/login/",
    keywords: ["wandb.login", "wandb login"],
    pattern: /(?<![0-9a-f])(?<secret>[0-9a-f]{40})(?![0-9a-f])(?<=(?:\bwandb\.login\([^)\n]{0,120}\bkey[ \t]{0,4}=[ \t]{0,4}\\?["']|\bwandb[ \t]+login[ \t]+(?:--?[\w-]{1,20}[ \t]+){0,3})[0-9a-f]{40})/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`    "wandb.login(key=\\"${fake(HEX, 40, "wandb-login")}\\")\\n",`, `wandb.login(anonymous="never", key='${fake(HEX, 40, "wandb-login2")}')`, `wandb login --relogin ${fake(HEX, 40, "wandb-login3")}`],
        valid: [`wandb.login(key=os.environ["WANDB_API_KEY"])`, `wandb login`, `wandb.login(key="${"0".repeat(40)}")`, `run_id = "${fake(HEX, 40, "wandb-run-id")}"`],
      };
    },
  }),
  assigned({
    id: "assemblyai-api-key",
    description: "AssemblyAI API key (32 hex) assigned to an AssemblyAI name",
    kind: "api-key",
    severity: "medium",
    docs: "https://www.assemblyai.com/docs/getting-started",
    names: "assembly[_.-]?ai",
    value: "[a-f0-9]{32}",
    keywords: ["assembly"],
    get sample() { return fake(HEX, 32, "assemblyai"); },
    env: "ASSEMBLYAI_API_KEY",
  }),
  assigned({
    id: "deepgram-api-key",
    description: "Deepgram API key (40 hex) assigned to a Deepgram name",
    kind: "api-key",
    severity: "medium",
    docs: "https://developers.deepgram.com/guides/fundamentals/authenticating",
    names: "deepgram",
    value: "[a-f0-9]{40}",
    keywords: ["deepgram"],
    get sample() { return fake(HEX, 40, "deepgram"); },
    env: "DEEPGRAM_API_KEY",
  }),
  // Fireworks AI keys: "fw_" + 24 alphanumerics.
  prefixed({
    id: "fireworks-api-key",
    description: "Fireworks AI API key (fw_…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.fireworks.ai/api-reference/introduction",
    prefix: "fw_",
    body: "[A-Za-z0-9]{24}",
    entropy: 3.8,
    get sample() { return "fw_" + fake(ALNUM, 24, "fireworks"); },
    env: "FIREWORKS_API_KEY",
  }),

  // Browserbase API keys: "bb_live_" / "bb_test_" + 27 url-safe characters (docs.browserbase.com;
  // Kingfisher browserbase.1).
  prefixed({ id: "browserbase-api-key", description: "Browserbase API key (bb_live_…/bb_test_…)", kind: "api-key", severity: "high", docs: "https://docs.browserbase.com/reference/api/overview", prefix: "bb_", body: "(?:live|test)_[A-Za-z0-9_-]{27}", keywords: ["bb_live_", "bb_test_"], get sample() { return "bb_live_" + fake(B64URL, 27, "browserbase"); }, env: "BROWSERBASE_API_KEY" }),
  // Cartesia API keys: "sk_car_" + 20 or more [A-Za-z0-9_] (docs.cartesia.ai; Kingfisher cartesia.1
  // says 20; the upper bound leaves room for longer keys).
  prefixed({ id: "cartesia-api-key", description: "Cartesia API key (sk_car_…)", kind: "api-key", severity: "high", docs: "https://docs.cartesia.ai/use-the-api/api-conventions", prefix: "sk_car_", body: "[A-Za-z0-9_]{20,64}", fixedLength: false, get sample() { return "sk_car_" + fake(ALNUM, 20, "cartesia"); }, env: "CARTESIA_API_KEY" }),
  // Jina AI keys: "jina_" + 60 alphanumerics (jina.ai; Kingfisher jina.1).
  prefixed({ id: "jina-api-key", description: "Jina AI API key (jina_ + 60)", kind: "api-key", severity: "high", docs: "https://jina.ai/", prefix: "jina_", body: "[A-Za-z0-9]{60}", entropy: 3.5, get sample() { return "jina_" + fake(HEX, 32, "jina") + fake(ALNUM, 28, "jina2"); }, env: "JINA_API_KEY" }),
];
