// Set up for every test file: whatever it started in a process group and did not stop (a failed or timed-out
// test skips its own cleanup) is ended with the file, not left running after the suite.
import { afterAll } from 'vitest';
import { stopAllGroups } from './process-group';

afterAll(() => stopAllGroups());
