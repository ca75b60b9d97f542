import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissTimerNotice, useTimerNotice } from './timer-notice.js';

const SHOWN_MS = 6000;

/**
 * The last timer confirmation, briefly, at the bottom of the screen. The live regions stay in the
 * page, so screen readers hear each message as it arrives (errors assertively).
 */
export function TimerNoticeToast() {
  const { t } = useTranslation();
  const notice = useTimerNotice();

  useEffect(() => {
    if (!notice) return;
    const timeout = setTimeout(() => dismissTimerNotice(notice.id), notice.tone === 'error' ? SHOWN_MS * 2 : SHOWN_MS);
    return () => clearTimeout(timeout);
  }, [notice]);

  const toast = notice ? (
    <div className={`timer-notice timer-notice--${notice.tone}`}>
      <p className="timer-notice__text">{notice.text}</p>
      <button
        type="button"
        className="icon-button timer-notice__close"
        aria-label={t('timer.notice.dismiss')}
        onClick={() => dismissTimerNotice(notice.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  ) : null;

  return (
    <>
      <div className="timer-notice-region" role="status">
        {notice?.tone === 'success' ? toast : null}
      </div>
      <div className="timer-notice-region" role="alert">
        {notice?.tone === 'error' ? toast : null}
      </div>
    </>
  );
}
