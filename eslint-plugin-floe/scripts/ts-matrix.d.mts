/** Types of ts-matrix.mjs for the matrix test. */
export declare const TS_MATRIX: readonly string[];
export declare function matrixRoot(): string;
export declare function matrixDir(version: string): string;
export declare function isInstalled(version: string): boolean;
