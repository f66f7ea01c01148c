// What the interviewer's backup recording should look like, for the e2e tests that check its frames: the
// candidate's red|blue test pattern letterboxed large into 1280×720, the interviewer's green camera small.
import { PIP_BOX } from '../../src/renderer/features/interviewer/backup/call-layout';
import { countPixels, type Region, type RgbFrame } from './media-analysis';

/** The candidate's 640×480 picture letterboxed into 1280×720: x 160–1120. Regions clear of the PiP and the overlay. */
export const CANDIDATE_LEFT: Region = { x: 240, y: 300, width: 200, height: 200 };
export const CANDIDATE_RIGHT: Region = { x: 840, y: 300, width: 200, height: 200 };
export const OWN_PICTURE: Region = { x: PIP_BOX.x + 60, y: PIP_BOX.y + 30, width: 200, height: 120 };

export const isRed = (r: number, g: number, b: number) => r > 150 && g < 90 && b < 90;
export const isBlue = (r: number, g: number, b: number) => b > 150 && r < 90 && g < 90;
export const isGreen = (r: number, g: number, b: number) => g > 90 && r < 60 && b < 60;
/** The placeholder's slate (#1f2933), allowing for the encoder. */
export const isSlate = (r: number, g: number, b: number) => Math.abs(r - 31) < 20 && Math.abs(g - 41) < 20 && Math.abs(b - 51) < 20;

/** The share of a region's pixels that pass a colour test. */
export const share = (frame: RgbFrame, region: Region, test: (r: number, g: number, b: number) => boolean) =>
  countPixels(frame, region, test) / (region.width * region.height);

/** A frame showing the candidate's pattern large and the interviewer small. */
export const showsCall = (frame: RgbFrame) => ({
  candidateLeftRed: share(frame, CANDIDATE_LEFT, isRed),
  candidateRightBlue: share(frame, CANDIDATE_RIGHT, isBlue),
  interviewerGreen: share(frame, OWN_PICTURE, isGreen),
});
