/**
 * The fire and rescue services of England, each placed in a demo region (see regions.ts).
 *
 * There are 44: 45 were inspected in the first round (2018-19); Hampshire and the Isle of Wight
 * combined on 1 April 2021 (Dorset and Wiltshire had already combined in 2016). Welsh, Scottish and
 * Northern Irish services are not inspected by the inspectorate, so they are not here.
 *
 * Codes are the demo's own short codes (2 to 5 capital letters), also used as the prefix of record
 * ids (`BUC-1`, `HWF-AFI-3`). `BUC` (Buckinghamshire, "Bucks") and `HWF` (Hereford & Worcester)
 * are the services of the demo Service Liaison Lead.
 */
import type { Service } from '../domain/records';
import type { DemoRegionId } from './regions';

/** A service placed in one of the demo regions. */
export type DemoService = Service & { regionId: DemoRegionId };

/** Every fire and rescue service in England. */
export const demoServices: DemoService[] = [
  // Northern: North East
  { code: 'CLE', name: 'Cleveland Fire Brigade', regionId: 'north' },
  { code: 'CDD', name: 'County Durham and Darlington Fire and Rescue Service', regionId: 'north' },
  { code: 'NLD', name: 'Northumberland Fire and Rescue Service', regionId: 'north' },
  { code: 'TWF', name: 'Tyne and Wear Fire and Rescue Service', regionId: 'north' },
  // Northern: North West
  { code: 'CHE', name: 'Cheshire Fire and Rescue Service', regionId: 'north' },
  { code: 'CUM', name: 'Cumbria Fire and Rescue Service', regionId: 'north' },
  { code: 'GMF', name: 'Greater Manchester Fire and Rescue Service', regionId: 'north' },
  { code: 'LAN', name: 'Lancashire Fire and Rescue Service', regionId: 'north' },
  { code: 'MER', name: 'Merseyside Fire and Rescue Service', regionId: 'north' },
  // Northern: Yorkshire and the Humber
  { code: 'HUM', name: 'Humberside Fire and Rescue Service', regionId: 'north' },
  { code: 'NYF', name: 'North Yorkshire Fire and Rescue Service', regionId: 'north' },
  { code: 'SYF', name: 'South Yorkshire Fire and Rescue', regionId: 'north' },
  { code: 'WYF', name: 'West Yorkshire Fire and Rescue Service', regionId: 'north' },
  // Central: East Midlands
  { code: 'DER', name: 'Derbyshire Fire and Rescue Service', regionId: 'central' },
  { code: 'LEI', name: 'Leicestershire Fire and Rescue Service', regionId: 'central' },
  { code: 'LIN', name: 'Lincolnshire Fire and Rescue', regionId: 'central' },
  { code: 'NHF', name: 'Northamptonshire Fire and Rescue Service', regionId: 'central' },
  { code: 'NOT', name: 'Nottinghamshire Fire and Rescue Service', regionId: 'central' },
  // Central: West Midlands
  { code: 'HWF', name: 'Hereford & Worcester Fire and Rescue Service', regionId: 'central' },
  { code: 'SHR', name: 'Shropshire Fire and Rescue Service', regionId: 'central' },
  { code: 'STA', name: 'Staffordshire Fire and Rescue Service', regionId: 'central' },
  { code: 'WAR', name: 'Warwickshire Fire and Rescue Service', regionId: 'central' },
  { code: 'WMF', name: 'West Midlands Fire Service', regionId: 'central' },
  // Central: Thames Valley
  { code: 'BUC', name: 'Buckinghamshire Fire and Rescue Service', regionId: 'central' },
  { code: 'OXF', name: 'Oxfordshire Fire and Rescue Service', regionId: 'central' },
  { code: 'RBF', name: 'Royal Berkshire Fire and Rescue Service', regionId: 'central' },
  // Southern: London
  { code: 'LFB', name: 'London Fire Brigade', regionId: 'south' },
  // Southern: South East (outside Thames Valley)
  { code: 'ESF', name: 'East Sussex Fire and Rescue Service', regionId: 'south' },
  { code: 'HIW', name: 'Hampshire and Isle of Wight Fire and Rescue Service', regionId: 'south' },
  { code: 'KEN', name: 'Kent Fire and Rescue Service', regionId: 'south' },
  { code: 'SUR', name: 'Surrey Fire and Rescue Service', regionId: 'south' },
  { code: 'WSF', name: 'West Sussex Fire and Rescue Service', regionId: 'south' },
  // Southern: East of England
  { code: 'BED', name: 'Bedfordshire Fire and Rescue Service', regionId: 'south' },
  { code: 'CAM', name: 'Cambridgeshire Fire and Rescue Service', regionId: 'south' },
  { code: 'ECF', name: 'Essex County Fire and Rescue Service', regionId: 'south' },
  { code: 'HRT', name: 'Hertfordshire Fire and Rescue Service', regionId: 'south' },
  { code: 'NFK', name: 'Norfolk Fire and Rescue Service', regionId: 'south' },
  { code: 'SUF', name: 'Suffolk Fire and Rescue Service', regionId: 'south' },
  // Southern: South West
  { code: 'AVN', name: 'Avon Fire and Rescue Service', regionId: 'south' },
  { code: 'COR', name: 'Cornwall Fire and Rescue Service', regionId: 'south' },
  { code: 'DSF', name: 'Devon and Somerset Fire and Rescue Service', regionId: 'south' },
  { code: 'DWF', name: 'Dorset & Wiltshire Fire and Rescue Service', regionId: 'south' },
  { code: 'GLO', name: 'Gloucestershire Fire and Rescue Service', regionId: 'south' },
  { code: 'IOS', name: 'Isles of Scilly Fire and Rescue Service', regionId: 'south' },
];

/** The service with this code, or `undefined` if the demo has none. */
export function findDemoService(code: string): DemoService | undefined {
  return demoServices.find((service) => service.code === code);
}
