// Call participants for tests (see call-participant.ts): each browser is closed when the test ends.
import { onTestFinished } from 'vitest';
import { openCallParticipant, type CallParticipant, type ParticipantMedia, type TokenFor } from './call-participant';

export { devCallTokens, participantMedia, type CallParticipant, type ParticipantMedia, type TokenFor } from './call-participant';

export async function callParticipant(pageUrl: string, media: ParticipantMedia, tokens: TokenFor): Promise<CallParticipant> {
  const participant = await openCallParticipant(pageUrl, media, tokens);
  onTestFinished(() => participant.browser.close());
  return participant;
}
