/**
 * Credentials in XML/HTML-style elements (`<password>x</password>`,
 * `<ns:clientSecret>x</ns:clientSecret>`), as SOAP faults and Maven/NuGet
 * settings echo them.
 */
import { REDACTED } from "../marker.js";
import { isSecretKeyName } from "../secret-key-names.js";
import { isNonSecretValue } from "../text-shape.js";
import type { RedactionRule } from "./rule.js";

const ELEMENT = /<((?:[A-Za-z_][\w\-]*:)?([A-Za-z_][\w.\-]*))>([^<\r\n]+)<\/\1>/g;

export function redactMarkupElements(text: string): string {
  return text.replace(ELEMENT, (whole: string, tag: string, local: string, value: string) =>
    isSecretKeyName(local) && !isNonSecretValue(value) ? `<${tag}>${REDACTED}</${tag}>` : whole,
  );
}

export const markupElementRule: RedactionRule = {
  name: "markup-elements",
  mayApply: (text) => text.includes("</"),
  apply: redactMarkupElements,
};
