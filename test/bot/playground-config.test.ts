import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoPeople, demoTenantId } from '../../src/demo/people';

const playgroundConfig = readFileSync(path.resolve(__dirname, '../../.m365agentsplayground.yml'), 'utf8');

/** The Playground's schema allows one current user and exactly five others. */
const inPlayground = Object.entries(demoPeople).filter(([key]) => key !== 'cosNorth');

describe('.m365agentsplayground.yml', () => {
  it('uses the demo tenant', () => {
    expect(playgroundConfig).toContain(`tenantId: ${demoTenantId}`);
  });

  it.each(inPlayground)(
    'declares %s with the same object id and name as the demo directory',
    (_key, person) => {
      const block = new RegExp(
        `name: ${person.name}\\n\\s+userPrincipleName: ${person.email}\\n\\s+aadObjectId: ${person.objectId}\\n`,
      );

      expect(playgroundConfig).toMatch(block);
    },
  );

  it('has the Hereford & Worcester monitoring team with its Service updates channel', () => {
    expect(playgroundConfig).toMatch(
      /team:\n(.*\n)*?\s+name: Hereford & Worcester FRS monitoring\n(.*\n)*?\s+- id: .*\n\s+name: Service updates/,
    );
  });
});
