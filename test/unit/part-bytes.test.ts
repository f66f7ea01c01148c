import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { etagMatchesMd5, md5Base64, multipartEtag } from '../../src/core/services/upload/part-bytes';

describe('checksums', () => {
  it('computes S3’s multipart ETag from the part MD5s', () => {
    const parts = [Buffer.from('first part'), Buffer.from('second part')];
    const md5s = parts.map(md5Base64);
    const expected = createHash('md5')
      .update(Buffer.concat(parts.map((part) => createHash('md5').update(part).digest())))
      .digest('hex');
    expect(multipartEtag(md5s)).toBe(`${expected}-2`);
    expect(etagMatchesMd5(`"${createHash('md5').update(parts[0]!).digest('hex')}"`, md5s[0]!)).toBe(true);
    expect(etagMatchesMd5('"00000000000000000000000000000000"', md5s[0]!)).toBe(false);
  });
});
