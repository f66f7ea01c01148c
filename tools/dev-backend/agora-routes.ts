// The Agora cloud-recording backend (`/api/agora`, no auth), as agora-recording-api.md describes it: every body is
// `{status, message, data}` with `status` equal to the HTTP status; 422 carries Laravel field errors, 500 carries
// `data.error`. Like Agora itself, it forgets a recording once stopped: query and stop then answer 500.
import { randomBytes } from 'node:crypto';
import { validate, type FieldRule } from './agora-validate';
import { storeAgoraFiles } from './agora-files';
import { callTokenRoute } from './call-tokens';
import { type DevContext, hex, objectId } from './context';
import type { AgoraFile, AgoraRecording } from './state-store';
import type { Backend, DevReply, Route } from './types';

const reply = (status: number, message: string, data: Record<string, unknown> = {}): DevReply => ({
  status,
  body: { status, message, data },
});

/** What each endpoint says when it fails, as the backend words it. */
const FAILURE: Record<string, { message: string; error: string }> = {
  start: { message: 'Failed to start cloud recording', error: 'Failed to acquire resource' },
  query: { message: 'Failed to query recording status', error: 'Agora API request failed' },
  stop: { message: 'Failed to stop cloud recording', error: 'Agora API request failed' },
  interview: { message: 'Failed to retrieve interview recordings', error: 'Database query failed' },
  'call-token': { message: 'Failed to create a call token', error: 'Token service unavailable' },
};
const failed = (endpoint: string, error: string): DevReply => reply(500, FAILURE[endpoint]!.message, { error });

const isReply = (value: AgoraRecording | DevReply): value is DevReply => 'body' in value;

