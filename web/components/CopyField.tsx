import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface CopyFieldProps {
  label: string;
  value: string;
  hint?: React.ReactNode;
}

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Fall through to the selection-based copy.
    }
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    // Plain-HTTP installs have no Clipboard API; the older command still works there.
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** A read-only value (an invitation link, a new API token) with a Copy button. */
export function CopyField({ label, value, hint }: CopyFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="field copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="copy-field__row">
        <input
          ref={input}
          id={id}
          className="input input--mono"
          readOnly
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="button"
          onClick={async () => setStatus((await copyText(value, input.current)) ? 'copied' : 'failed')}
        >
          {t('common.copy')}
        </button>
      </div>
      <p className="copy-field__status" role="status">
        {status === 'copied' ? t('common.copied') : status === 'failed' ? t('common.copyFailed') : ''}
      </p>
    </div>
  );
}
