/**
 * The ordered rule set. Structural forms whose body would confuse the
 * key/value scan go first (PEM blocks, key material outside PEM, URLs with userinfo, webhook paths,
 * vendor-prefixed tokens, JWTs); then cookies, keyed values in every
 * surface form (and keys stored as data: name/value fields, CSV rows), OAuth/SAML callback parameters and SQL literals; then the
 * shape-based catch-alls (bare auth schemes, cards). Values a rule redacts
 * through the Splicer are logged and removed wherever the message repeats them.
 */
import { bareAuthSchemeRule } from "./bare-auth-schemes.js";
import { callbackParamRule } from "./oauth-callback-params.js";
import { cliFlagRule } from "./cli-flags.js";
import { cookieRule } from "./cookies.js";
import { credentialFileRule } from "./credential-files.js";
import { csvRowRule } from "./csv-rows.js";
import { environmentCommandRule } from "./environment-commands.js";
import { jwtRule } from "./jwt.js";
import { keyValueRule } from "./key-value.js";
import { markupElementRule } from "./markup-elements.js";
import { nameValueFieldRule } from "./name-value-fields.js";
import { paymentCardRule } from "./payment-cards.js";
import { pemPrivateKeyRule } from "./pem-private-keys.js";
import { privateKeyMaterialRule } from "./private-key-material.js";
import { proseDisclosureRule } from "./prose-disclosure.js";
import type { RedactionRule } from "./rule.js";
import { sqlLiteralRule } from "./sql-literals.js";
import { urlUserinfoRule } from "./url-userinfo.js";
import { vendorTokenRule } from "./vendor-tokens.js";
import { webhookUrlRule } from "./webhook-urls.js";

export type { RedactionRule } from "./rule.js";

export const REDACTION_RULES: readonly RedactionRule[] = [
  pemPrivateKeyRule,
  privateKeyMaterialRule,
  urlUserinfoRule,
  webhookUrlRule,
  vendorTokenRule,
  jwtRule,
  cookieRule,
  keyValueRule,
  callbackParamRule,
  sqlLiteralRule,
  cliFlagRule,
  markupElementRule,
  nameValueFieldRule,
  csvRowRule,
  environmentCommandRule,
  credentialFileRule,
  bareAuthSchemeRule,
  proseDisclosureRule,
  paymentCardRule,
];
