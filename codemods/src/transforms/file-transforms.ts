/**
 * The file transforms by name, without the project transforms (and their
 * ts-morph dependency): what a worker thread loads.
 */
import type { FileTransform } from "../core/types.js";
import { renameOperationName } from "./rename-operation-name.js";
import { sanitizeExceptions } from "./sanitize-exceptions.js";

export const FILE_TRANSFORMS: Readonly<Record<string, FileTransform>> = {
  [renameOperationName.name]: renameOperationName,
  [sanitizeExceptions.name]: sanitizeExceptions,
};
