import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ChannelSetting,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationSettings,
} from '../../../shared/notifications.js';
import { errorMessage } from '../../components/errors.js';
import { FormAlert, StatusMessage } from '../../components/Field.js';
import { ErrorNotice, Loading, Section } from '../../components/Page.js';
import { useNotificationSettings, useSaveNotificationSettings } from './use-notifications.js';

const CHANNELS = ['inApp', 'email', 'digestOnly'] as const satisfies readonly (keyof ChannelSetting)[];
type Channel = (typeof CHANNELS)[number];

function SettingsForm({ initial }: { initial: NotificationSettings }) {
  const { t } = useTranslation();
  const save = useSaveNotificationSettings();
  const [settings, setSettings] = useState(initial);
  const [saved, setSaved] = useState(false);
  const id = useId();
  const digestHintId = `${id}-digest-hint`;

  const setChannel = (kind: NotificationKind, channel: Channel, value: boolean) => {
    setSaved(false);
    setSettings((current) => ({
      ...current,
      kinds: { ...current.kinds, [kind]: { ...current.kinds[kind], [channel]: value } },
    }));
  };
  const digestOnlyWithoutDigest = !settings.digest && NOTIFICATION_KINDS.some((kind) => settings.kinds[kind]?.digestOnly);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    try {
      setSettings(await save.mutateAsync(settings));
      setSaved(true);
    } catch {
      // Shown above the table.
    }
  }

  return (
    <form className="form notification-settings" onSubmit={onSubmit} noValidate>
      <FormAlert message={save.isError ? errorMessage(save.error) : null} />
      <div className="table-wrap notification-settings__wrap">
        <table className="table notification-settings__table">
          <caption className="visually-hidden">{t('notifications.settings.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notifications.settings.kindColumn')}</th>
              {CHANNELS.map((channel) => (
                <th scope="col" key={channel} className="notification-settings__channel">
                  <span id={`${id}-${channel}`}>{t(`notifications.settings.channels.${channel}`)}</span>
                  <span className="notification-settings__channel-hint">{t(`notifications.settings.channelHints.${channel}`)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {NOTIFICATION_KINDS.map((kind) => {
              const channels = settings.kinds[kind] ?? { inApp: true, email: false, digestOnly: false };
              return (
                <tr key={kind}>
                  <th scope="row" className="notification-settings__kind">
                    <span className="notification-settings__kind-name" id={`${id}-${kind}`}>
                      {t(`notifications.settings.kinds.${kind}.name`)}
                    </span>
                    <span className="notification-settings__kind-help" id={`${id}-${kind}-help`}>
                      {t(`notifications.settings.kinds.${kind}.help`)}
                    </span>
                  </th>
                  {CHANNELS.map((channel) => (
                    <td key={channel} className="notification-settings__cell" data-label={t(`notifications.settings.channels.${channel}`)}>
                      <input
                        type="checkbox"
                        className="notification-settings__check"
                        checked={channels[channel]}
                        // Gathered into the digest, a notice is not emailed at once.
                        disabled={channel === 'email' && channels.digestOnly}
                        aria-labelledby={`${id}-${kind} ${id}-${channel}`}
                        aria-describedby={`${id}-${kind}-help`}
                        onChange={(event) => setChannel(kind, channel, event.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {/* Phones hide the column headers, and with them what each channel means. */}
      <dl className="notification-settings__legend">
        {CHANNELS.map((channel) => (
          <div key={channel}>
            <dt>{t(`notifications.settings.channels.${channel}`)}</dt>
            <dd>{t(`notifications.settings.channelHints.${channel}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="field">
        <label className="choice notification-settings__digest">
          <input
            type="checkbox"
            checked={settings.digest}
            aria-describedby={digestHintId}
            onChange={(event) => {
              setSaved(false);
              setSettings((current) => ({ ...current, digest: event.target.checked }));
            }}
          />
          <span>{t('notifications.settings.digest')}</span>
        </label>
        <p className="field__hint" id={digestHintId}>
          {t('notifications.settings.digestHint')}
        </p>
      </div>
      {digestOnlyWithoutDigest ? (
        <p className="notice notice--info notification-settings__note">{t('notifications.settings.digestOff')}</p>
      ) : null}
      <StatusMessage message={saved ? t('notifications.settings.saved') : null} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** Profile → Notifications: per kind, in the app, by email, or only in the daily digest; and the digest itself. */
export function NotificationSettingsSection() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  return (
    <Section title={t('notifications.settings.title')} description={t('notifications.settings.description')}>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorNotice message={errorMessage(settings.error)} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm initial={settings.data} />
      )}
    </Section>
  );
}
