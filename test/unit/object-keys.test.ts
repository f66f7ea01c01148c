import { describe, expect, it } from 'vitest';
import { manifestKey, renderObjectKey, streamKey } from '../../src/core/services/upload/object-keys';

describe('object keys', () => {
  const fields = {
    prefix: 'recordings/',
    startedAt: '2026-11-21T09:30:00.000Z',
    interviewId: 'int 42/x',
    recordingId: 'rec-1',
    ext: 'mp4',
  };

  it('default template mirrors recordings/YYYY-MM-DD/<name>.<ext>, with unsafe characters replaced', () => {
    expect(renderObjectKey('{prefix}{date}/{interview}-{recording}.{ext}', fields)).toBe('recordings/2026-11-21/int_42_x-rec-1.mp4');
  });

  it('names an unknown placeholder', () => {
    expect(() => renderObjectKey('{prefix}{candidate}/{recording}', fields)).toThrow(/unknown placeholder \{candidate\}/);
  });

  it('puts stream copies and the manifest beside the recording', () => {
    expect(streamKey('recordings/2026-11-21/a-b.mp4', 1, 2, 'webm')).toBe('recordings/2026-11-21/a-b.stream-1-2.webm');
    expect(manifestKey('recordings/2026-11-21/a-b.mp4')).toBe('recordings/2026-11-21/a-b.json');
  });
});
