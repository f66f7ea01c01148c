import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFakeDevices, DemoUsageError, parseDemoArgs } from '../../tools/demo/options';
import { demoPlan } from '../../tools/demo/plan';
import { tempDir } from '../support/temp-dir';

describe('npm run demo: command line', () => {
  it('reads every documented flag, with defaults for the rest', () => {
    const none = { fakeVideo: undefined, fakeAudio: undefined, peerFakeVideo: undefined, peerFakeAudio: undefined };
    expect(parseDemoArgs([])).toEqual({ help: false, seconds: 30, retakes: 0, json: false, live: false, interviewer: false, ...none });
    expect(parseDemoArgs(['--seconds', '8', '--json', '--retakes', '1', '--fake-video', 'a.y4m', '--fake-audio', 'b.wav'])).toEqual({
      ...none,
      help: false,
      seconds: 8,
      retakes: 1,
      json: true,
      live: false,
      interviewer: false,
      fakeVideo: 'a.y4m',
      fakeAudio: 'b.wav',
    });
    expect(parseDemoArgs(['--live', '--peer-fake-video', 'p.y4m', '--peer-fake-audio', 'p.wav'])).toMatchObject({
      live: true,
      peerFakeVideo: 'p.y4m',
      peerFakeAudio: 'p.wav',
    });
    expect(parseDemoArgs(['--live', '--interviewer', '--peer-fake-video', 'p.y4m'])).toMatchObject({
      live: true,
      interviewer: true,
      peerFakeVideo: 'p.y4m',
    });
  });

  it.each([
    [['--second', '8'], "Unknown option '--second'"],
    [['--seconds'], "Option '--seconds <value>' argument missing"],
    [['--seconds', '8.5'], 'whole number from 1 to 3600'],
    [['--seconds', '0'], 'whole number from 1 to 3600'],
    [['--retakes', '6'], 'whole number from 0 to 5'],
    [['--seconds', '9', '--retakes', '2'], '--seconds 9 is too short for 5 answers (3 questions, 2 retakes): give at least 10.'],
    [['now'], "Unexpected argument 'now'"],
    [['--peer-fake-video', 'p.y4m'], '--peer-fake-video is for the other participant of a live interview: add --live.'],
    [['--interviewer', '--json'], '--interviewer joins the call of a live interview: add --live.'],
  ])('refuses %j', (args, message) => {
    expect(() => parseDemoArgs(args)).toThrow(DemoUsageError);
    expect(() => parseDemoArgs(args)).toThrow(message);
  });

  it('accepts a y4m camera and a WAV microphone and refuses other files by their content', () => {
    const dir = tempDir();
    const y4m = path.join(dir, 'camera.y4m');
    const wav = path.join(dir, 'mic.wav');
    fs.writeFileSync(y4m, 'YUV4MPEG2 W640 H480 F30:1 Ip A1:1 C420jpeg\n');
    fs.writeFileSync(wav, Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')]));
    expect(() => checkFakeDevices({ fakeVideo: y4m, fakeAudio: wav })).not.toThrow();
    expect(() => checkFakeDevices({ fakeVideo: wav })).toThrow(/not a YUV4MPEG2 \(\.y4m\) file/);
    expect(() => checkFakeDevices({ fakeAudio: y4m })).toThrow(/not a WAV file/);
    expect(() => checkFakeDevices({ peerFakeVideo: y4m, peerFakeAudio: wav })).not.toThrow();
    expect(() => checkFakeDevices({ peerFakeVideo: wav })).toThrow(/^--peer-fake-video .*not a YUV4MPEG2/);
    expect(() => checkFakeDevices({ peerFakeAudio: y4m })).toThrow(/^--peer-fake-audio .*not a WAV file/);
    expect(() => checkFakeDevices({ fakeVideo: path.join(dir, 'missing.y4m') })).toThrow(/cannot read it \(ENOENT\)/);
  });
});

describe('npm run demo: what it records', () => {
  it('shares the length evenly over question 1 taken 1 + K times and the other questions once, within raised limits', () => {
    const plan = demoPlan(8, 1);
    expect(plan.takes).toEqual([
      { question: 0, take: 1, endsWith: 'Retake this answer' },
      { question: 0, take: 2, endsWith: 'Next question' },
      { question: 1, take: 1, endsWith: 'Next question' },
      { question: 2, take: 1, endsWith: 'Finish interview' },
    ]);
    expect(plan.takeMs).toBe(2000);
    expect(plan.script.questions[0]).toMatchObject({ retakes: 1, audio: 'question.wav' });

    const long = demoPlan(600, 3);
    expect(long.takeMs).toBe(100_000);
    expect(long.script.questions[0]!.retakes).toBe(3);
    for (const question of long.script.questions) expect(question.answerSeconds).toBeGreaterThan(100);
  });
});
