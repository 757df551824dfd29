import { ConfigError, readConfig } from '../../server/config';

describe('CRUSCOTTO_FAST_PATHS', () => {
  it('is on unless it says off', () => {
    expect(readConfig({}).fastPaths).toBe(true);
    for (const on of ['on', 'ON', 'true', '1', ''])
      expect(readConfig({ CRUSCOTTO_FAST_PATHS: on }).fastPaths).toBe(true);
    for (const off of ['off', 'Off', 'false', '0'])
      expect(readConfig({ CRUSCOTTO_FAST_PATHS: off }).fastPaths).toBe(false);
  });

  it('refuses to start on a value it does not know rather than guessing', () => {
    expect(() => readConfig({ CRUSCOTTO_FAST_PATHS: 'of' })).toThrow(ConfigError);
    expect(() => readConfig({ CRUSCOTTO_FAST_PATHS: 'of' })).toThrow('CRUSCOTTO_FAST_PATHS="of"');
  });
});
