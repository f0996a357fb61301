/**
 * Writes appPackage/color.png and appPackage/outline.png (`npm run make-icons`). The PNGs are
 * committed; run this again only to change the design in scripts/lib/app-icons.ts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawColourIcon, drawOutlineIcon } from './lib/app-icons';
import { encodePng } from './lib/png-writer';

const appPackage = path.join(__dirname, '..', 'appPackage');
writeFileSync(path.join(appPackage, 'color.png'), encodePng(drawColourIcon()));
writeFileSync(path.join(appPackage, 'outline.png'), encodePng(drawOutlineIcon()));
console.log(`wrote color.png and outline.png in ${appPackage}`);
