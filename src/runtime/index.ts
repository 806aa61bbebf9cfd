// vaultshift/runtime: the Vault client for applications and for vaultshift's
// own writer. Zero dependencies; see docs/runtime.md.
export { VaultClient, createVaultClient } from "./client.js";
export type { KvSecret, ReadOptions, WriteOptions, MountOption, HealthStatus, TokenInfo } from "./client.js";
export type { AuthInfo } from "./auth.js";
export { DEFAULT_K8S_JWT_PATH } from "./auth.js";
export type { AuthOptions, VaultClientOptions, VaultClientEvent } from "./options.js";
export type { MountInfo, ResolvedPath, SecretVersionMetadata, SecretMetadata, MetadataUpdate } from "./kv.js";
export type { DatabaseCredentials } from "./credentials.js";
export type { Method } from "./request.js";
export { SecretValue, SecretRecord, REDACTED } from "./secret-value.js";
export { loadSecrets, defineSecrets, resolveEnvironment } from "./load-secrets.js";
export type { SecretBinding, LoadSecretsOptions, SecretsHandle, DefineSecretsOptions } from "./load-secrets.js";
export {
  VaultError,
  VaultConnectionError,
  VaultTimeoutError,
  VaultAuthenticationError,
  VaultInvalidTokenError,
  VaultPermissionError,
  VaultSecretNotFoundError,
  VaultMissingFieldError,
  VaultSealedError,
  VaultUninitializedError,
  VaultVersionError,
  VaultValidationError,
  VaultRateLimitError,
  VaultServerError,
  VaultCacheError,
  VaultConfigError,
  VaultLoadSecretsError,
} from "./errors.js";
export type { VaultErrorDetails, SecretProblem } from "./errors.js";
