// vaultshift/runtime: the Vault client for applications (see src/runtime/README.md).
export {};
