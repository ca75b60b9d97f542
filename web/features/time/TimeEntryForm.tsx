import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Project } from '../../../shared/projects.js';
import {
  CreateTimeEntryBodySchema,
  decimalHours,
  formatDuration,
  MINUTES_PER_DAY,
  parseDuration,
  type TimeEntry,
  UpdateTimeEntryBodySchema,
  type UpdateTimeEntryBody,
} from '../../../shared/time.js';
import { FormAlert, SelectField, TextField } from '../../components/Field.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useFormat } from '../auth/use-session.js';
import { useActivityTypes } from '../tasks/lookups.js';
import { TextAreaField } from '../tasks/TextAreaField.js';
import { useCreateTimeEntry, useUpdateTimeEntry } from './use-time.js';

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value.trim() : '');

/** Why a typed duration cannot be saved, or null when it can. */
export function durationProblem(input: string): 'format' | 'tooShort' | 'tooLong' | null {
  const minutes = parseDuration(input);
  if (minutes === null) return 'format';
  if (minutes < 1) return 'tooShort';
  if (minutes > MINUTES_PER_DAY) return 'tooLong';
  return null;
}

export interface TimeEntryFormProps {
  task: { id: number; activityType: string | null };
  project: Project | undefined;
  /** The entry to change; without it the form adds one. */
  entry?: TimeEntry;
  /** Ask why (someone else's entry: optional; an approved week: required): the reason goes into the task's history. */
  reason?: 'optional' | 'required' | undefined;
  /** Today in the organization's time zone: the new entry's date. */
  today: string;
  onDone: (entry: TimeEntry | null) => void;
  onCancel: () => void;
}

/**
 * Add or change a time entry: the duration as people type it (`1:30`, `1.5h`, `90m`, read back as
 * h:mm), activity (the task's by default) and billable (the project's and activity's default until
 * the person decides otherwise). The server's field errors land on their fields.
 */
