/**
 * `// floe-codemod-ignore-file`: a comment that marks a file the codemod must
 * not look at (an intentionally unparsable script, generated code). Such a
 * file is reported as skipped ("ignored"), never as a parse error, so `check`
 * can pass on a tree that keeps one. Read from raw text: the file need not parse.
 */

export const IGNORE_FILE_MARKER = "floe-codemod-ignore-file";

/** The marker at the start of a line or block comment that begins its line. */
const MARKER_COMMENT = /(?:^|\n)[ \t]*(?:\/\/|\/\*+)[ \t]*floe-codemod-ignore-file\b/;

export const IGNORED_BY_MARKER = `ignored: ${IGNORE_FILE_MARKER} comment`;

export function hasIgnoreMarker(text: string): boolean {
  return text.includes(IGNORE_FILE_MARKER) && MARKER_COMMENT.test(text);
}

/** Byte-level form: only decodes the file when the marker's bytes are there. */
export function bytesHaveIgnoreMarker(bytes: Buffer): boolean {
  return bytes.includes(IGNORE_FILE_MARKER) && MARKER_COMMENT.test(bytes.toString("utf8"));
}
