import { readFileSync } from 'node:fs';
import path from 'node:path';
import { drawColourIcon, drawOutlineIcon } from '../../scripts/lib/app-icons';
import { encodePng } from '../../scripts/lib/png-writer';
import { appPackageFolder } from '../../scripts/lib/app-package';
import { readPng } from './read-png';

function pixelsOf(image: Uint8Array): [number, number, number, number][] {
  const pixels: [number, number, number, number][] = [];
  for (let at = 0; at < image.length; at += 4)
    pixels.push([image[at] ?? 0, image[at + 1] ?? 0, image[at + 2] ?? 0, image[at + 3] ?? 0]);
  return pixels;
}

describe('the app icons', () => {
  const colour = readPng(readFileSync(path.join(appPackageFolder, 'color.png')));
  const outline = readPng(readFileSync(path.join(appPackageFolder, 'outline.png')));

  it('has a 192 × 192 colour icon with no transparency', () => {
    expect([colour.width, colour.height, colour.colourType, colour.bitDepth]).toEqual([192, 192, 6, 8]);
    expect(pixelsOf(colour.pixels).every(([, , , alpha]) => alpha === 255)).toBe(true);
  });

  it('has a 32 × 32 outline icon that is white on a transparent background', () => {
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);
    const pixels = pixelsOf(outline.pixels);
    expect(pixels.filter(([r, g, b]) => r !== 255 || g !== 255 || b !== 255)).toEqual([]);
    expect(pixels[0]?.[3]).toBe(0); // the corner is transparent
    expect(pixels.filter(([, , , alpha]) => alpha === 0).length).toBeGreaterThan(pixels.length / 2);
    expect(pixels.some(([, , , alpha]) => alpha === 255)).toBe(true);
  });

  it('are the files scripts/make-icons.ts writes', () => {
    expect(readFileSync(path.join(appPackageFolder, 'color.png'))).toEqual(encodePng(drawColourIcon()));
    expect(readFileSync(path.join(appPackageFolder, 'outline.png'))).toEqual(encodePng(drawOutlineIcon()));
  });
});