/** A row as GET interview shows it: the documented fields in the documented order, optional ones only when set. */
const listed = (r: AgoraRecording) => ({
  _id: r._id,
  channel_name: r.channel_name,
  uid: r.uid,
  resource_id: r.resource_id,
  sid: r.sid,
  schedule_id: r.schedule_id,
  status: r.status,
  started_at: r.started_at,
  ...(r.stopped_at && { stopped_at: r.stopped_at }),
  ...(r.recording_url && { recording_url: r.recording_url }),
  file_list: r.file_list,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

const SESSION_RULES: FieldRule[] = [
  { field: 'channel_name', required: true, max: 64 },
  { field: 'uid', required: true, digits: true },
  { field: 'resource_id', required: true },
  { field: 'sid', required: true },
];

export function agoraBackend(ctx: DevContext): Backend {
  const rows = () => ctx.store.state.agora;
  // A second stop arriving while the first is still uploading gets the first one's answer.
  const stopping = new Map<string, Promise<DevReply>>();

  /** The recording a query or stop names, or the 500 Agora would give. */
  function findSession(endpoint: string, v: Record<string, string | undefined>): AgoraRecording | DevReply {
    const row = rows().find((r) => r.sid === v.sid);
    if (!row || row.resource_id !== v.resource_id || row.channel_name !== v.channel_name || row.uid !== v.uid) {
      return failed(endpoint, 'Recording not found');
    }
    return row;
  }

  const start: Route = {
    method: 'POST',
    pattern: /^\/recording\/start$/,
    endpoint: 'start',
    async handle(req) {
      const { values: v, errors } = validate(req.body, [...SESSION_RULES.slice(0, 2), { field: 'schedule_id' }]);
      if (Object.keys(errors).length) return reply(422, 'Validation failed', { errors });
      const channel = v.channel_name!;
      const uid = v.uid!;
      if (rows().some((r) => r.channel_name === channel && r.uid === uid && r.status === 'recording')) {
        return failed('start', 'A recording is already running for this channel and uid');
      }
      const now = new Date();
      const row: AgoraRecording = {
        _id: objectId(),
        channel_name: channel,
        uid,
        resource_id: randomBytes(96).toString('base64url'),
        sid: hex(16),
        schedule_id: v.schedule_id ?? null,
        status: 'recording',
        started_at: now.toISOString(),
        file_list: [],
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        slice_start_time: now.getTime(),
      };
      rows().push(row);
      ctx.store.save();
      return reply(200, 'Cloud recording started successfully', { resourceId: row.resource_id, sid: row.sid, channelName: channel, uid });
    },
  };

  const query: Route = {
    method: 'POST',
    pattern: /^\/recording\/query$/,
    endpoint: 'query',
    async handle(req) {
      const { values, errors } = validate(req.body, SESSION_RULES);
      if (Object.keys(errors).length) return reply(422, 'Validation failed', { errors });
      const row = findSession('query', values);
      if (isReply(row)) return row;
      if (row.status !== 'recording') return failed('query', 'Recording has already stopped');
      return reply(200, 'Recording status retrieved successfully', {
        resourceId: row.resource_id,
        sid: row.sid,
        serverResponse: { status: '5', sliceStartTime: row.slice_start_time, fileListMode: 'json', fileList: [] },
      });
    },
  };

  const stop: Route = {
    method: 'POST',
    pattern: /^\/recording\/stop$/,
    endpoint: 'stop',
    async handle(req) {
      const { values, errors } = validate(req.body, [...SESSION_RULES, { field: 'schedule_id' }]);
      if (Object.keys(errors).length) return reply(422, 'Validation failed', { errors });
      const row = findSession('stop', values);
      if (isReply(row)) return row;
      const inFlight = stopping.get(row.sid);
      if (inFlight) return inFlight;
      if (row.status !== 'recording') return failed('stop', 'Recording has already stopped');
      const done = stopRecording(row, values.schedule_id).finally(() => stopping.delete(row.sid));
      stopping.set(row.sid, done);
      return done;
    },
  };

  async function stopRecording(row: AgoraRecording, scheduleId: string | undefined): Promise<DevReply> {
    const noStorage = ctx.faults.take('agora', 'stop', ['noStorage']);
    const stoppedAt = new Date();
    // Without storage configured, Agora has nowhere to upload: an empty file list and nothing in the bucket.
    let files: AgoraFile[] = [];
    try {
      if (!noStorage) files = await storeAgoraFiles(ctx, row, (stoppedAt.getTime() - row.slice_start_time) / 1000);
    } catch (error) {
      // Still recording as far as the database knows: the client may retry the stop.
      return failed('stop', `Failed to upload recording files: ${(error as Error).message}`);
    }
    const fileList = files.map(({ s3_url: _url, ...file }) => file);
    const serverResponse = { fileListMode: 'json', fileList, ...(files.length > 0 && { uploadingStatus: 'uploaded' }) };
    row.status = 'completed';
    row.stopped_at = stoppedAt.toISOString();
    row.updated_at = row.stopped_at;
    row.file_list = files;
    row.server_response = serverResponse;
    const mp4 = files.find((f) => f.filename.endsWith('.mp4'));
    if (mp4) row.recording_url = mp4.s3_url;
    if (scheduleId && !row.schedule_id) row.schedule_id = scheduleId;
    ctx.store.save();
    return reply(200, 'Cloud recording stopped successfully', { resourceId: row.resource_id, sid: row.sid, serverResponse });
  }

  const interview: Route = {
    method: 'GET',
    pattern: /^\/recording\/interview\/([^/]+)$/,
    endpoint: 'interview',
    async handle(_req, [scheduleId]) {
      const recordings = rows()
        .filter((r) => r.schedule_id === scheduleId)
        .map(listed);
      return reply(200, 'Interview recordings retrieved successfully', {
        schedule_id: scheduleId,
        total_count: recordings.length,
        s3_bucket: ctx.objects.bucket,
        s3_region: ctx.objects.region,
        s3_base_url: ctx.objects.baseUrl,
        recordings,
      });
    },
  };

  return {
    name: 'agora',
    prefix: '/api/agora',
    routes: [start, query, stop, interview, callTokenRoute('agora')],
    error: (status, message) =>
      status === 500 ? reply(500, 'Internal server error', { error: message }) : reply(status, status === 404 ? 'Not found' : message),
    async dispatch(route, req, params) {
      if (ctx.faults.take('agora', route.endpoint, ['http500'])) return failed(route.endpoint, FAILURE[route.endpoint]!.error);
      return route.handle(req, params);
    },
  };
}
