import { describe, expect, it } from 'vitest';
import { agoraIdProblems, agoraStatusText, isAgoraStatusHealthy, stopDataSchema } from '../../src/core/services/backends/agora/agora-wire';

describe('Agora wire rules', () => {
  it('checks channel and uid before sending, with the documented limits', () => {
    expect(agoraIdProblems('interview_1733845678_a1b2c3d4e5f6g7h8', '1001')).toEqual({});
    expect(agoraIdProblems('x'.repeat(65), '1001').channel_name?.[0]).toMatch(/65 characters.*at most 64/);
    expect(agoraIdProblems('bad/channel', '1001').channel_name?.[0]).toMatch(/only letters/);
    expect(agoraIdProblems('ok', 'abc').uid?.[0]).toMatch(/digits/);
    expect(agoraIdProblems('ok', '4294967296').uid).toBeDefined();
    expect(agoraIdProblems('', '')).toEqual({ channel_name: [expect.any(String)], uid: [expect.any(String)] });
  });

  it('maps every documented status code to its words, and knows which are healthy', () => {
    const table = {
      0: 'not started',
      1: 'Initialization',
      2: 'starting',
      3: 'Uploader',
      4: 'Recorder is ready',
      5: 'in progress',
      6: 'paused',
      7: 'stopped',
      8: 'exited',
      20: 'abnormal',
    };
    for (const [code, words] of Object.entries(table)) expect(agoraStatusText(Number(code))).toContain(words);
    expect(agoraStatusText(42)).toBe('Unknown recording status 42');
    expect([5, 6].every(isAgoraStatusHealthy)).toBe(true);
    expect([7, 8, 20].some(isAgoraStatusHealthy)).toBe(false);
  });

  it("accepts Agora's own `fileName` spelling and a string file list", () => {
    const parsed = stopDataSchema.parse({
      resourceId: 'r',
      sid: 's',
      serverResponse: { fileList: [{ fileName: 'a.mp4', trackType: 'audio_and_video' }] },
    });
    expect(parsed.serverResponse.fileList).toEqual([{ filename: 'a.mp4', trackType: 'audio_and_video' }]);
    expect(
      stopDataSchema.parse({ resourceId: 'r', sid: 's', serverResponse: { fileListMode: 'string', fileList: 'a.m3u8' } }).serverResponse
        .fileList,
    ).toEqual([{ filename: 'a.m3u8' }]);
    expect(stopDataSchema.parse({ resourceId: 'r', sid: 's' }).serverResponse.fileList).toEqual([]);
  });
});
