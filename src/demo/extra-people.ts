/**
 * More demo people, beyond the one-per-role directory in people.ts.
 *
 * The causes of concern outside the demo Service Liaison Lead's services need owners of their own
 * region (an SLL, a Chief of Staff and an HM Inspector), and Buckinghamshire needs a Service Liaison
 * Officer. These people are not mock users in the Agents Playground: they exist so that scoping is
 * visible (the central Chief of Staff must not see the northern or southern records). Names are
 * fictional.
 */
import type { Person } from '../domain/records';
import { demoTenantId } from './people';

/** The tenant of Buckinghamshire Fire and Rescue Service in the demo: its SLO is a guest. */
export const demoBuckinghamshireTenantId = '00000000-0000-0000-0000-0000000000bb';

export const extraDemoPeople = {
  /** A second central SLL, so the central CoS oversees services the demo SLL does not own. */
  sllCentralWest: {
    objectId: '00000000-0000-0000-0000-00000000b001',
    tenantId: demoTenantId,
    name: 'Casey Williams',
    email: 'casey.williams@example.org',
    roles: ['sll'],
    regionId: 'central',
    serviceCodes: ['WMF', 'OXF'],
  },
  sllNorth: {
    objectId: '00000000-0000-0000-0000-00000000b002',
    tenantId: demoTenantId,
    name: 'Riley Ahmed',
    email: 'riley.ahmed@example.org',
    roles: ['sll'],
    regionId: 'north',
    serviceCodes: ['CUM', 'NYF'],
  },
  hmiNorth: {
    objectId: '00000000-0000-0000-0000-00000000b003',
    tenantId: demoTenantId,
    name: 'Jamie Foster',
    email: 'jamie.foster@example.org',
    roles: ['hmi'],
    regionId: 'north',
    serviceCodes: [],
  },
  sllSouth: {
    objectId: '00000000-0000-0000-0000-00000000b004',
    tenantId: demoTenantId,
    name: 'Drew Bennett',
    email: 'drew.bennett@example.org',
    roles: ['sll'],
    regionId: 'south',
    serviceCodes: ['LFB', 'KEN'],
  },
  cosSouth: {
    objectId: '00000000-0000-0000-0000-00000000b005',
    tenantId: demoTenantId,
    name: 'Charlie Evans',
    email: 'charlie.evans@example.org',
    roles: ['cos'],
    regionId: 'south',
    serviceCodes: [],
  },
  hmiSouth: {
    objectId: '00000000-0000-0000-0000-00000000b006',
    tenantId: demoTenantId,
    name: 'Avery Thompson',
    email: 'avery.thompson@example.org',
    roles: ['hmi'],
    regionId: 'south',
    serviceCodes: [],
  },
  /** Buckinghamshire's Service Liaison Officer, a guest from the service's own tenant. */
  sloBuckinghamshire: {
    objectId: '00000000-0000-0000-0000-00000000b007',
    tenantId: demoBuckinghamshireTenantId,
    name: 'Taylor Quinn',
    email: 'taylor.quinn@bucks-fire.example',
    roles: ['slo'],
    serviceCodes: ['BUC'],
  },
  /** The Senior Responsible Officer, who closes recommendations to external bodies once an HMI agrees (§31-32). */
  sro: {
    objectId: '00000000-0000-0000-0000-00000000b008',
    tenantId: demoTenantId,
    name: 'Robin Hale',
    email: 'robin.hale@example.org',
    roles: ['sro'],
    serviceCodes: [],
  },
} satisfies Record<string, Person>;

/** Everyone in extraDemoPeople. */
export const extraDemoDirectory: Person[] = Object.values(extraDemoPeople);
