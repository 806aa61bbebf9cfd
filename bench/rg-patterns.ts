// The regex set ripgrep runs in the corpus benchmark: about twenty provider
// patterns of the kind gitleaks and trufflehog ship, in Rust regex syntax,
// with no keyword pre-filter, no entropy check, no checksum and no context.
// It is the "bare regex" baseline: its speed is the floor a scanner can hope
// for, its noise is what context-free patterns cost. It covers the same
// providers as the planted secrets, so its recall is an upper bound for a
// pattern-only tool, not a fair fight on unseen formats.
export const rgPatterns: { id: string; regex: string }[] = [
  { id: "aws-access-key-id", regex: String.raw`\b(?:AKIA|ASIA)[A-Z2-7]{16}\b` },
  { id: "aws-secret-access-key", regex: String.raw`(?i)aws_?secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}\b` },
  { id: "github-token", regex: String.raw`\bgh[pousr]_[A-Za-z0-9]{36}\b` },
  { id: "github-fine-grained-pat", regex: String.raw`\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b` },
  { id: "gitlab-pat", regex: String.raw`\bglpat-[A-Za-z0-9_-]{20}\b` },
  { id: "slack-token", regex: String.raw`\bxox[baprs]-[0-9]{10,13}-[0-9]{10,13}-?[A-Za-z0-9-]{24,34}` },
  { id: "slack-webhook", regex: String.raw`https://hooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}` },
  { id: "stripe-secret-key", regex: String.raw`\b[sr]k_live_[A-Za-z0-9]{24,99}\b` },
  { id: "google-api-key", regex: String.raw`\bAIza[0-9A-Za-z_-]{35}\b` },
  { id: "openai-api-key", regex: String.raw`\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}` },
  { id: "anthropic-api-key", regex: String.raw`\bsk-ant-api03-[A-Za-z0-9_-]{93}AA\b` },
  { id: "npm-token", regex: String.raw`\bnpm_[A-Za-z0-9]{36}\b` },
  { id: "sendgrid-api-key", regex: String.raw`\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b` },
  { id: "twilio-api-key", regex: String.raw`\bSK[0-9a-f]{32}\b` },
  { id: "shopify-token", regex: String.raw`\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}\b` },
  { id: "vault-token", regex: String.raw`\bhv[sb]\.[A-Za-z0-9_-]{24,}` },
  { id: "private-key", regex: String.raw`-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----` },
  { id: "url-credentials", regex: String.raw`\b(?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|redis|amqps?)://[^\s:/@"']+:[^\s:/@"']{6,}@` },
  { id: "azure-storage-key", regex: String.raw`AccountKey=[A-Za-z0-9+/]{86}==` },
  {
    id: "generic-secret-assignment",
    regex: String.raw`(?i)\b[\w.-]*(?:password|passwd|secret|token|api_?key)[\w.-]*["']?\s*[:=]\s*["']?[A-Za-z0-9_\-+/=!#%^*]{16,}`,
  },
];
