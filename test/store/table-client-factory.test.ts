import { createTableClients, InvalidStoreInputError } from '../../src/store';

const neverCalled = {
  getToken: () => Promise.reject(new Error('no token should be requested while building clients')),
};

describe('createTableClients', () => {
  it('builds prefixed clients for an Azure account with a token credential, without sending anything', () => {
    const tables = createTableClients({
      accountUrl: 'https://cocmonitor.table.core.windows.net',
      credential: neverCalled,
      tablePrefix: 'dev',
    });

    expect(Object.values(tables).map((client) => client.tableName)).toEqual([
      'devrecords',
      'devdirectory',
      'devconversations',
      'devscheduler',
    ]);
    expect(tables.records.url).toBe('https://cocmonitor.table.core.windows.net');
  });

  it.each([
    [
      'an account URL over plain http',
      { accountUrl: 'http://cocmonitor.table.core.windows.net', credential: neverCalled },
    ],
    [
      'a prefix with a hyphen',
      {
        accountUrl: 'https://cocmonitor.table.core.windows.net',
        credential: neverCalled,
        tablePrefix: 'dev-1',
      },
    ],
    [
      'a prefix starting with a digit',
      {
        accountUrl: 'https://cocmonitor.table.core.windows.net',
        credential: neverCalled,
        tablePrefix: '1dev',
      },
    ],
  ])('refuses %s', (_story, options) => {
    expect(() => createTableClients(options)).toThrow(InvalidStoreInputError);
  });
});
