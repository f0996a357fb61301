/** Types of eslint/layers.cjs, for the TypeScript scripts and tests that read the layer table. */
import type { ESLint } from 'eslint';

export interface Layer {
  name: string;
  dir: string;
  may: string[];
}
declare const layers: Layer[];
declare const forbiddenPackages: Record<string, string[]>;
declare const layersPlugin: ESLint.Plugin;
export { forbiddenPackages, layers, layersPlugin };
