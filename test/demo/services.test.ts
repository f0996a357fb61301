import { Region, Service } from '../../src/domain/records';
import { demoRegions } from '../../src/demo/regions';
import { demoServices, findDemoService } from '../../src/demo/services';

describe('demo regions', () => {
  it('has the three demo regions, each a valid region', () => {
    expect(demoRegions.map((region) => Region.parse(region).id)).toEqual(['north', 'central', 'south']);
  });
});

describe('demo services', () => {
  it('lists the 44 fire and rescue services of England', () => {
    expect(demoServices).toHaveLength(44);
  });

  it('gives every service a valid code, name and region', () => {
    for (const service of demoServices) {
      expect(Service.safeParse(service)).toEqual(expect.objectContaining({ success: true }));
    }
  });

  it('never reuses a code or a name', () => {
    expect(new Set(demoServices.map((service) => service.code)).size).toBe(demoServices.length);
    expect(new Set(demoServices.map((service) => service.name)).size).toBe(demoServices.length);
  });

  it('places services in every demo region and in no other', () => {
    const used = new Set(demoServices.map((service) => service.regionId));
    expect([...used].sort()).toEqual(demoRegions.map((region) => region.id).sort());
  });

  it.each([
    ['BUC', 'Buckinghamshire Fire and Rescue Service', 'central'],
    ['HWF', 'Hereford & Worcester Fire and Rescue Service', 'central'],
    ['OXF', 'Oxfordshire Fire and Rescue Service', 'central'],
    ['RBF', 'Royal Berkshire Fire and Rescue Service', 'central'],
    ['WMF', 'West Midlands Fire Service', 'central'],
    ['GMF', 'Greater Manchester Fire and Rescue Service', 'north'],
    ['LFB', 'London Fire Brigade', 'south'],
    ['DWF', 'Dorset & Wiltshire Fire and Rescue Service', 'south'],
    ['HIW', 'Hampshire and Isle of Wight Fire and Rescue Service', 'south'],
    ['IOS', 'Isles of Scilly Fire and Rescue Service', 'south'],
  ])('knows %s as %s in the %s region', (code, name, regionId) => {
    expect(findDemoService(code)).toEqual({ code, name, regionId });
  });

  it('lists only the services that exist today, not the ones that merged', () => {
    const names = demoServices.map((service) => service.name);
    expect(names).not.toContain('Hampshire Fire and Rescue Service');
    expect(names).not.toContain('Isle of Wight Fire and Rescue Service');
    expect(names).not.toContain('Dorset Fire and Rescue Service');
    expect(names).not.toContain('Wiltshire Fire and Rescue Service');
  });

  it('has no service for a code it does not know', () => {
    expect(findDemoService('XYZ')).toBeUndefined();
  });
});
