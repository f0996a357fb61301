/**
 * The two icons Teams asks for, drawn in code: a white ring with a tick (a concern seen through).
 *
 * - colour: 192 × 192, the white mark on the inspectorate red, fully opaque;
 * - outline: 32 × 32, the same mark in white on a transparent background (Teams' rule for outline icons).
 */
import type { RgbaImage } from './png-writer';

/** The accent colour, also the manifest's `accentColor`. */
export const accentColour = { red: 0xb3, green: 0x26, blue: 0x1e } as const;

interface Point {
  x: number;
  y: number;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Whether a point of the unit square (0..1 on both axes) is on the mark. */
function onMark(p: Point, stroke: number): boolean {
  const ring = Math.abs(Math.hypot(p.x - 0.5, p.y - 0.5) - 0.36) < stroke / 2;
  const tick =
    distanceToSegment(p, { x: 0.33, y: 0.5 }, { x: 0.46, y: 0.63 }) < stroke / 2 ||
    distanceToSegment(p, { x: 0.46, y: 0.63 }, { x: 0.69, y: 0.38 }) < stroke / 2;
  return ring || tick;
}

/** Share (0..1) of the pixel at (x, y) covered by the mark, from 4 × 4 samples. */
function coverage(x: number, y: number, size: number, stroke: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i += 1)
    for (let j = 0; j < 4; j += 1)
      if (onMark({ x: (x + (i + 0.5) / 4) / size, y: (y + (j + 0.5) / 4) / size }, stroke)) hits += 1;
  return hits / 16;
}

/** The 192 × 192 colour icon. */
export function drawColourIcon(size = 192): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1) {
      const share = coverage(x, y, size, 0.08);
      const mix = (background: number): number => Math.round(background + (255 - background) * share);
      pixels.set(
        [mix(accentColour.red), mix(accentColour.green), mix(accentColour.blue), 255],
        (y * size + x) * 4,
      );
    }
  return { width: size, height: size, pixels };
}

/** The 32 × 32 outline icon: white only, the background transparent. */
export function drawOutlineIcon(size = 32): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1)
      pixels.set([255, 255, 255, Math.round(255 * coverage(x, y, size, 0.1))], (y * size + x) * 4);
  return { width: size, height: size, pixels };
}
