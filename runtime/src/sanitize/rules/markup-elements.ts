/**
 * Credentials in XML/HTML-style markup, as SOAP faults, Maven/NuGet/Spring
 * settings and config dumps echo them: an element named after a credential
 * (`<password>x</password>`, `<ns:clientSecret>x</ns:clientSecret>`, the
 * value on its own indented line `<fooToken>\n    x\n</fooToken>`), and a
 * `name`/`key` attribute naming one next to a `value` attribute
 * (`<add key="ClearTextPassword" value="x" />`,
 * `<property name="db.password" value="x"/>`). An element whose name merely
 * ends in `key` (`<stripeKey>`) counts when its value looks generated, so
 * `<primaryKey>id</primaryKey>` stays. Whitespace around the value is kept.
 */
import { REDACTED } from "../marker.js";
import { isCredentialPair } from "../credential-pair.js";
import type { RedactionRule } from "./rule.js";

// Each attempt stops at the next `<`, so the scan is linear; attributes on the opening tag are allowed.
const ELEMENT = /<((?:[A-Za-z_][\w\-]*:)?([A-Za-z_][\w.\-]*))((?:[ \t][^<>]{0,200})?)>([^<]{1,4096})<\/\1>/g;
const NAME_VALUE_ATTRIBUTES =
  /(\b(?:name|key|id)[ \t]*=[ \t]*(["'])([^"'<>\r\n]{1,128})\2[ \t\r\n]{1,64}value[ \t]*=[ \t]*(["']))([^"'\r\n]{0,1024})(?=["'])/g;

function redactElements(text: string): string {
  return text.replace(ELEMENT, (whole: string, tag: string, local: string, attributes: string, inner: string) => {
    const value = inner.trim();
    if (!isCredentialPair(local, value)) return whole;
    const lead = inner.length - inner.trimStart().length;
    const trail = inner.length - inner.trimEnd().length;
    return `<${tag}${attributes}>${inner.slice(0, lead)}${REDACTED}${inner.slice(inner.length - trail)}</${tag}>`;
  });
}

function redactNameValueAttributes(text: string): string {
  return text.replace(NAME_VALUE_ATTRIBUTES, (whole: string, prefix: string, _q: string, name: string, _q2: string, value: string) =>
    isCredentialPair(name, value) ? `${prefix}${REDACTED}` : whole,
  );
}

export function redactMarkupElements(text: string): string {
  const withElements = text.includes("</") ? redactElements(text) : text;
  return /value[ \t]*=/.test(withElements) ? redactNameValueAttributes(withElements) : withElements;
}

export const markupElementRule: RedactionRule = {
  name: "markup-elements",
  mayApply: (text) => text.includes("</") || (text.includes("value") && /value[ \t]*=/.test(text)),
  apply: redactMarkupElements,
};
