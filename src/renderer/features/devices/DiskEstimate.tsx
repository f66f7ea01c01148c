import { useCallback } from 'react';
import { formatBytes } from '../../../shared/format';
import { api } from '../../api';
import { useAsync } from '../../hooks/use-async';
import { useMessages } from '../../i18n/locale-context';
import { spaceNeeded, type ScriptInfo } from '../interview/use-script';
import { deviceMessages } from './device-messages';

/** Free disk space against what this interview can need: the recording, and once more while finalizing. */
export function DiskEstimate({ info }: { info: ScriptInfo }) {
  const t = useMessages(deviceMessages);
  const [disk] = useAsync(useCallback(() => api.getDiskStatus(), []));
  if (disk.status !== 'ready') return null;
  const needed = spaceNeeded(info);
  const free = disk.value.freeBytes;
  const low = free !== null && free < needed;
  return (
    <p className={low ? 'summary-bad' : 'muted'}>
      {t('diskNeeds', { free: formatBytes(free), needed: formatBytes(needed) })}
      {low && ` ${t('diskLow')}`}
    </p>
  );
}
