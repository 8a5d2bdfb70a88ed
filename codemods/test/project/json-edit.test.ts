// addJsonProperty edits package.json text in place: the author's indentation, key order, inline
// objects and final newline survive, and npm's sorted dependency lists stay sorted.
import { describe, expect, it } from "vitest";
import { addJsonProperty } from "../../src/project/json-edit.js";

describe("addJsonProperty", () => {
  it("appends a nested object at the end, indented like its siblings", () => {
    const text = '{\n  "name": "x",\n  "version": "1.0.0"\n}\n';
    expect(addJsonProperty(text, ["floe"], { plugin: "P", type: "DBT" })).toBe(
      '{\n  "name": "x",\n  "version": "1.0.0",\n  "floe": {\n    "plugin": "P",\n    "type": "DBT"\n  }\n}\n',
    );
  });

  it("keeps tab and four-space layouts", () => {
    expect(addJsonProperty('{\n\t"name": "x"\n}', ["floe"], { type: "DBT" })).toBe(
      '{\n\t"name": "x",\n\t"floe": {\n\t\t"type": "DBT"\n\t}\n}',
    );
    expect(addJsonProperty('{\n    "name": "x",\n    "dependencies": {\n        "a": "1"\n    }\n}\n', ["dependencies", "b"], "2")).toBe(
      '{\n    "name": "x",\n    "dependencies": {\n        "a": "1",\n        "b": "2"\n    }\n}\n',
    );
  });

  it("inserts into a sorted dependency list in order, inline or multi-line", () => {
    const multi = '{\n  "dependencies": {\n    "@a/x": "1",\n    "zod": "4"\n  }\n}\n';
    expect(addJsonProperty(multi, ["dependencies", "@floe/runtime"], "*", { sorted: true })).toBe(
      '{\n  "dependencies": {\n    "@a/x": "1",\n    "@floe/runtime": "*",\n    "zod": "4"\n  }\n}\n',
    );
    const inline = '{\n  "dependencies": { "duckdb": "1", "zod": "4" }\n}\n';
    expect(addJsonProperty(inline, ["dependencies", "@floe/runtime"], "*", { sorted: true })).toBe(
      '{\n  "dependencies": { "@floe/runtime": "*", "duckdb": "1", "zod": "4" }\n}\n',
    );
  });

  it("appends to an unsorted list and to inline objects", () => {
    expect(addJsonProperty('{ "dependencies": { "zod": "4", "a": "1" } }', ["dependencies", "m"], "2", { sorted: true })).toBe(
      '{ "dependencies": { "zod": "4", "a": "1", "m": "2" } }',
    );
  });

  it("fills an empty object and creates a missing parent", () => {
    expect(addJsonProperty('{\n  "dependencies": {}\n}\n', ["dependencies", "a"], "1")).toBe(
      '{\n  "dependencies": {\n    "a": "1"\n  }\n}\n',
    );
    expect(addJsonProperty('{\n  "name": "x"\n}\n', ["dependencies", "a"], "1")).toBe(
      '{\n  "name": "x",\n  "dependencies": {\n    "a": "1"\n  }\n}\n',
    );
  });

  it("leaves an existing key alone and rejects a non-object parent", () => {
    const text = '{\n  "dependencies": { "a": "2" }\n}\n';
    expect(addJsonProperty(text, ["dependencies", "a"], "1")).toBe(text);
    expect(() => addJsonProperty('{ "dependencies": [] }', ["dependencies", "a"], "1")).toThrow(/"dependencies" is not an object/);
  });
});
