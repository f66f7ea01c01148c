import type { DoctorReport } from '../../../shared/domain/doctor';
import type { Translate } from '../../../shared/i18n/messages';
import { formatSize } from '../library/local-units';
import type { readinessMessages } from './readiness-messages';
import type { DevicePresence } from './use-device-presence';

type T = Translate<keyof (typeof readinessMessages)['en']>;

export interface Check {
  key: string;
  ok: boolean;
  label: string;
  detail: string;
}

export interface CandidateContext {
  devices: DevicePresence | null;
  /** Bytes this interview may take on disk (its longest length, held twice while the video file is made). */
  neededBytes: number;
  organization: string;
  practice: boolean;
}

function devicesCheck(devices: DevicePresence, t: T): Check {
  const missing = !devices.camera ? t('noCamera') : !devices.microphone ? t('noMicrophone') : null;
  if (missing) return { key: 'devices', ok: false, label: missing, detail: t('connectDevice') };
  if (devices.blocked) return { key: 'devices', ok: false, label: t('devicesBlocked'), detail: t('devicesBlockedDetail') };
  return { key: 'devices', ok: true, label: t('devicesReady'), detail: t('devicesReadyDetail') };
}

function spaceCheck(report: DoctorReport, context: CandidateContext, t: T, locale: string): Check {
  const { writable, freeBytes } = report.dataDir;
  if (!writable)
    return { key: 'space', ok: false, label: t('cannotSave'), detail: t('askForHelp', { organization: context.organization }) };
  const values = { needed: formatSize(context.neededBytes, locale), free: formatSize(freeBytes ?? 0, locale) };
  const ok = freeBytes === null || freeBytes >= context.neededBytes;
  return ok
    ? { key: 'space', ok, label: t('spaceOk'), detail: freeBytes === null ? '' : t('spaceDetail', values) }
    : { key: 'space', ok, label: t('spaceLow'), detail: t('spaceLowDetail', values) };
}

function sendingCheck(report: DoctorReport, context: CandidateContext, t: T): Check {
  const { organization } = context;
  if (report.uploads.configured || report.backends.media.url)
    return { key: 'sending', ok: true, label: t('sendingReady'), detail: t('sendingReadyDetail', { organization }) };
  if (context.practice) return { key: 'sending', ok: true, label: t('practice'), detail: t('practiceDetail') };
  return { key: 'sending', ok: false, label: t('sendingOff'), detail: t('askForHelp', { organization }) };
}

/** The candidate's list: devices, space for this interview, where it goes, and whether the app itself can record. */
export function candidateChecks(report: DoctorReport, context: CandidateContext, t: T, locale: string): Check[] {
  const appOk = report.catalog.ok && report.ffmpeg.found && report.ffprobe.found;
  return [
    ...(context.devices ? [devicesCheck(context.devices, t)] : []),
    spaceCheck(report, context, t, locale),
    sendingCheck(report, context, t),
    appOk
      ? { key: 'app', ok: true, label: t('appReady'), detail: t('appReadyDetail') }
      : { key: 'app', ok: false, label: t('appProblem'), detail: t('askForHelp', { organization: context.organization }) },
  ];
}

/** The installation's facts for whoever helps the candidate: settings, paths, the library, ffmpeg, the bucket. */
export function technicalChecks(report: DoctorReport, t: T, locale: string): Check[] {
  const { dataDir, catalog, ffmpeg, ffprobe, config, uploads } = report;
  const ignored = config.problems.length;
  return [
    {
      key: 'settings',
      ok: ignored === 0,
      label: t('settings'),
      detail: ignored === 0 ? t('settingsOk') : t('settingsIgnored', { count: ignored }),
    },
    {
      key: 'storage',
      ok: dataDir.writable,
      label: t('storage'),
      detail: dataDir.writable
        ? t('storageFree', { free: formatSize(dataDir.freeBytes ?? 0, locale), path: dataDir.path })
        : t('storageReadOnly', { path: dataDir.path }),
    },
    {
      key: 'library',
      ok: catalog.ok,
      label: t('library'),
      detail: !catalog.ok ? catalog.integrity : catalog.incident ? t('libraryRebuilt') : t('libraryReady'),
    },
    {
      key: 'video',
      ok: ffmpeg.found && ffprobe.found,
      label: t('video'),
      detail: ffmpeg.found && ffprobe.found ? t('videoOk', { path: ffmpeg.path ?? '' }) : t('videoMissing'),
    },
    {
      key: 'uploads',
      ok: uploads.configured,
      label: t('uploads'),
      detail: uploads.configured
        ? t('uploadsOn', { bucket: uploads.bucket ?? '', endpoint: uploads.endpoint ?? 'AWS' })
        : t('uploadsOff', { reason: uploads.reason ?? '' }),
    },
  ];
}
