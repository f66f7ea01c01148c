import { describe, expect, it } from 'vitest';
import { concatList, containerFor, ffmetadata, remuxArgs, reorderArgs } from '../../src/core/services/media/remux-args';

describe('remux arguments', () => {
  it('chooses MP4 for H.264 and WebM for the VP/AV1 codecs', () => {
    expect(containerFor('video/webm;codecs=h264,opus')).toBe('mp4');
    expect(containerFor('video/webm;codecs=avc1.42E01E,opus')).toBe('mp4');
    expect(containerFor('video/mp4')).toBe('mp4');
    expect(containerFor('video/webm;codecs=vp9,opus')).toBe('webm');
    expect(containerFor('video/webm;codecs=vp8,opus')).toBe('webm');
  });

  it('stream-copies (never re-encodes) with faststart for MP4 and cues in front for WebM', () => {
    const mp4 = remuxArgs({ input: { kind: 'file', path: '/r/segment-000.webm' }, output: '/r/out.mp4', container: 'mp4' });
    expect(mp4.join(' ')).toContain('-c copy');
    expect(mp4.join(' ')).toContain('-movflags +faststart');
    expect(mp4.join(' ')).toContain('-map_chapters -1');
    expect(mp4.slice(-3)).toEqual(['-f', 'mp4', '/r/out.mp4']);
    expect(mp4).not.toContain('-c:v');
    const webm = remuxArgs({
      input: { kind: 'concat', listFile: '/r/list.txt' },
      chaptersFile: '/r/ch.txt',
      output: '/r/out.webm',
      container: 'webm',
      metadata: { title: 'A = B' },
    });
    expect(webm.join(' ')).toContain('-f concat -safe 0 -i /r/list.txt -f ffmetadata -i /r/ch.txt');
    expect(webm.join(' ')).toContain('-map_chapters 1');
    expect(webm.join(' ')).toContain('-cues_to_front 1');
    expect(webm).toContain('title=A = B');
  });

  it('quotes concat paths, including a quote inside one', () => {
    expect(concatList(["/a/it's here.webm", '/b/x.webm'])).toBe("file '/a/it'\\''s here.webm'\nfile '/b/x.webm'\n");
  });

  it('escapes chapter titles so a title cannot add metadata lines', () => {
    const text = ffmetadata([{ startMs: 0, endMs: 1500.4, title: 'Why = this; #1\\nope\nrole?' }]);
    expect(text).toBe(';FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=Why \\= this\\; \\#1\\\\nope\\\nrole?\n');
  });

  it('puts a segment’s streams in a given order by stream copy, counting each type’s streams from 0', () => {
    const args = reorderArgs('/r/segment-001.webm', '/r/.reordered-1.mkv', ['video', 'audio', 'audio']);
    expect(args.join(' ')).toContain('-i /r/segment-001.webm -map 0:v:0 -map 0:a:0 -map 0:a:1 -c copy -f matroska /r/.reordered-1.mkv');
    expect(args).not.toContain('-c:v');
  });
});
