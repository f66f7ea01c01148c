import { describe, expect, it } from 'vitest';
import { wholeNumber } from '../../src/cli/number-option';
import { UsageError } from '../../src/cli/usage-error';
import { getPath } from '../../src/core/services/config/layers';
import { unsafeSegment } from '../../src/core/services/config/key-path';
import { maskUrlPassword } from '../../src/shared/mask-url';

describe('maskUrlPassword', () => {
  it.each([
    ['http://user:pass@host/x', 'http://user:***@host/x'],
    ['https://u:p@ss@minio.local:9000/a@b', 'https://u:***@minio.local:9000/a@b'],
    ['see http://a:b@c and https://d:e@f/g', 'see http://a:***@c and https://d:***@f/g'],
    ['http://host:9000/x', 'http://host:9000/x'],
    ['http://user@host/', 'http://user@host/'],
  ])('%s → %s', (text, masked) => expect(maskUrlPassword(text)).toBe(masked));
});

describe('key paths', () => {
  it('finds the unsafe segment of a dotted path', () => {
    expect(unsafeSegment('__proto__.polluted')).toBe('__proto__');
    expect(unsafeSegment('s3.constructor.prototype')).toBe('constructor');
    expect(unsafeSegment('s3.bucket')).toBeUndefined();
  });

  it('getPath never reads through a prototype', () => {
    expect(getPath({ s3: {} }, 's3.constructor')).toBeUndefined();
    expect(getPath({}, '__proto__.toString')).toBeUndefined();
    expect(getPath({ s3: { bucket: 'b' } }, 's3.bucket')).toBe('b');
  });
});

describe('wholeNumber', () => {
  it.each(['1e99', '-1', '2.5', 'NaN', '0x10', '', ' 1', '99999999999999999999'])('refuses %j as a usage error', (text) => {
    expect(() => wholeNumber('offset', text)).toThrow(UsageError);
  });

  it('accepts digits and applies the minimum', () => {
    expect(wholeNumber('offset', '0')).toBe(0);
    expect(wholeNumber('limit', '25', 1)).toBe(25);
    expect(() => wholeNumber('limit', '0', 1)).toThrow('--limit must be a whole number from 1 to');
  });
});
