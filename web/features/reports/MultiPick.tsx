/** A filter over several values: a button saying what is chosen, opening a list of checkboxes (searchable when long). */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickOption {
  id: number;
  name: string;
  /** A second, quieter line: a project's client, a deactivated person. */
  detail?: string | null | undefined;
  /** A colour swatch beside the name (activity types); the name always says it too. */
  color?: string | null | undefined;
}

export interface MultiPickProps {
  label: string;
  /** What the button says with nothing chosen: “All projects”. */
  allLabel: string;
  options: readonly PickOption[];
  value: readonly number[];
  onChange: (ids: number[]) => void;
  /** Search box placeholder and label. */
  findLabel: string;
}

/** Options above this many get a search box. */
const SEARCH_FROM = 8;

export function MultiPick({ label, allLabel, options, value, onChange, findLabel }: MultiPickProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const chosen = new Set(value);
  // An id in the address that is not (or no longer) an option still narrows the report: say so.
  const names = value.map((selected) => options.find((option) => option.id === selected)?.name ?? `#${selected}`);
  const summary =
    value.length === 0 ? allLabel : value.length === 1 ? (names[0] ?? '') : t('reports.filters.selectedCount', { count: value.length });

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    // Tabbing out of the open list closes it.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget && !root.current?.contains(event.relatedTarget as Node)) setOpen(false);
    };
    const element = root.current;
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    element?.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      element?.removeEventListener('focusout', onFocusOut);
    };
  }, [open]);

  useEffect(() => {
    if (open)
      requestAnimationFrame(() => (search.current ?? root.current?.querySelector<HTMLInputElement>('input[type="checkbox"]'))?.focus());
    else setQuery('');
  }, [open]);

  const needle = query.trim().toLocaleLowerCase();
  const shown = needle ? options.filter((option) => `${option.name} ${option.detail ?? ''}`.toLocaleLowerCase().includes(needle)) : options;

  function toggle(optionId: number, on: boolean) {
    onChange(on ? [...value, optionId].sort((a, b) => a - b) : value.filter((item) => item !== optionId));
  }

  return (
    <div className="multi-pick field" ref={root}>
      <span className="field__label" id={`${id}-label`}>
        {label}
      </span>
      <button
        ref={button}
        type="button"
        className={value.length > 0 ? 'multi-pick__button multi-pick__button--active' : 'multi-pick__button'}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-labelledby={`${id}-label ${id}-summary`}
        onClick={() => setOpen((current) => !current)}
      >
        <span id={`${id}-summary`} className="multi-pick__summary">
          {summary}
        </span>
        <span className="chevron" aria-hidden="true" />
      </button>
      <div className="multi-pick__panel" id={`${id}-panel`} hidden={!open}>
        <fieldset>
          <legend className="visually-hidden">{label}</legend>
          {options.length > SEARCH_FROM ? (
            <input
              ref={search}
              type="search"
              className="input input--compact multi-pick__search"
              aria-label={findLabel}
              placeholder={findLabel}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          ) : null}
          {options.length === 0 ? (
            <p className="multi-pick__empty">{t('reports.filters.noOptions')}</p>
          ) : shown.length === 0 ? (
            <p className="multi-pick__empty">{t('reports.filters.noMatch')}</p>
          ) : (
            <ul className="multi-pick__list">
              {shown.map((option) => (
                <li key={option.id}>
                  <label className="multi-pick__option">
                    <input type="checkbox" checked={chosen.has(option.id)} onChange={(event) => toggle(option.id, event.target.checked)} />
                    {option.color ? <span className="swatch" style={{ background: option.color }} aria-hidden="true" /> : null}
                    <span className="multi-pick__name">
                      {option.name}
                      {option.detail ? <span className="multi-pick__detail"> {option.detail}</span> : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="multi-pick__actions">
          <button type="button" className="button button--small button--ghost" disabled={value.length === 0} onClick={() => onChange([])}>
            {t('reports.filters.clearPick')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setOpen(false);
              button.current?.focus();
            }}
          >
            {t('common.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
