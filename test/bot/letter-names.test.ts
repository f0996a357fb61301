/**
 * The names a service's letters go to, set by an administrator in chat: the form, the letter's
 * opening it gives, history in plain words, a stale form refused, and everyone else refused.
 */
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { action, inputValue, invokeCard, shownIn } from '../support/cards';

const admin = demoPeople.admin;

const names = {
  chiefFireOfficer: 'Jane Smith',
  authorityChair: 'Cllr Simon Rouse',
  authorityName: 'Buckinghamshire and Milton Keynes Fire Authority',
};

describe('the names letters go to', () => {
  const app = useAppUnderTest();

  it('lets an administrator name the chief fire officer, chair and authority, and letters open with them', async () => {
    const opened = await app.client.sendMessage('letters Buckinghamshire', admin);
    const form = opened.cards[0];
    expect(visibleText(form)).toContain('Who letters to Buckinghamshire Fire and Rescue Service go to');
    expect(visibleText(form)).toContain('They open “Dear Chief Fire Officer and Chair,”');

    const saved = invokeCard(
      await app.client.sendInvoke(
        'saveLetterNames',
        { ...action(form, 'Save the names').data, ...names },
        admin,
      ),
    );

    expect(visibleText(saved)).toContain('Saved: letters are addressed to these names.');
    expect(visibleText(saved)).toContain(
      'Letters now go to: Jane Smith, Chief Fire Officer; Cllr Simon Rouse, Chair of Buckinghamshire and Milton Keynes Fire Authority; Buckinghamshire Fire and Rescue Service. They open “Dear Jane Smith and Cllr Simon Rouse,”',
    );
    expect(await app.store.directory.getService('BUC')).toMatchObject(names);
    const history = shownIn(await app.client.sendMessage('history BUC', admin));
    expect(history).toContain('Priya Shah');
    expect(history).toContain('Changed who letters to service BUC are addressed to');
    expect(history).toContain('Chief fire officer');
    expect(history).toContain('Jane Smith');
    expect(history).not.toContain('chiefFireOfficer');
  });

  it('refuses a form drawn before someone else changed the names, keeping what was typed', async () => {
    const stale = (await app.client.sendMessage('letters BUC', admin)).cards[0];
    await app.client.sendInvoke(
      'saveLetterNames',
      { ...action(stale, 'Save the names').data, ...names, chiefFireOfficer: 'Mick Osborne' },
      admin,
    );

    const refused = invokeCard(
      await app.client.sendInvoke(
        'saveLetterNames',
        { ...action(stale, 'Save the names').data, ...names, authorityChair: 'Cllr Ann Webb' },
        admin,
      ),
    );

    expect(visibleText(refused)).toContain(
      'Nothing was saved: Someone changed these names since the form was opened.',
    );
    expect(inputValue(refused, 'authorityChair')).toBe('Cllr Ann Webb');
    expect((await app.store.directory.getService('BUC'))?.chiefFireOfficer).toBe('Mick Osborne');
    expect((await app.store.directory.getService('BUC'))?.authorityChair).toBe('Cllr Simon Rouse');
  });

  it('names the field of a name that is too long', async () => {
    const form = (await app.client.sendMessage('letters BUC', admin)).cards[0];
    const long = 'A'.repeat(201);

    const refused = invokeCard(
      await app.client.sendInvoke(
        'saveLetterNames',
        { ...action(form, 'Save the names').data, ...names, authorityName: long },
        admin,
      ),
    );

    expect(visibleText(refused)).toContain('Keep it to 200 characters.');
    expect(inputValue(refused, 'authorityName')).toBe(long);
  });

  it('refuses anyone but an administrator', async () => {
    const turn = await app.client.sendMessage('letters BUC', demoPeople.sll);
    const forged = await app.client.sendInvoke(
      'saveLetterNames',
      { serviceCode: 'BUC', drawnFrom: names, ...names, chiefFireOfficer: 'Not Allowed' },
      demoPeople.sll,
    );

    expect(shownIn(turn)).toContain("You can't set the names letters go to: only an Administrator can.");
    expect(shownIn(forged)).toContain("You can't set the names letters go to: only an Administrator can.");
    expect((await app.store.directory.getService('BUC'))?.chiefFireOfficer).not.toBe('Not Allowed');
  });
});
