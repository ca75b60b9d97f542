import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
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
import { CheckboxField, FormAlert, SelectField, TextField } from '../../components/Field.js';
import { Form, FormActions } from '../../components/Form.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useFormat } from '../auth/use-session.js';
import { useActivityTypes } from '../tasks/lookups.js';
import { useCreateTimeEntry, useUpdateTimeEntry } from './use-time.js';

/** Adding and changing check the same fields (a change then sends what differs), and the reason a change may need. */
const TimeEntryFormSchema = CreateTimeEntryBodySchema.extend({ reason: UpdateTimeEntryBodySchema.shape.reason });
const ReasonRequiredSchema = TimeEntryFormSchema.extend({ reason: UpdateTimeEntryBodySchema.shape.reason.unwrap().min(1) });
type TimeEntryFormBody = z.output<typeof TimeEntryFormSchema>;

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
  const activityTypes = useActivityTypes();
  const create = useCreateTimeEntry();
  const update = useUpdateTimeEntry();

  const types = activityTypes.data ?? [];
  const taskType = types.find((type) => type.key === task.activityType && type.active);
  // null until the person picks: the task's type, once the types have loaded.
  const [typeChoice, setTypeChoice] = useState<string | null>(entry ? String(entry.activityTypeId ?? '') : null);
  const typeId = typeChoice ?? (taskType ? String(taskType.id) : '');
  const [billableTouched, setBillableTouched] = useState(entry !== undefined);
  const [billableChoice, setBillableChoice] = useState<boolean>(entry?.billable ?? true);

  const chosenType = types.find((type) => String(type.id) === typeId);
  // The server's rule: the project's default, and never for a non-billable activity.
  const billableDefault = (project?.billable ?? true) && (chosenType?.billable ?? true);
  const billable = billableTouched ? billableChoice : billableDefault;
  const durationMessage = (text: string) =>
    text.trim() === '' ? t('timeEntry.form.durationRequired') : t(`timeEntry.form.duration_${durationProblem(text) ?? 'format'}`);

  const form = useServerForm({
    schema: reason === 'required' ? ReasonRequiredSchema : TimeEntryFormSchema,
    defaultValues: {
      date: entry?.date ?? today,
      duration: entry ? formatDuration(entry.minutes) : '',
      startTime: entry?.startTime ?? '',
      note: entry?.note ?? '',
      reason: '',
    },
    toBody: (values) => ({
      taskId: task.id,
      date: values.date.trim(),
      duration: values.duration.trim(),
      startTime: values.startTime.trim() || null,
      activityTypeId: typeId === '' ? null : Number(typeId),
      billable,
      note: values.note.trim(),
      reason: values.reason.trim() || undefined,
    }),
    messages: ({ duration }) => ({
      '/date': t('timeEntry.form.dateInvalid'),
      '/duration': durationMessage(duration),
      '/startTime': t('timeEntry.form.startTimeInvalid'),
      '/reason': t('timeEntry.form.reasonMissing'),
    }),
  });

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

  const duration = form.watch('duration');
  const minutes = parseDuration(duration);
  const problem = duration.trim() === '' ? null : durationProblem(duration);
  const durationHint =
    minutes !== null && problem === null
      ? t('timeEntry.form.durationParsed', { duration: formatDuration(minutes), hours: format.number(decimalHours(minutes)) })
      : t('timeEntry.form.durationHint');

  async function save({ reason: why, ...fields }: TimeEntryFormBody) {
    if (!entry) {
      onDone(await create.mutateAsync(fields));
      return;
    }
    // Only what changed: the task's history records each change.
    const changes: UpdateTimeEntryBody = {};
    if (fields.date !== entry.date) changes.date = fields.date;
    if (fields.duration !== entry.minutes) changes.duration = fields.duration;
    if ((fields.startTime ?? null) !== entry.startTime) changes.startTime = fields.startTime ?? null;
    if ((fields.activityTypeId ?? null) !== entry.activityTypeId) changes.activityTypeId = fields.activityTypeId ?? null;
    if (fields.billable !== entry.billable) changes.billable = fields.billable;
    if (fields.note !== entry.note) changes.note = fields.note;
    if (Object.keys(changes).length === 0) {
      onDone(null);
      return;
    }
    onDone(await update.mutateAsync({ id: entry.id, ...changes, ...(why ? { reason: why } : {}) }));
  }

  return (
    <Form form={form} className="form time-entry-form" summary={false} onSubmit={save}>
      <div className="time-entry-form__grid">
        <TextField label={t('timeEntry.fields.date')} {...form.register('date')} type="date" required max={today} />
        <TextField
          label={t('timeEntry.fields.duration')}
          {...form.register('duration')}
          required
          inputMode="decimal"
          autoComplete="off"
          className="input--mono"
          placeholder="1:30"
          hint={durationHint}
          // What is typed now says more than the last submit: a live range problem first.
          error={problem && problem !== 'format' ? durationMessage(duration) : undefined}
          autoFocus
        />
        <TextField
          label={t('timeEntry.fields.startTime')}
          {...form.register('startTime')}
          type="time"
          hint={t('timeEntry.form.startTimeHint')}
        />
        <SelectField
          label={t('timeEntry.fields.activity')}
          name="activityTypeId"
          options={options}
          value={typeId}
          onChange={(event) => setTypeChoice(event.target.value)}
        />
      </div>
      <CheckboxField
        label={t('timeEntry.fields.billable')}
        name="billable"
        checked={billable}
        onChange={(event) => {
          setBillableTouched(true);
          setBillableChoice(event.target.checked);
        }}
        hint={
          billableTouched
            ? t('timeEntry.form.billableChosen')
            : chosenType && !chosenType.billable
              ? t('timeEntry.form.billableActivity', { name: chosenType.name })
              : billableDefault
                ? t('timeEntry.form.billableProject')
                : t('timeEntry.form.notBillableProject')
        }
        fieldClassName="time-entry-form__check"
      />
      <TextField multiline label={t('timeEntry.fields.note')} {...form.register('note')} rows={2} maxLength={2000} />
      {reason ? (
        <TextField
          multiline
          label={reason === 'required' ? t('timeEntry.fields.reason') : t('timeEntry.fields.reasonOptional')}
          {...form.register('reason')}
          rows={2}
          maxLength={2000}
          required={reason === 'required'}
          hint={reason === 'required' ? t('timeEntry.form.reasonRequiredHint') : t('timeEntry.form.reasonHint')}
        />
      ) : null}
      <FormAlert message={form.formError} />
      <FormActions
        onCancel={onCancel}
        pending={create.isPending || update.isPending}
        label={entry ? t('timeEntry.form.save') : t('timeEntry.form.add')}
      />
    </Form>
  );
}
