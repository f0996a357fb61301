/**
 * The demo directory: one person per role, with fixed Entra object ids.
 *
 * The same ids are declared as mock users in `.m365agentsplayground.yml`, so switching user in the
 * Agents Playground acts in each role. The names are fictional.
 */
import type { Person } from '../domain/records';

/** Tenant id used by the Agents Playground's mock users and the demo directory. */
export const demoTenantId = '00000000-0000-0000-0000-0000000000aa';

export const demoPeople = {
  sll: {
    objectId: '00000000-0000-0000-0000-00000000a001',
    tenantId: demoTenantId,
    name: 'Sam Patel',
    email: 'sam.patel@example.org',
    roles: ['sll'],
    regionId: 'central',
    serviceCodes: ['BUC', 'HWF'],
  },
  cos: {
    objectId: '00000000-0000-0000-0000-00000000a002',
    tenantId: demoTenantId,
    name: 'Morgan Hughes',
    email: 'morgan.hughes@example.org',
    roles: ['cos'],
    regionId: 'central',
    serviceCodes: [],
  },
  hmi: {
    objectId: '00000000-0000-0000-0000-00000000a003',
    tenantId: demoTenantId,
    name: 'Alex Carter',
    email: 'alex.carter@example.org',
    roles: ['hmi'],
    regionId: 'central',
    serviceCodes: [],
  },
  slo: {
    objectId: '00000000-0000-0000-0000-00000000a004',
    tenantId: demoTenantId,
    name: 'Jordan Lee',
    email: 'jordan.lee@example.org',
    roles: ['slo'],
    serviceCodes: ['HWF'],
  },
  admin: {
    objectId: '00000000-0000-0000-0000-00000000a005',
    tenantId: demoTenantId,
    name: 'Priya Shah',
    email: 'priya.shah@example.org',
    roles: ['admin'],
    serviceCodes: [],
  },
  deputyPortfolioDirector: {
    objectId: '00000000-0000-0000-0000-00000000a006',
    tenantId: demoTenantId,
    name: 'Dana Brooks',
    email: 'dana.brooks@example.org',
    roles: ['deputyPortfolioDirector'],
    serviceCodes: [],
  },
  /** A Chief of Staff of another region, to show region scoping. */
  cosNorth: {
    objectId: '00000000-0000-0000-0000-00000000a007',
    tenantId: demoTenantId,
    name: 'Robin Clarke',
    email: 'robin.clarke@example.org',
    roles: ['cos'],
    regionId: 'north',
    serviceCodes: [],
  },
} satisfies Record<string, Person>;

/** Everyone in the demo directory. */
export const demoDirectory: Person[] = Object.values(demoPeople);
