/**
 * Just enough MIME reading for the tests to assert on a received message:
 * unfolded top-level headers and the decoded text/plain and text/html parts
 * of a (possibly multipart/alternative) body, quoted-printable or base64.
 */
export interface ParsedMessage {
  headers: Record<string, string>;
  text: string | undefined;
  html: string | undefined;
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const index = raw.indexOf("\r\n\r\n");
  const head = index === -1 ? raw : raw.slice(0, index);
  const body = index === -1 ? "" : raw.slice(index + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decode(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable": {
      const bytes = body
        .replace(/=\r\n/g, "")
        .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, "latin1").toString("utf8");
    }
    default:
      return body;
  }
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`) in a header value. */
export function decodeHeader(value: string): string {
  return value.replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=\s*/gi, (_, _charset: string, kind: string, text: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : decode(text.replace(/_/g, " "), "quoted-printable"),
  );
}

export function parseMessage(raw: string): ParsedMessage {
  const { headers, body } = splitHeaders(raw);
  const parsed: ParsedMessage = { headers, text: undefined, html: undefined };
  const visit = (partHeaders: Record<string, string>, partBody: string) => {
    const type = partHeaders["content-type"] ?? "text/plain";
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (/^multipart\//i.test(type) && boundary) {
      for (const part of partBody.split(`--${boundary}`).slice(1)) {
        if (part.startsWith("--")) break;
        const inner = splitHeaders(part.replace(/^\r\n/, ""));
        visit(inner.headers, inner.body.replace(/\r\n$/, ""));
      }
      return;
    }
    const content = decode(partBody, partHeaders["content-transfer-encoding"]);
    if (/^text\/html/i.test(type)) parsed.html = content;
    else if (/^text\/plain/i.test(type)) parsed.text = content;
  };
  visit(headers, body);
  return parsed;
}
