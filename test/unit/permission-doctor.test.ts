import { describe, expect, it } from 'vitest';
import { explainMediaError } from '../../src/renderer/features/devices/permission-doctor';

describe('permission doctor', () => {
  it('says where to allow camera and microphone on each OS', () => {
    const denied = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    expect(explainMediaError(denied, 'mac').advice).toMatch(/Privacy & Security → Camera/);
    expect(explainMediaError(denied, 'windows').advice).toMatch(/Let desktop apps access your camera/);
    expect(explainMediaError(denied, 'linux').title).toBe('Camera or microphone access is blocked');
  });

  it('tells a missing device from a busy one', () => {
    expect(explainMediaError({ name: 'NotFoundError' }, 'linux').title).toMatch(/No camera/);
    expect(explainMediaError({ name: 'NotReadableError' }, 'linux').advice).toMatch(/Another app/);
  });
});
