// An unfinished script from the legacy repo: it does not parse, and the codemod must leave it byte-for-byte alone.
export function notes(version {
  return `release ${version}`;
}
