import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoPeople, demoTenantId } from '../../src/demo/people';
import { playgroundConfigFor, playgroundPersonas } from '../../src/dev/playground-config';

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

describe('one Playground per demo role', () => {
  it('keeps the committed config equal to the Service Liaison Lead’s generated one', () => {
    expect(playgroundConfig).toBe(playgroundConfigFor('sll'));
  });

  it.each(playgroundPersonas)('makes %s the current user, with the five others beside them', (persona) => {
    const config = playgroundConfigFor(persona);
    const current = /currentUser:\n(?:.*\n)*?\s+aadObjectId: (\S+)/.exec(config)?.[1];
    const others = [...config.split('users:')[1]!.matchAll(/aadObjectId: (\S+)/g)].map((match) => match[1]);

    expect(current).toBe(demoPeople[persona].objectId);
    expect(others).toHaveLength(5);
    expect(others).not.toContain(demoPeople[persona].objectId);
  });
});
