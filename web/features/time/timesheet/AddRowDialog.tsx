import { useDeferredValue, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../../shared/tasks.js';
import { OPEN_STATUSES } from '../../../../shared/workflow.js';
import { SelectField, TextField } from '../../../components/Field.js';
import { Modal } from '../../../components/Modal.js';
import { useSession } from '../../auth/use-session.js';
import { errorMessage } from '../../../components/errors.js';
import { useActivityTypes } from '../../tasks/lookups.js';
import { StatusBadge } from '../../tasks/StatusBadge.js';
import { listItems, useTaskList } from '../../tasks/use-tasks.js';
import type { RowSeed } from './grid.js';

const QUEUE_SIZE = 50;
const SEARCH_SIZE = 20;

export interface AddRowDialogProps {
  open: boolean;
  onClose: () => void;
  onAdd: (seed: RowSeed) => void;
}

/** Picks the task (the person's queue first, then a search) and the activity type of a new row. */
export function AddRowDialog({ open, onClose, onAdd }: AddRowDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('timesheet.addRow.title')} description={t('timesheet.addRow.description')} onClose={onClose}>
      <AddRowForm onClose={onClose} onAdd={onAdd} />
    </Modal>
  );
}

function matches(task: TaskSummary, text: string): boolean {
  return task.reference.toLowerCase().startsWith(text) || task.title.toLocaleLowerCase().includes(text);
}

function AddRowForm({ onClose, onAdd }: Omit<AddRowDialogProps, 'open'>) {
  const { t } = useTranslation();
  const me = useSession();
  const id = useId();
  const searchInput = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<TaskSummary | null>(null);
  const [activity, setActivity] = useState('');
  const [error, setError] = useState<string | undefined>();
  const text = useDeferredValue(query.trim());
  const lower = text.toLocaleLowerCase();

  const queue = useTaskList({ captainId: me.user.id, sort: 'queue', status: OPEN_STATUSES, limit: QUEUE_SIZE });
  const search = useTaskList({ q: text, limit: SEARCH_SIZE }, { enabled: text.length >= 2 });
  const activityTypes = useActivityTypes();
  const active = (activityTypes.data ?? []).filter((type) => type.active);

  const fromQueue = listItems(queue.data).filter((task) => lower === '' || matches(task, lower));
  const queueIds = new Set(fromQueue.map((task) => task.id));
  const fromSearch = text.length >= 2 ? listItems(search.data).filter((task) => !queueIds.has(task.id)) : [];
  // The chosen task stays listed even when a new search no longer finds it.
  const kept = chosen && !queueIds.has(chosen.id) && !fromSearch.some((task) => task.id === chosen.id) ? [chosen] : [];

  const choose = (task: TaskSummary) => {
    setChosen(task);
    setError(undefined);
    const typeOfTask = active.find((type) => type.key === task.activityType);
    setActivity(typeOfTask ? String(typeOfTask.id) : '');
  };

  const option = (task: TaskSummary) => (
    <label key={task.id} className="choice ts-task-option">
      <input type="radio" name="taskId" value={task.id} checked={chosen?.id === task.id} onChange={() => choose(task)} />
      <span className="ts-task-option__text">
        <span className="task-ref">{task.reference}</span> <span>{task.title}</span>
      </span>
      <StatusBadge status={task.status} />
    </label>
  );

  const loading = queue.isPending || (text.length >= 2 && search.isFetching);
  const nothing = fromQueue.length === 0 && fromSearch.length === 0 && kept.length === 0;

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) {
          setError(t('timesheet.addRow.chooseTask'));
          searchInput.current?.focus();
          return;
        }
        onAdd({
          taskId: chosen.id,
          taskReference: chosen.reference,
          taskTitle: chosen.title,
          activityTypeId: activity === '' ? null : Number(activity),
        });
      }}
    >
      <TextField
        ref={searchInput}
        label={t('timesheet.addRow.search')}
        name="search"
        type="search"
        autoComplete="off"
        value={query}
        hint={t('timesheet.addRow.searchHint')}
        onChange={(event) => setQuery(event.target.value)}
      />
      <fieldset
        className={error ? 'field field--invalid ts-task-choice' : 'field ts-task-choice'}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <legend className="field__label">{t('timesheet.addRow.task')}</legend>
        <div className="ts-task-choice__list">
          {kept.map(option)}
          {fromQueue.length > 0 ? <p className="ts-task-choice__group">{t('timesheet.addRow.queue')}</p> : null}
          {fromQueue.map(option)}
          {fromSearch.length > 0 ? <p className="ts-task-choice__group">{t('timesheet.addRow.results')}</p> : null}
          {fromSearch.map(option)}
          {nothing ? (
            <p className="muted ts-task-choice__empty">
              {loading
                ? t('common.loading')
                : queue.isError
                  ? errorMessage(queue.error)
                  : text === ''
                    ? t('timesheet.addRow.emptyQueue')
                    : t('timesheet.addRow.none')}
            </p>
          ) : null}
        </div>
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </fieldset>
      <SelectField
        label={t('timesheet.addRow.activity')}
        name="activityTypeId"
        value={activity}
        onChange={(event) => setActivity(event.target.value)}
        options={[
          { value: '', label: t('timesheet.grid.noActivity') },
          ...active.map((type) => ({ value: String(type.id), label: type.name })),
        ]}
      />
      <div className="actions actions--end">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {t('timesheet.addRow.add')}
        </button>
      </div>
    </form>
  );
}
