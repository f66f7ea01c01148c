import type { DeskInterview } from './desk-interview';
import { NotesPanel } from './NotesPanel';
import { ScorecardForm } from './ScorecardForm';
import type { useDeskNotes } from './use-desk-notes';

interface Props {
  interviewId: string;
  desk: DeskInterview;
  notes: ReturnType<typeof useDeskNotes>;
}

/** The interviewer's work beside the call, in it and after it: the notes and the scorecard. */
export function DeskWork({ interviewId, desk, notes }: Props) {
  return (
    <div className="desk-columns">
      <NotesPanel notes={notes} questionCount={desk.questions.length} />
      <ScorecardForm interviewId={interviewId} questions={desk.questions} />
    </div>
  );
}
