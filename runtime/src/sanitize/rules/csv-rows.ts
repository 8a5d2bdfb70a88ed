/**
 * Credentials in comma-separated tables, as exports and config dumps print
 * them: a row whose first cell names a credential and whose second holds it
 * (`api_token,x` under a `name,value` header), and a header row of
 * identifiers with a credential column (`user,password,host`), whose cell in
 * each following row of the same width is redacted. Only rows of plain
 * cells count (no spaces in header cells), so prose with commas stays.
 */
import { isCredentialPair } from "../credential-pair.js";
import { REDACTED } from "../marker.js";
import { isSecretKeyName } from "../secret-key-names.js";
import { isNonSecretValue } from "../text-shape.js";
import type { RedactionRule } from "./rule.js";

const HEADER_CELL = /^[A-Za-z_][\w.\-]{0,63}$/;
const MAX_CELLS = 64;
const MAX_LINE = 4096;

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed[0] === '"' && trimmed[trimmed.length - 1] === '"' ? trimmed.slice(1, -1) : trimmed;
}

/** Replaces the inside of one cell (quotes and padding kept). */
function redactCell(cell: string): string {
  const inner = unquote(cell);
  const at = cell.indexOf(inner);
  return cell.slice(0, at) + REDACTED + cell.slice(at + inner.length);
}

/** The credential columns of a header row, or undefined when the line is not one. */
function credentialColumns(cells: readonly string[]): number[] | undefined {
  const columns: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const name = unquote(cells[i]!);
    if (!HEADER_CELL.test(name)) return undefined;
    if (isSecretKeyName(name)) columns.push(i);
  }
  return columns.length > 0 ? columns : undefined;
}

export function redactCsvRows(text: string): string {
  const lines = text.split("\n");
  let changed = false;
  let columns: number[] | undefined;
  let width = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    if (line.length > MAX_LINE || !line.includes(",")) {
      columns = undefined;
      continue;
    }
    const cells = line.split(",", MAX_CELLS + 1);
    if (cells.length > MAX_CELLS) {
      columns = undefined;
      continue;
    }
    if (columns !== undefined && cells.length === width) {
      for (const c of columns) {
        const value = unquote(cells[c]!);
        if (value !== "" && !value.startsWith(REDACTED) && !isNonSecretValue(value)) cells[c] = redactCell(cells[c]!);
      }
      lines[l] = cells.join(",");
      changed = true;
      continue;
    }
    // `api_token,x`: a name cell followed by its value (a lone lowercase word is prose or an enum, not a secret).
    const name = unquote(cells[0]!);
    const value = unquote(cells[1]!);
    if (HEADER_CELL.test(name) && !/^[a-z]*$/.test(value) && !value.includes(" ") && isCredentialPair(name, value)) {
      cells[1] = redactCell(cells[1]!);
      lines[l] = cells.join(",");
      changed = true;
      columns = undefined;
      continue;
    }
    columns = credentialColumns(cells);
    width = cells.length;
  }
  return changed ? lines.join("\n") : text;
}

/** A comma right after a word at the start of a line: the only place a table row of ours begins. */
const ROW_START = /(?:^|\n)[ \t]*"?[A-Za-z_][\w.\-]{0,127}"?[ \t]*,/;

export const csvRowRule: RedactionRule = {
  name: "csv-rows",
  mayApply: (text) => text.includes(",") && ROW_START.test(text),
  apply: redactCsvRows,
};
