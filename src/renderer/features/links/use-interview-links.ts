import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';

const ignoreInterviewerLink = () => undefined;

export type LinkNotice = { kind: 'waiting'; host: string | null } | { kind: 'failed'; error: string } | null;

/**
 * Opens the interview of a link the OS handed to the app (or the browser host's launch link carried): when the app
 * starts, when a link arrives, and when the candidate leaves an interview. During an interview a link only waits,
 * with a notice: the flow (consent, device check, recording) keeps the interview it began with.
 */
export function useInterviewLinks(
  inInterview: boolean,
  reloadScript: () => void,
  /** An interviewer's link (`role=interviewer`) was opened: the desk takes it instead of the candidate's path. */
  onInterviewerLink: (link: { name?: string }) => void = ignoreInterviewerLink,
): [LinkNotice, () => void] {
  const [notice, setNotice] = useState<LinkNotice>(null);
  const inInterviewNow = useRef(inInterview);
  useEffect(() => {
    inInterviewNow.current = inInterview;
  }, [inInterview]);

  // The answer to this window's call, or an event about a link another window opened: told the same way.
  const show = useCallback(
    (outcome: Awaited<ReturnType<typeof api.openInterviewLink>>) => {
      if (outcome.state === 'waiting') setNotice({ kind: 'waiting', host: outcome.host });
      else if (outcome.state === 'failed') setNotice({ kind: 'failed', error: outcome.error });
      else if (outcome.state === 'opened') {
        setNotice(null);
        reloadScript();
        if (outcome.interviewer) onInterviewerLink(outcome.interviewer);
      }
    },
    [reloadScript, onInterviewerLink],
  );
  const open = useCallback(
    () =>
      api
        .openInterviewLink()
        .catch((error: unknown) => ({ state: 'failed' as const, host: null, error: String(error) }))
        .then(show),
    [show],
  );

  // Another window opened a link during this one's interview: its script is reloaded once the candidate leaves.
  const staleScript = useRef(false);
  useEffect(() => {
    if (inInterview) return;
    if (staleScript.current) reloadScript();
    staleScript.current = false;
    void open();
  }, [inInterview, open, reloadScript]);

  useEffect(
    () =>
      api.on('interviewLink', (event) => {
        if (event.state === 'waiting' && !inInterviewNow.current) void open();
        // During an interview only the notice changes; the script is reloaded when the candidate leaves it.
        else if (event.state === 'opened' && inInterviewNow.current) {
          staleScript.current = true;
          setNotice(null);
        } else show(event);
      }),
    [open, show],
  );

  return [notice, useCallback(() => setNotice(null), [])];
}
