// Where the interviewer's backup recording puts each picture in its 1280×720 frame. Pure: unit-tested.
import { letterbox, OUTPUT_HEIGHT, OUTPUT_WIDTH, type Rect } from '../../recorder/geometry';

/** The interviewer's own picture: a 16:9 box a quarter of the frame wide. */
export const PIP_WIDTH = 320;
export const PIP_HEIGHT = 180;
/**
 * Top right, clear of the overlay: the REC badge is top left and the interview id with the UTC time bottom right
 * (overlay.ts), so the picture-in-picture hides neither.
 */
export const PIP_MARGIN = 16;
export const PIP_BOX: Rect = { x: OUTPUT_WIDTH - PIP_MARGIN - PIP_WIDTH, y: PIP_MARGIN, width: PIP_WIDTH, height: PIP_HEIGHT };

export interface Size {
  width: number;
  height: number;
}

export interface CallLayout {
  /** The candidate's picture, as large as the frame allows; null while there is none (the placeholder shows). */
  candidate: Rect | null;
  /** The box behind the interviewer's picture (drawn dark, so its letterbox bars are not the candidate's). */
  pipBox: Rect;
  /** The interviewer's picture, letterboxed inside the box. */
  own: Rect;
}

/** The candidate large (letterboxed into the whole frame), the interviewer small, top right. */
export function callLayout(candidate: Size | null, own: Size): CallLayout {
  const inBox = letterbox(own.width, own.height, PIP_WIDTH, PIP_HEIGHT);
  return {
    candidate: candidate ? letterbox(candidate.width, candidate.height, OUTPUT_WIDTH, OUTPUT_HEIGHT) : null,
    pipBox: PIP_BOX,
    own: { ...inBox, x: PIP_BOX.x + inBox.x, y: PIP_BOX.y + inBox.y },
  };
}