export function TimeEntryForm({ task, project, entry, reason, today, onDone, onCancel }: TimeEntryFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useFormErrors();
  const activityTypes = useActivityTypes();
  const create = useCreateTimeEntry();
  const update = useUpdateTimeEntry();
  const pending = create.isPending || update.isPending;
  const billableId = useId();

  const types = activityTypes.data ?? [];
  const taskType = types.find((type) => type.key === task.activityType && type.active);
  const [duration, setDuration] = useState(entry ? formatDuration(entry.minutes) : '');
  // null until the person picks: the task's type, once the types have loaded.
  const [typeChoice, setTypeChoice] = useState<string | null>(entry ? String(entry.activityTypeId ?? '') : null);
  const typeId = typeChoice ?? (taskType ? String(taskType.id) : '');
  const [billableTouched, setBillableTouched] = useState(entry !== undefined);
  const [billableChoice, setBillableChoice] = useState<boolean>(entry?.billable ?? true);

  const chosenType = types.find((type) => String(type.id) === typeId);
  // The server's rule: the project's default, and never for a non-billable activity.
  const billableDefault = (project?.billable ?? true) && (chosenType?.billable ?? true);
  const billable = billableTouched ? billableChoice : billableDefault;

  // Active types are offered; an entry's own type stays listed even if it was retired since.
  const options = [
    { value: '', label: t('timeEntry.form.noActivity') },
    ...types
      .filter((type) => type.active || type.id === entry?.activityTypeId)
      .map((type) => ({
        value: String(type.id),
        label: type.active ? type.name : t('timeEntry.form.inactiveActivity', { name: type.name }),
      })),
  ];

  const minutes = parseDuration(duration);
  const problem = duration.trim() === '' ? null : durationProblem(duration);
  const durationHint =
    minutes !== null && problem === null
      ? t('timeEntry.form.durationParsed', { duration: formatDuration(minutes), hours: format.number(decimalHours(minutes)) })
      : t('timeEntry.form.durationHint');
  const durationMessage = t(`timeEntry.form.duration_${durationProblem(duration) ?? 'format'}`);
  const messages = {
    '/date': t('timeEntry.form.dateInvalid'),
    '/duration': duration.trim() === '' ? t('timeEntry.form.durationRequired') : durationMessage,
    '/startTime': t('timeEntry.form.startTimeInvalid'),
  };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const startTime = text(data.get('startTime'));
    const fields = {
      date: text(data.get('date')),
      duration: duration.trim(),
      startTime: startTime === '' ? null : startTime,
      activityTypeId: typeId === '' ? null : Number(typeId),
      billable,
      note: text(data.get('note')),
    };
    try {
      if (!entry) {
        const body = form.validate(CreateTimeEntryBodySchema, { taskId: task.id, ...fields }, messages);
        if (!body) return;
        onDone(await create.mutateAsync(body));
        return;
      }
      const why = text(data.get('reason'));
      const schema =
        reason === 'required'
          ? UpdateTimeEntryBodySchema.extend({ reason: z.string().trim().min(1).max(2000) })
          : UpdateTimeEntryBodySchema;
      const valid = form.validate(
        schema,
        { ...fields, reason: why === '' ? undefined : why },
        { ...messages, '/reason': t('timeEntry.form.reasonMissing') },
      );
      if (!valid) return;
      // Only what changed: the task's history records each change.
      const changes: UpdateTimeEntryBody = {};
      if (valid.date !== entry.date) changes.date = valid.date;
      if (valid.duration !== entry.minutes) changes.duration = valid.duration;
      if ((valid.startTime ?? null) !== entry.startTime) changes.startTime = valid.startTime ?? null;
      if ((valid.activityTypeId ?? null) !== entry.activityTypeId) changes.activityTypeId = valid.activityTypeId ?? null;
      if (valid.billable !== entry.billable) changes.billable = valid.billable;
      if (valid.note !== entry.note) changes.note = valid.note;
      if (Object.keys(changes).length === 0) {
        onDone(null);
        return;
      }
      onDone(await update.mutateAsync({ id: entry.id, ...changes, ...(why ? { reason: why } : {}) }));
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form ref={form.formRef} className="form time-entry-form" noValidate onSubmit={onSubmit}>
      <div className="time-entry-form__grid">
        <TextField
          label={t('timeEntry.fields.date')}
          pointer="/date"
          type="date"
          required
          max={today}
          defaultValue={entry?.date ?? today}
          error={form.fieldError('/date')}
        />
        <TextField
          label={t('timeEntry.fields.duration')}
          pointer="/duration"
          required
          inputMode="decimal"
          autoComplete="off"
          className="input--mono"
          placeholder="1:30"
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
          hint={durationHint}
          // What is typed now says more than the last submit: a live range problem first.
          error={(problem && problem !== 'format' ? durationMessage : undefined) ?? form.fieldError('/duration')}
          autoFocus
        />
        <TextField
          label={t('timeEntry.fields.startTime')}
          pointer="/startTime"
          type="time"
          defaultValue={entry?.startTime ?? ''}
          hint={t('timeEntry.form.startTimeHint')}
          error={form.fieldError('/startTime')}
        />
        <SelectField
          label={t('timeEntry.fields.activity')}
          pointer="/activityTypeId"
          options={options}
          value={typeId}
          onChange={(event) => setTypeChoice(event.target.value)}
          error={form.fieldError('/activityTypeId')}
        />
      </div>
      <div className={form.fieldError('/billable') ? 'field field--invalid time-entry-form__check' : 'field time-entry-form__check'}>
        <div className="time-entry-form__check-row">
          <input
            id={billableId}
            type="checkbox"
            name="billable"
            checked={billable}
            aria-describedby={`${billableId}-hint`}
            aria-invalid={form.fieldError('/billable') ? true : undefined}
            onChange={(event) => {
              setBillableTouched(true);
              setBillableChoice(event.target.checked);
            }}
          />
          <label className="field__label" htmlFor={billableId}>
            {t('timeEntry.fields.billable')}
          </label>
        </div>
        <p className="field__hint time-entry-form__check-hint" id={`${billableId}-hint`}>
          {billableTouched
            ? t('timeEntry.form.billableChosen')
            : chosenType && !chosenType.billable
              ? t('timeEntry.form.billableActivity', { name: chosenType.name })
              : billableDefault
                ? t('timeEntry.form.billableProject')
                : t('timeEntry.form.notBillableProject')}
        </p>
        {form.fieldError('/billable') ? <p className="field__error">{form.fieldError('/billable')}</p> : null}
      </div>
      <TextAreaField
        label={t('timeEntry.fields.note')}
        pointer="/note"
        rows={2}
        maxLength={2000}
        defaultValue={entry?.note ?? ''}
        error={form.fieldError('/note')}
      />
      {reason ? (
        <TextAreaField
          label={reason === 'required' ? t('timeEntry.fields.reason') : t('timeEntry.fields.reasonOptional')}
          pointer="/reason"
          rows={2}
          maxLength={2000}
          required={reason === 'required'}
          hint={reason === 'required' ? t('timeEntry.form.reasonRequiredHint') : t('timeEntry.form.reasonHint')}
          error={form.fieldError('/reason')}
        />
      ) : null}
      <FormAlert message={form.formError} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('common.saving') : entry ? t('timeEntry.form.save') : t('timeEntry.form.add')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
