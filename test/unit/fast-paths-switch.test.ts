import { fastPathsFromEnv } from '../../server/speed/switch';

describe('CRUSCOTTO_FAST_PATHS', () => {
  it('is on unless it says off', () => {
    expect(fastPathsFromEnv({})).toBe(true);
    for (const on of ['on', 'ON', ' true ', '1', '']) expect(fastPathsFromEnv({ CRUSCOTTO_FAST_PATHS: on })).toBe(true);
    for (const off of ['off', 'Off', 'false', '0']) expect(fastPathsFromEnv({ CRUSCOTTO_FAST_PATHS: off })).toBe(false);
  });

  it('refuses a value it does not know, rather than guessing which way a typo meant', () => {
    expect(() => fastPathsFromEnv({ CRUSCOTTO_FAST_PATHS: 'of' })).toThrow('CRUSCOTTO_FAST_PATHS must be "on" or "off", got "of"');
  });
});
