/**
 * Reads ffmpeg's `-progress pipe:1` output: blocks of key=value lines, each ending with `progress=continue|end`.
 * Returns the media time written so far, in milliseconds, whenever a block reports one.
 */
export function createProgressParser(onMediaTime: (ms: number) => void): (text: string) => void {
  let pending = '';
  return (text) => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      // ffmpeg ≥ 4 prints out_time_us; its out_time_ms is also in microseconds (a long-standing misnomer).
      const match = /^out_time_us=(\d+)\s*$/.exec(line);
      if (match) onMediaTime(Number(match[1]) / 1000);
    }
  };
}
