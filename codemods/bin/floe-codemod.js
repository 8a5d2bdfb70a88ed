#!/usr/bin/env node
// floe-codemod CLI entry: the compiled CLI does the work.
import "../dist/cli.js";
