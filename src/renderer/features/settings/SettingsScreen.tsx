import { useCallback } from 'react';
import { api } from '../../api';
import { Banner } from '../../components/Banner';
import { BackHeading } from '../../components/BackHeading';
import { useAsync } from '../../hooks/use-async';
import { useMessages } from '../../i18n/locale-context';
import { SettingLine } from './SettingLine';
import { settingsMessages } from './settings-messages';
import { byCategory, categoryWords } from './setting-words';
import './settings.css';

/**
 * Every setting in force, grouped by category, with where each value comes from. Read-only: what IT's mandatory
 * policy sets shows a lock ("Set by your organization"), and a banner says when any policy is in force.
 */
export function SettingsScreen({ onBack }: { onBack(): void }) {
  const t = useMessages(settingsMessages);
  const [view, reload] = useAsync(useCallback(() => api.getSettings(), []));
  return (
    <section className="settings" aria-labelledby="settings-title" aria-busy={view.status === 'loading'}>
      <BackHeading className="settings-head" headingId="settings-title" heading={t('heading')} backLabel={t('back')} onBack={onBack} />
      <p className="muted">{t('intro')}</p>
      {view.status === 'loading' && <p className="muted">{t('loading')}</p>}
      {view.status === 'error' && (
        <Banner tone="error" title={t('loadFailed', { reason: view.message })}>
          <button type="button" className="button-secondary" onClick={reload}>
            {t('retry')}
          </button>
        </Banner>
      )}
      {view.status === 'ready' && view.value.managed && (
        <Banner tone="info" title={t('managedTitle')}>
          <p>{t('managedBody')}</p>
        </Banner>
      )}
      {view.status === 'ready' &&
        byCategory(view.value.settings).map(([category, rows]) => (
          <section key={category} className="card settings-group" aria-labelledby={`settings-${category}`}>
            <h2 id={`settings-${category}`}>{categoryWords(t, category)}</h2>
            <table className="settings-table" aria-labelledby={`settings-${category}`}>
              <thead>
                <tr>
                  <th scope="col">{t('columnSetting')}</th>
                  <th scope="col">{t('columnValue')}</th>
                  <th scope="col">{t('columnSource')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <SettingLine key={row.key} row={row} t={t} />
                ))}
              </tbody>
            </table>
          </section>
        ))}
    </section>
  );
}
