import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/tasks.js';
import { StatusBadge } from './StatusBadge.js';
import { listItems, useTaskList } from './use-tasks.js';

export interface TaskPickerProps {
  label: string;
  /** Tasks already loaded (e.g. the project's), matched by reference as well as by title. */
  nearby: readonly TaskSummary[];
  exclude: ReadonlySet<number>;
  onPick: (task: TaskSummary) => void;
  disabled?: boolean;
  error?: string | undefined;
}

/** A combobox finding a task by reference (“ABC-12”) or by words of its title, text or comments. */
export function TaskPicker({ label, nearby, exclude, onPick, disabled, error }: TaskPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(query.trim());
  const words = deferred.length >= 2 && !/^[A-Za-z][A-Za-z0-9]*-\d*$/.test(deferred) ? deferred : '';
  const search = useTaskList({ q: words, limit: 10 }, { enabled: words !== '' });

  const lower = deferred.toLowerCase();
  const byReference = lower
    ? nearby.filter((task) => task.reference.toLowerCase().startsWith(lower) || task.title.toLowerCase().includes(lower)).slice(0, 10)
    : [];
  const seen = new Set<number>();
  const options = [...byReference, ...listItems(search.data)].filter((task) => {
    if (exclude.has(task.id) || seen.has(task.id)) return false;
    seen.add(task.id);
    return true;
  });
  const expanded = open && deferred !== '';

  const choose = (task: TaskSummary) => {
    onPick(task);
    setQuery('');
    setOpen(false);
  };

  return (
    <div className={error ? 'field field--invalid task-picker' : 'field task-picker'}>
      <label className="field__label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        className="input"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && options[active] ? `${id}-option-${options[active].id}` : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        value={query}
        disabled={disabled}
        placeholder={t('taskView.picker.placeholder')}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            const task = options[active];
            if (expanded && task) choose(task);
          } else if (event.key === 'Escape' && expanded) {
            event.preventDefault();
            setOpen(false);
          }
        }}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {t('taskView.picker.hint')}
      </p>
      <div id={`${id}-list`} role="listbox" aria-label={label} className="picker-list" hidden={!expanded}>
        {options.map((task, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (aria-activedescendant)
          <div
            key={task.id}
            id={`${id}-option-${task.id}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className="picker-list__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(task)}
          >
            <span className="task-ref">{task.reference}</span> <span className="picker-list__title">{task.title}</span>{' '}
            <StatusBadge status={task.status} />
          </div>
        ))}
        {expanded && options.length === 0 ? (
          <div className="picker-list__empty" role="option" aria-selected={false} aria-disabled="true" tabIndex={-1}>
            {search.isFetching ? t('common.loading') : t('taskView.picker.none')}
          </div>
        ) : null}
      </div>
      <div className="visually-hidden" role="status">
        {expanded ? t('taskView.picker.count', { count: options.length }) : ''}
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
