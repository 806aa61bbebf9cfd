import { VaultshiftError } from "../errors.js";

/** The dev server cannot start or cannot keep its data (bad options, unreadable or corrupt data dir, port in use). */
export class DevServerError extends VaultshiftError {
  override name = "DevServerError";
}
