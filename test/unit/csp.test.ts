import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/core/security/csp';

describe('content security policy', () => {
  it('allows no inline script, no eval and no remote origins', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives['default-src']).toBe("default-src 'none'");
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
  });
});
