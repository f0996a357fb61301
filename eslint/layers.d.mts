/** Types of eslint/layers.mjs, for the TypeScript scripts and tests that read the layer table. */
import type { ESLint } from 'eslint';

export interface Layer {
  name: string;
  dir: string;
  may: string[];
}
export declare const layers: Layer[];
export declare const forbiddenPackages: Record<string, string[]>;
export declare const layersPlugin: ESLint.Plugin;
