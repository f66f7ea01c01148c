export const OUTPUT_WIDTH = 1280;
export const OUTPUT_HEIGHT = 720;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a source of any shape goes inside the output: scaled to fit, centred, bars where aspect differs. */
export function letterbox(sourceWidth: number, sourceHeight: number, width = OUTPUT_WIDTH, height = OUTPUT_HEIGHT): Rect {
  if (sourceWidth <= 0 || sourceHeight <= 0) return { x: 0, y: 0, width, height };
  const scale = Math.min(width / sourceWidth, height / sourceHeight);
  const w = Math.round(sourceWidth * scale);
  const h = Math.round(sourceHeight * scale);
  return { x: Math.round((width - w) / 2), y: Math.round((height - h) / 2), width: w, height: h };
}

/** 0:07, 12:34, 1:02:03 */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
