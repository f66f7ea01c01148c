// Fault switches that tests (or people, via POST /__dev/faults) flip to make a backend misbehave the way real
// ones do: answer 500, drop the socket, stall, lose storage, reject tokens, fail an egress or a merge.
import type { BackendName, Fault, FaultMode } from './types';

const BACKENDS = ['agora', 'livekit', 'media', 'call', '*'];
const MODES: FaultMode[] = ['http500', 'reset', 'delay', 'noStorage', 'unauthorized', 'recordingFailed', 'mergeError'];

/** Checks a fault that came from outside (JSON over HTTP or a test) and throws a readable error when it is wrong. */
export function parseFault(input: unknown): Fault {
  if (typeof input !== 'object' || input === null) throw new Error('a fault is a JSON object');
  const raw = input as Record<string, unknown>;
  if (typeof raw.backend !== 'string' || !BACKENDS.includes(raw.backend)) throw new Error(`backend must be one of ${BACKENDS.join(', ')}`);
  if (typeof raw.mode !== 'string' || !MODES.includes(raw.mode as FaultMode)) throw new Error(`mode must be one of ${MODES.join(', ')}`);
  if (raw.endpoint !== undefined && (typeof raw.endpoint !== 'string' || raw.endpoint === '')) throw new Error('endpoint must be a string');
  const isCount = (value: unknown, min: number) => typeof value === 'number' && Number.isInteger(value) && value >= min;
  if (raw.times !== undefined && !isCount(raw.times, 1)) throw new Error('times must be a positive integer');
  if (raw.delayMs !== undefined && !isCount(raw.delayMs, 0)) throw new Error('delayMs must be a non-negative integer');
  return {
    backend: raw.backend as Fault['backend'],
    mode: raw.mode as FaultMode,
    ...(raw.endpoint !== undefined && { endpoint: raw.endpoint as string }),
    ...(raw.times !== undefined && { times: raw.times as number }),
    ...(raw.delayMs !== undefined && { delayMs: raw.delayMs as number }),
  };
}

export class Faults {
  private active: Fault[] = [];

  set(fault: Fault): void {
    // Stored as a copy: `times` counts down here and must not change the caller's object.
    this.active.push({ ...parseFault(fault) });
  }

  clear(): void {
    this.active = [];
  }

  list(): Fault[] {
    return this.active.map((fault) => ({ ...fault }));
  }

  /**
   * The first active fault of one of `modes` aimed at this backend and endpoint, used up once (a fault with
   * `times` disappears when it reaches 0). Undefined when nothing applies.
   */
  take(backend: BackendName, endpoint: string, modes: FaultMode[]): Fault | undefined {
    const fault = this.active.find(
      (f) =>
        (f.backend === '*' || f.backend === backend) && (f.endpoint === undefined || f.endpoint === endpoint) && modes.includes(f.mode),
    );
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.active = this.active.filter((f) => f !== fault);
    }
    return { ...fault };
  }
}
