// What the demo records: a script made from the practice interview whose limits fit the requested length, and
// the takes (question 1 answered 1 + K times, then each other question once) that share that length evenly.
import type { z } from 'zod';
import { DEMO_SCRIPT } from '../../src/shared/interview/demo-script';
import type { interviewScriptSchema } from '../../src/shared/interview/script';

/** The button that ends a take. */
export type TakeEnd = 'Retake this answer' | 'Next question' | 'Finish interview';

export interface Take {
  /** 0-based question index. */
  question: number;
  /** 1-based take of that question. */
  take: number;
  endsWith: TakeEnd;
}

export interface DemoPlan {
  script: z.input<typeof interviewScriptSchema>;
  takes: Take[];
  /** Wall-clock share of each take, question played included. */
  takeMs: number;
}

/** Answer limits stay above each take's share by this much, so the demo's click, not the limit, ends a take. */
const LIMIT_MARGIN_SECONDS = 10;

export function demoPlan(seconds: number, retakes: number, extra: Partial<z.input<typeof interviewScriptSchema>> = {}): DemoPlan {
  const questions = DEMO_SCRIPT.questions;
  const takes: Take[] = questions.flatMap((_, question) =>
    Array.from({ length: question === 0 ? retakes + 1 : 1 }, (__, i) => ({
      question,
      take: i + 1,
      endsWith:
        question === 0 && i < retakes ? 'Retake this answer' : question === questions.length - 1 ? 'Finish interview' : 'Next question',
    })),
  );
  const takeMs = (seconds * 1000) / takes.length;
  const script = {
    ...DEMO_SCRIPT,
    ...extra,
    // A short pre-rendered tone asks each question instead of speech and there is no think time, so the length
    // goes to the answers and stays predictable; answer limits are raised where the share would exceed them.
    questions: questions.map((q, i) => ({
      ...q,
      audio: 'question.wav',
      thinkSeconds: 0,
      answerSeconds: Math.max(q.answerSeconds ?? 0, Math.ceil(takeMs / 1000) + LIMIT_MARGIN_SECONDS),
      retakes: i === 0 ? Math.max(retakes, q.retakes ?? 0) : q.retakes,
    })),
  };
  return { script, takes, takeMs };
}
