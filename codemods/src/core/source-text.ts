/**
 * Byte-faithful round trip of a source file: transforms work on LF text
 * without a BOM; the runner puts the file's own BOM and line endings back.
 */

export interface DecodedSource {
  /** Text without BOM, line endings normalised to `\n`. */
  readonly text: string;
  readonly bom: boolean;
  readonly eol: "\n" | "\r\n";
}

const BOM = "\uFEFF";

export function decodeSource(raw: string): DecodedSource {
  const bom = raw.startsWith(BOM);
  const body = bom ? raw.slice(1) : raw;
  const crlf = (body.match(/\r\n/g) ?? []).length;
  const lf = (body.match(/\n/g) ?? []).length;
  const eol = crlf > 0 && crlf * 2 >= lf ? "\r\n" : "\n";
  return { text: eol === "\r\n" ? body.replace(/\r\n/g, "\n") : body, bom, eol };
}

export function encodeSource(text: string, shape: Pick<DecodedSource, "bom" | "eol">): string {
  const body = shape.eol === "\r\n" ? text.replace(/\r?\n/g, "\r\n") : text;
  return shape.bom ? BOM + body : body;
}
