// Types of content-cache.mjs, for the tests that import it.
export function contentKey(root: string, options: { sourcePaths: readonly string[]; builtDirs?: readonly string[]; salt?: string }): string | null;
export function passedBefore(root: string, name: string, key: string | null): boolean;
export function rememberPass(root: string, name: string, key: string | null): void;
