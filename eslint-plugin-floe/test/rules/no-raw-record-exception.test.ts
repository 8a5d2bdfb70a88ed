import rule, { RULE_NAME } from "../../src/rules/no-raw-record-exception.js";
import { createRuleTester, createTypedRuleTester, TYPED_FILE, runRule } from "../support/rule-tester.js";

const ruleTester = createRuleTester();
const SPAN = 'import type { Span } from "@opentelemetry/api";\n';
const IMPORT = 'import { recordSanitizedException } from "@floe/runtime";\n';

runRule(ruleTester, RULE_NAME, rule, {
  valid: [
    `${IMPORT}declare const span: any; recordSanitizedException(span, new Error("x"));`,
    // exceptions as log records (configureExceptionRecording) keep the same call: nothing to report
    'import { configureExceptionRecording, recordSanitizedException } from "@floe/runtime";\nconfigureExceptionRecording({ mode: "log" });\ndeclare const span: any; recordSanitizedException(span, new Error("x"));',
    "declare const span: any; span.recordSanitized(new Error('x'));",
    "declare function recordException(e: unknown): void; recordException(new Error('x'));",
    "declare const span: any; declare const m: string; span[m](new Error('x'));",
    "class S { #recordException() {} run() { this.#recordException(); } }",
  ],
  invalid: [
    {
      code: `${SPAN}function fail(span: Span, err: unknown) {\n  span.recordException(err);\n}`,
      output: `${SPAN}${IMPORT.trimEnd()}\nfunction fail(span: Span, err: unknown) {\n  recordSanitizedException(span, err);\n}`,
      errors: [{ messageId: "rawRecordException", line: 3, column: 3, endLine: 3, endColumn: 28 }],
    },
    {
      // merges into an existing value import
      code: 'import { withSpan } from "@floe/runtime";\ndeclare const span: any;\nspan.recordException(new Error("x"));\nvoid withSpan;',
      output:
        'import { withSpan, recordSanitizedException } from "@floe/runtime";\ndeclare const span: any;\nrecordSanitizedException(span, new Error("x"));\nvoid withSpan;',
      errors: [{ messageId: "rawRecordException", line: 3, column: 1 }],
    },
    {
      // never merges into `import type`
      code: 'import type { TracedOptions } from "@floe/runtime";\nlet o: TracedOptions | undefined;\ndeclare const span: any;\nspan.recordException(o);',
      output:
        'import type { TracedOptions } from "@floe/runtime";\nimport { recordSanitizedException } from "@floe/runtime";\nlet o: TracedOptions | undefined;\ndeclare const span: any;\nrecordSanitizedException(span, o);',
      errors: [{ messageId: "rawRecordException", line: 4, column: 1 }],
    },
    {
      // reuses an existing alias
      code: 'import { recordSanitizedException as rse } from "@floe/runtime";\ndeclare const span: any, e: Error;\nspan.recordException(e);',
      output: 'import { recordSanitizedException as rse } from "@floe/runtime";\ndeclare const span: any, e: Error;\nrse(span, e);',
      errors: [{ messageId: "rawRecordException", line: 3, column: 1 }],
    },
    {
      // namespace import
      code: 'import * as rt from "@floe/runtime";\ndeclare const span: any, e: Error;\nspan.recordException(e);',
      output: 'import * as rt from "@floe/runtime";\ndeclare const span: any, e: Error;\nrt.recordSanitizedException(span, e);',
      errors: [{ messageId: "rawRecordException", line: 3, column: 1 }],
    },
    {
      // a local of the same name: the new import is aliased
      code: 'import { trace } from "@opentelemetry/api";\nconst recordSanitizedException = 1;\nconst span = trace.getActiveSpan()!;\nspan.recordException(new Error(String(recordSanitizedException)));',
      output:
        'import { trace } from "@opentelemetry/api";\nimport { recordSanitizedException as floeRecordSanitizedException } from "@floe/runtime";\nconst recordSanitizedException = 1;\nconst span = trace.getActiveSpan()!;\nfloeRecordSanitizedException(span, new Error(String(recordSanitizedException)));',
      errors: [{ messageId: "rawRecordException", line: 4, column: 1 }],
    },
    {
      // the import is shadowed where the call is: a second, aliased specifier is merged in
      code: `${IMPORT}function f(span: any, recordSanitizedException: unknown) {\n  span.recordException(recordSanitizedException);\n}`,
      output:
        'import { recordSanitizedException, recordSanitizedException as floeRecordSanitizedException } from "@floe/runtime";\nfunction f(span: any, recordSanitizedException: unknown) {\n  floeRecordSanitizedException(span, recordSanitizedException);\n}',
      errors: [{ messageId: "rawRecordException", line: 3, column: 3 }],
    },
    {
      // optional receiver as a statement: the short circuit becomes an `if` (what the codemod writes)
      code: `${IMPORT}declare const span: any, err: unknown;\nspan?.recordException(err);`,
      output: `${IMPORT}declare const span: any, err: unknown;\nif (span) recordSanitizedException(span, err);`,
      errors: [{ messageId: "rawRecordException", line: 3, column: 1 }],
    },
    {
      // optional receiver, argument with side effects, statement: the arguments stay behind the guard
      code: `${IMPORT}declare const span: any, err: unknown;\nspan?.recordException(new Error(String(err)));`,
      output: `${IMPORT}declare const span: any, err: unknown;\nif (span) recordSanitizedException(span, new Error(String(err)));`,
      errors: [{ messageId: "rawRecordException", line: 3, column: 1 }],
    },
    {
      // this.span?.recordException(...) in a method
      code: `${IMPORT}class C { span: any; f(err: unknown) { this.span?.recordException(wrap(err)); } }\ndeclare function wrap(e: unknown): Error;`,
      output: `${IMPORT}class C { span: any; f(err: unknown) { if (this.span) recordSanitizedException(this.span, wrap(err)); } }\ndeclare function wrap(e: unknown): Error;`,
      errors: [{ messageId: "rawRecordException", line: 2, column: 40 }],
    },
    {
      // value used: a conditional expression keeps both the short circuit and the value
      code: `${IMPORT}declare const span: any, err: unknown;\nconst r = span?.recordException(wrap(err));\ndeclare function wrap(e: unknown): Error;\nvoid r;`,
      output: `${IMPORT}declare const span: any, err: unknown;\nconst r = span ? recordSanitizedException(span, wrap(err)) : undefined;\ndeclare function wrap(e: unknown): Error;\nvoid r;`,
      errors: [{ messageId: "rawRecordException", line: 3, column: 11 }],
    },
    {
      // the consequent of an if/else (also through a loop body) gets braces, so the else stays where it was
      code: `${IMPORT}declare const span: any, err: unknown, a: boolean;\nif (a) span?.recordException(err);\nelse void 0;\nif (a) for (;;) span?.recordException(err);\nelse void 0;\nif (a) span?.recordException(err);`,
      output: `${IMPORT}declare const span: any, err: unknown, a: boolean;\nif (a) { if (span) recordSanitizedException(span, err); }\nelse void 0;\nif (a) for (;;) { if (span) recordSanitizedException(span, err); }\nelse void 0;\nif (a) if (span) recordSanitizedException(span, err);`,
      errors: [
        { messageId: "rawRecordException", line: 3 },
        { messageId: "rawRecordException", line: 5 },
        { messageId: "rawRecordException", line: 7 },
      ],
    },
    {
      // arrow body: a block; returned or in an expression: a conditional, parenthesized where needed
      code: `${IMPORT}declare const span: any, done: boolean;\nexport const onError = (e: unknown) => span?.recordException(e);\nexport function f(e: unknown) { return span?.recordException(e); }\nexport function g(e: unknown) { return done || span?.recordException(e); }\nexport const h = (e: unknown) => (span?.recordException(e));`,
      output: `${IMPORT}declare const span: any, done: boolean;\nexport const onError = (e: unknown) => { if (span) recordSanitizedException(span, e); };\nexport function f(e: unknown) { return span ? recordSanitizedException(span, e) : undefined; }\nexport function g(e: unknown) { return done || (span ? recordSanitizedException(span, e) : undefined); }\nexport const h = (e: unknown) => (span ? recordSanitizedException(span, e) : undefined);`,
      errors: [
        { messageId: "rawRecordException", line: 3 },
        { messageId: "rawRecordException", line: 4 },
        { messageId: "rawRecordException", line: 5 },
        { messageId: "rawRecordException", line: 6 },
      ],
    },
    {
      // optional links and static keys in the receiver are read twice as they are (codemod: same output)
      code: `${IMPORT}declare const parent: any, spans: any, err: unknown;\nparent?.span?.recordException(err, Date.now());\nspans["a"]?.recordException(err);`,
      output: `${IMPORT}declare const parent: any, spans: any, err: unknown;\nif (parent?.span) recordSanitizedException(parent?.span, err, Date.now());\nif (spans["a"]) recordSanitizedException(spans["a"], err);`,
      errors: [
        { messageId: "rawRecordException", line: 3 },
        { messageId: "rawRecordException", line: 4 },
      ],
    },
    {
      // a receiver that is evaluated once either way, side-effect-free arguments: the helper ignores an undefined span
      code: `${IMPORT}declare function getSpan(): any;\ndeclare const err: unknown;\ngetSpan()?.recordException(err);`,
      output: `${IMPORT}declare function getSpan(): any;\ndeclare const err: unknown;\nrecordSanitizedException(getSpan(), err);`,
      errors: [{ messageId: "rawRecordException", line: 4 }],
    },
    {
      // side-effecting optional receiver is never duplicated: evaluated once into a temporary (the codemod's form)
      code: `${IMPORT}declare function getSpan(): any;\ndeclare function wrap(e: unknown): Error;\ngetSpan()?.recordException(wrap(1));`,
      output: `${IMPORT}declare function getSpan(): any;\ndeclare function wrap(e: unknown): Error;\nconst span = getSpan();\nif (span) recordSanitizedException(span, wrap(1));`,
      errors: [{ messageId: "rawRecordException", line: 4, column: 1 }],
    },
    {
      // the codemod's side-effect-receivers fixture: temporaries span, span3, ... never a name of the file (span2 is a parameter);
      // braces outside statement lists (a case clause, a loop body); an arrow called with the receiver where the value is used
      code: [
        `${IMPORT}declare function lookup(): any;`,
        "declare function makeError(n: unknown): Error;",
        "export function fail(i: number, err: Error, span2: unknown) {",
        "  lookup()?.recordException(new Error(`wrapped: ${err.message}`));",
        "  switch (i) {",
        "    case 1:",
        "      lookup()?.recordException(makeError(i));",
        "      break;",
        "  }",
        "  for (const e of [err]) lookup()?.recordException(makeError(e.message.length));",
        "  return span2;",
        "}",
        "export const recorded = lookup()?.recordException(makeError(1));",
        "export const onError = (e: unknown) => lookup()?.recordException(makeError(e));",
        "export async function later() { return lookup()?.recordException(await Promise.resolve(makeError(2))); }",
      ].join("\n"),
      output: [
        `${IMPORT}declare function lookup(): any;`,
        "declare function makeError(n: unknown): Error;",
        "export function fail(i: number, err: Error, span2: unknown) {",
        "  const span = lookup();",
        "  if (span) recordSanitizedException(span, new Error(`wrapped: ${err.message}`));",
        "  switch (i) {",
        "    case 1:",
        "      { const span3 = lookup(); if (span3) recordSanitizedException(span3, makeError(i)); }",
        "      break;",
        "  }",
        "  for (const e of [err]) { const span4 = lookup(); if (span4) recordSanitizedException(span4, makeError(e.message.length)); }",
        "  return span2;",
        "}",
        "export const recorded = ((span5) => (span5 ? recordSanitizedException(span5, makeError(1)) : undefined))(lookup());",
        "export const onError = (e: unknown) => { const span6 = lookup(); if (span6) recordSanitizedException(span6, makeError(e)); };",
        "export async function later() { return lookup()?.recordException(await Promise.resolve(makeError(2))); }",
      ].join("\n"),
      errors: [
        { messageId: "rawRecordException", line: 5 },
        { messageId: "rawRecordException", line: 8 },
        { messageId: "rawRecordException", line: 11 },
        { messageId: "rawRecordException", line: 14 },
        { messageId: "rawRecordException", line: 15 },
        {
          // `await` in the arguments cannot move into a closure: suggestion only
          messageId: "rawRecordException",
          line: 16,
          suggestions: [
            {
              messageId: "useSanitizedHelperEager",
              output: [
                `${IMPORT}declare function lookup(): any;`,
                "declare function makeError(n: unknown): Error;",
                "export function fail(i: number, err: Error, span2: unknown) {",
                "  lookup()?.recordException(new Error(`wrapped: ${err.message}`));",
                "  switch (i) {",
                "    case 1:",
                "      lookup()?.recordException(makeError(i));",
                "      break;",
                "  }",
                "  for (const e of [err]) lookup()?.recordException(makeError(e.message.length));",
                "  return span2;",
                "}",
                "export const recorded = lookup()?.recordException(makeError(1));",
                "export const onError = (e: unknown) => lookup()?.recordException(makeError(e));",
                "export async function later() { return recordSanitizedException(lookup(), await Promise.resolve(makeError(2))); }",
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      // side-effecting receiver, no optional chain: evaluated once either way
      code: `${IMPORT}declare function getSpan(): any;\ngetSpan().recordException(new Error("x"));`,
      output: `${IMPORT}declare function getSpan(): any;\nrecordSanitizedException(getSpan(), new Error("x"));`,
      errors: [{ messageId: "rawRecordException", line: 3, column: 1 }],
    },
    {
      // computed member, time argument, comments kept
      code: `${IMPORT}declare const span: any, err: Error;\nspan["recordException"](/* keep */ err /* too */, Date.now());`,
      output: `${IMPORT}declare const span: any, err: Error;\nrecordSanitizedException(span, /* keep */ err /* too */, Date.now());`,
      errors: [{ messageId: "rawRecordException", line: 3, column: 1 }],
    },
    {
      // optional call (the method may be missing) and deeper optional links: suggestion only
      code: `${IMPORT}declare const span: any, a: any, err: Error;\nspan.recordException?.(err);\na?.b.recordException(err);`,
      output: null,
      errors: [
        {
          messageId: "rawRecordException",
          line: 3,
          column: 1,
          suggestions: [{ messageId: "useSanitizedHelperEager", output: `${IMPORT}declare const span: any, a: any, err: Error;\nrecordSanitizedException(span, err);\na?.b.recordException(err);` }],
        },
        {
          messageId: "rawRecordException",
          line: 4,
          column: 1,
          suggestions: [{ messageId: "useSanitizedHelperEager", output: `${IMPORT}declare const span: any, a: any, err: Error;\nspan.recordException?.(err);\nrecordSanitizedException(a?.b, err);` }],
        },
      ],
    },
    {
      // comma-expression receiver keeps its parentheses
      code: `${IMPORT}declare const a: any, span: any, e: Error;\n(a, span).recordException(e);`,
      output: `${IMPORT}declare const a: any, span: any, e: Error;\nrecordSanitizedException((a, span), e);`,
      errors: [{ messageId: "rawRecordException", line: 3 }],
    },
    {
      // directives stay first; single quotes and no semicolons follow the file's style
      code: "'use client'\nimport { x } from 'y'\ndeclare const span: any\nspan.recordException(x)",
      output:
        "'use client'\nimport { x } from 'y'\nimport { recordSanitizedException } from '@floe/runtime'\ndeclare const span: any\nrecordSanitizedException(span, x)",
      errors: [{ messageId: "rawRecordException", line: 4 }],
    },
    {
      code: '"use strict";\ndeclare const span: any, e: Error;\nspan.recordException(e);',
      output:
        '"use strict";\nimport { recordSanitizedException } from "@floe/runtime";\ndeclare const span: any, e: Error;\nrecordSanitizedException(span, e);',
      errors: [{ messageId: "rawRecordException", line: 3 }],
    },
    {
      // TSX
      filename: "component.tsx",
      code: `${IMPORT}declare const span: any, e: Error;\nexport const B = () => <button onClick={() => span.recordException(e)} />;`,
      output: `${IMPORT}declare const span: any, e: Error;\nexport const B = () => <button onClick={() => recordSanitizedException(span, e)} />;`,
      errors: [{ messageId: "rawRecordException", line: 3, column: 47 }],
    },
    {
      // a Span implementation delegating to its parent: reported, not fixable
      code: "declare class Base { recordException(e: unknown): void }\nclass S extends Base { override recordException(e: unknown) { super.recordException(e); } }",
      output: null,
      errors: [{ messageId: "rawRecordException", line: 2, column: 63 }],
    },
    {
      // CommonJS: a require, never an ESM import (after the directive prologue)
      filename: "legacy.cjs",
      languageOptions: { parserOptions: { sourceType: "script" } },
      code: "'use strict';\nconst span = require('x').span;\nspan.recordException(new Error('x'));",
      output: "'use strict';\nconst { recordSanitizedException } = require(\"@floe/runtime\");\nconst span = require('x').span;\nrecordSanitizedException(span, new Error('x'));",
      errors: [{ messageId: "rawRecordException", line: 3 }],
    },
    {
      // CommonJS: added after the last top-level require, in the file's quote and semicolon style
      filename: "legacy.cjs",
      languageOptions: { parserOptions: { sourceType: "script" } },
      code: "const api = require('@opentelemetry/api')\nconst span = api.trace.getActiveSpan()\nspan.recordException(new Error('x'))",
      output:
        "const api = require('@opentelemetry/api')\nconst { recordSanitizedException } = require('@floe/runtime')\nconst span = api.trace.getActiveSpan()\nrecordSanitizedException(span, new Error('x'))",
      errors: [{ messageId: "rawRecordException", line: 3 }],
    },
    {
      // CommonJS: merged into an existing destructured require of @floe/runtime
      filename: "legacy.cjs",
      languageOptions: { parserOptions: { sourceType: "script" } },
      code: 'const { sanitizeErrorMessage } = require("@floe/runtime");\nmodule.exports = (span, e) => { span.recordException(e); return sanitizeErrorMessage(e); };',
      output:
        'const { sanitizeErrorMessage, recordSanitizedException } = require("@floe/runtime");\nmodule.exports = (span, e) => { recordSanitizedException(span, e); return sanitizeErrorMessage(e); };',
      errors: [{ messageId: "rawRecordException", line: 2 }],
    },
    {
      // CommonJS: an existing (aliased) destructured helper or a namespace require is reused
      filename: "legacy.cjs",
      languageOptions: { parserOptions: { sourceType: "script" } },
      code: 'const { recordSanitizedException: rse } = require("@floe/runtime");\nconst rt = require("@floe/runtime");\nexports.a = (span, e) => span.recordException(e);',
      output: 'const { recordSanitizedException: rse } = require("@floe/runtime");\nconst rt = require("@floe/runtime");\nexports.a = (span, e) => rse(span, e);',
      errors: [{ messageId: "rawRecordException", line: 3 }],
    },
    {
      filename: "legacy.cjs",
      languageOptions: { parserOptions: { sourceType: "script" } },
      code: 'const rt = require("@floe/runtime");\nexports.a = (span, e) => span.recordException(e);',
      output: 'const rt = require("@floe/runtime");\nexports.a = (span, e) => rt.recordSanitizedException(span, e);',
      errors: [{ messageId: "rawRecordException", line: 2 }],
    },
    {
      // CommonJS: the helper's name is taken at the top level, so the new binding is aliased
      filename: "legacy.cjs",
      languageOptions: { parserOptions: { sourceType: "script" } },
      code: "function recordSanitizedException() {}\nexports.a = (span, e) => { span?.recordException(e); recordSanitizedException(); };",
      output:
        'const { recordSanitizedException: floeRecordSanitizedException } = require("@floe/runtime");\nfunction recordSanitizedException() {}\nexports.a = (span, e) => { if (span) floeRecordSanitizedException(span, e); recordSanitizedException(); };',
      errors: [{ messageId: "rawRecordException", line: 2 }],
    },
    {
      // a classic script (neither a module nor CommonJS: no require anywhere): reported, no fix
      filename: "page.js",
      languageOptions: { parserOptions: { sourceType: "script" } },
      code: "var span = window.span;\nspan.recordException(new Error('x'));",
      output: null,
      errors: [{ messageId: "rawRecordException", line: 2 }],
    },
    {
      // decorators, satisfies, `using`, private members and declare module do not confuse it
      code: [
        IMPORT.trimEnd(),
        'declare module "x" { export const y: number; }',
        "declare function dec(...a: unknown[]): any;",
        "@dec class C {",
        "  #span: any;",
        "  @dec m(err: unknown) { using _r = { [Symbol.dispose]() {} }; this.#span.recordException(err satisfies unknown); }",
        "}",
      ].join("\n"),
      output: [
        IMPORT.trimEnd(),
        'declare module "x" { export const y: number; }',
        "declare function dec(...a: unknown[]): any;",
        "@dec class C {",
        "  #span: any;",
        "  @dec m(err: unknown) { using _r = { [Symbol.dispose]() {} }; recordSanitizedException(this.#span, err satisfies unknown); }",
        "}",
      ].join("\n"),
      errors: [{ messageId: "rawRecordException", line: 6, column: 64 }],
    },
  ],
});

const typedRuleTester = createTypedRuleTester();
const TYPED_PRELUDE = [
  'import { trace, type Span } from "@opentelemetry/api";',
  "class Recorder { recordException(_e: unknown): void {} }",
  "declare const recorder: Recorder;",
  "declare const loose: any;",
  "declare const maybe: Span | undefined;",
  "const span: Span = trace.getTracer('t').startSpan('s');",
  "",
].join("\n");
const WITH_IMPORT = TYPED_PRELUDE.replace("\n", '\nimport { recordSanitizedException } from "@floe/runtime";\n');

runRule(typedRuleTester, `${RULE_NAME} (requireSpanType)`, rule, {
  valid: [
    { filename: TYPED_FILE, code: `${TYPED_PRELUDE}recorder.recordException(new Error("x"));`, options: [{ requireSpanType: true }] },
    { filename: TYPED_FILE, code: `${TYPED_PRELUDE}loose.recordException(new Error("x"));`, options: [{ requireSpanType: true }] },
  ],
  invalid: [
    {
      filename: TYPED_FILE,
      code: `${TYPED_PRELUDE}span.recordException(new Error("x"));\nmaybe?.recordException(new Error("y"));\nrecorder.recordException(1);`,
      options: [{ requireSpanType: true }],
      output: [
        `${WITH_IMPORT}recordSanitizedException(span, new Error("x"));\nmaybe?.recordException(new Error("y"));\nrecorder.recordException(1);`,
        `${WITH_IMPORT}recordSanitizedException(span, new Error("x"));\nif (maybe) recordSanitizedException(maybe, new Error("y"));\nrecorder.recordException(1);`,
      ],
      errors: [
        { messageId: "rawRecordException", line: 7, column: 1 },
        { messageId: "rawRecordException", line: 8, column: 1 },
      ],
    },
    {
      // without the option the same unrelated class is reported
      filename: TYPED_FILE,
      code: `${TYPED_PRELUDE}recorder.recordException(1);`,
      output: `${WITH_IMPORT}recordSanitizedException(recorder, 1);`,
      errors: [{ messageId: "rawRecordException", line: 7 }],
    },
  ],
});
