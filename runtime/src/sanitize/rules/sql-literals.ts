/**
 * Credentials inside SQL that a database echoes back in an error (`STATEMENT:`, `LINE 1:`,
 * MySQL's failed-statement text): `PASSWORD 'x'` (Postgres `CREATE/ALTER ROLE`, Oracle), `IDENTIFIED BY 'x'`
 * (MySQL, Oracle), the values of credential-named columns in `INSERT INTO t (cols) VALUES (...)`, and a
 * Postgres unique-violation `DETAIL:  Key (token)=(x) already exists.` on a credential-named column.
 * Every pattern is bounded and stops at its own closing quote or parenthesis.
 */
import { REDACTED } from "../marker.js";
import { isSecretKeyName } from "../secret-key-names.js";
import { noteRedacted } from "../redaction-log.js";
import { isNonSecretValue } from "../text-shape.js";
import { Splicer, type RedactionRule } from "./rule.js";

/** `PASSWORD 'x'`, `IDENTIFIED BY "x"`, `WITH ENCRYPTED PASSWORD E'x'` (`''` escapes a quote). */
const PASSWORD_LITERAL = /\b(?:PASSWORD|IDENTIFIED[ \t]+BY)[ \t]+E?(['"])((?:[^'"\r\n\\]|\\.){1,256})\1/gi;
/** `Key (col, col)=(v, v)` from a Postgres DETAIL line. */
const KEY_DETAIL = /\bKey \(([^()\r\n]{1,200})\)=\(([^\r\n]{0,512}?)\)(?= already exists| is not present|[.\s]|$)/g;
/** `INSERT INTO t (a, b) VALUES (x, y)`: one row, no nested parentheses in the column list. */
const INSERT_VALUES = /\bINSERT[ \t]+INTO[ \t]+[\w."]{1,128}[ \t]*\(([^()\r\n]{1,400})\)[ \t]*VALUES[ \t]*\(/gi;
/** One SQL value: a quoted string (with `''` escapes) or anything up to the next comma/parenthesis. */
const SQL_VALUE = /[ \t]*('(?:[^'\r\n]|'')*'|[^,()\r\n]*(?:\([^()\r\n]*\))?)[ \t]*(,?)/y;

function columnNames(list: string): string[] {
  return list.split(",").map((name) => name.trim().replace(/^"|"$/g, ""));
}

function redactPasswordLiterals(text: string): string {
  return text.replace(PASSWORD_LITERAL, (whole: string, quote: string, value: string) => {
    if (isNonSecretValue(value)) return whole;
    noteRedacted(value);
    return whole.slice(0, whole.length - value.length - 1) + REDACTED + quote;
  });
}

function redactKeyDetails(text: string): string {
  return text.replace(KEY_DETAIL, (whole: string, columns: string, values: string) => {
    if (values === "" || !columnNames(columns).some(isSecretKeyName)) return whole;
    noteRedacted(values);
    return whole.slice(0, whole.length - values.length - 1) + REDACTED + ")";
  });
}

function redactInsertValues(text: string): string {
  const out = new Splicer(text);
  INSERT_VALUES.lastIndex = 0;
  for (let m = INSERT_VALUES.exec(text); m !== null; m = INSERT_VALUES.exec(text)) {
    const secretColumns = columnNames(m[1]!).map(isSecretKeyName);
    if (!secretColumns.includes(true)) continue;
    let at = INSERT_VALUES.lastIndex;
    for (let i = 0; i < secretColumns.length; i++) {
      SQL_VALUE.lastIndex = at;
      const value = SQL_VALUE.exec(text);
      if (!value || value[0] === "") break;
      const raw = value[1]!;
      const inner = raw.startsWith("'") ? raw.slice(1, -1) : raw;
      if (secretColumns[i] && inner !== "" && !isNonSecretValue(inner)) {
        const start = at + value[0].indexOf(raw) + (raw.startsWith("'") ? 1 : 0);
        out.replace(start, start + inner.length, REDACTED);
      }
      at = SQL_VALUE.lastIndex;
      if (value[2] === "") break;
    }
    INSERT_VALUES.lastIndex = Math.max(at, INSERT_VALUES.lastIndex);
  }
  return out.toString();
}

export function redactSqlLiterals(text: string): string {
  // Each form's word is checked first: cheaper than running its word-bounded pattern over the text.
  const literals = /password|identified/i.test(text) ? redactPasswordLiterals(text) : text;
  const details = literals.includes("Key (") ? redactKeyDetails(literals) : literals;
  return /insert/i.test(details) ? redactInsertValues(details) : details;
}

export const sqlLiteralRule: RedactionRule = {
  name: "sql-literals",
  mayApply: (text) => /password|identified|Key \(|insert/i.test(text),
  apply: redactSqlLiterals,
};
