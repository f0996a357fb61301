/**
 * The demo's inspection regions.
 *
 * These are demo groupings of the English regions, chosen so that region scoping (a Chief of Staff
 * or HM Inspector sees only the services of their region) is visible in the demo. They are not an
 * official map of how the inspectorate divides its work.
 */
import type { Region } from '../domain/records';

/** The three demo regions, keyed by id. */
export const demoRegionsById = {
  /** North East, North West, Yorkshire and the Humber. */
  north: { id: 'north', name: 'Northern' },
  /** East Midlands, West Midlands and Thames Valley (Buckinghamshire, Oxfordshire, Royal Berkshire). */
  central: { id: 'central', name: 'Central' },
  /** London, the rest of the South East, East of England, South West. */
  south: { id: 'south', name: 'Southern' },
} satisfies Record<string, Region>;

/** The demo region ids, for typing data that must name one of them. */
export type DemoRegionId = keyof typeof demoRegionsById;

/** Every demo region. */
export const demoRegions: Region[] = Object.values(demoRegionsById);
