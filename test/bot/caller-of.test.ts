import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { callerOf } from '../../src/bot';

function contextFor(activity: Partial<Activity>): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    from: { id: '29:user', name: 'Sam Patel', aadObjectId: 'object-1' },
    conversation: { id: 'a:1', isGroup: false, name: '', conversationType: 'personal' },
    ...activity,
  });
}

describe('callerOf', () => {
  it('reads the object id from the signed envelope and the tenant from the conversation', () => {
    const context = contextFor({
      conversation: {
        id: 'a:1',
        isGroup: false,
        name: '',
        conversationType: 'personal',
        tenantId: 'tenant-1',
      },
    });

    expect(callerOf(context)).toEqual({ objectId: 'object-1', tenantId: 'tenant-1', name: 'Sam Patel' });
  });

  it('falls back to the tenant in Teams channel data', () => {
    const context = contextFor({ channelData: { tenant: { id: 'tenant-2' } } });

    expect(callerOf(context)?.tenantId).toBe('tenant-2');
  });

  it('ignores an identity claimed by card data', () => {
    const context = contextFor({
      channelData: { tenant: { id: 'tenant-2' } },
      value: { action: { data: { objectId: 'someone-else' } } },
    });

    expect(callerOf(context)?.objectId).toBe('object-1');
  });

  it.each([
    [
      'no Entra object id',
      { from: { id: '29:user', name: 'Sam Patel' }, channelData: { tenant: { id: 't' } } },
    ],
    ['no tenant', {}],
  ])('says it does not know who is calling when there is %s', (_case, activity: Partial<Activity>) => {
    expect(callerOf(contextFor(activity))).toBeUndefined();
  });
});
