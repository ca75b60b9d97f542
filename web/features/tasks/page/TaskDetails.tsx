import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Task } from '../../../../shared/tasks.js';
import { CheckboxGroup, FormAlert, SelectField, TextField } from '../../../components/Field.js';
import { useFormErrors } from '../../../components/use-form-errors.js';
import { useFormat } from '../../auth/use-session.js';
import { DeadlineMark } from '../DeadlineMark.js';
import { useActivityTypes, useMilestones } from '../lookups.js';
import { listItems, useTaskList } from '../use-tasks.js';
import { type TaskChanges, useTaskView } from './task-context.js';
import { useMinutes, usePeopleNames } from './use-field-format.js';

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value.trim() : '');

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Side panel: who, when, how much, and what kind; an edit form for those who may change them. */
export function TaskDetails() {
  const { t } = useTranslation();
  const { task, project, canEdit } = useTaskView();
  const format = useFormat();
  const name = usePeopleNames(project);
  const minutes = useMinutes();
  const milestones = useMilestones(task.projectId);
  const activityTypes = useActivityTypes();
  const [editing, setEditing] = useState<Task | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  const close = () => {
    setEditing(null);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <section className="card task-details" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 className="card__title" id={headingId}>
          {t('taskView.details.title')}
        </h2>
        {canEdit && !editing ? (
          <button ref={editButton} type="button" className="button button--small" onClick={() => setEditing(task)}>
            {t('taskView.details.edit')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <DetailsForm base={editing} onDone={close} />
      ) : (
        <dl className="task-facts">
          <div>
            <dt>{t('taskView.fields.captainId')}</dt>
            <dd>{task.captainId ? name(task.captainId) : <span className="muted">{t('taskView.noCaptain')}</span>}</dd>
          </div>
          <div>
            <dt>{t('taskView.fields.collaboratorIds')}</dt>
            <dd>
              {task.collaboratorIds.length > 0 ? (
                task.collaboratorIds.map((id) => name(id)).join(', ')
              ) : (
                <span className="muted">{t('taskView.none')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('taskView.fields.deadline')}</dt>
            <dd>
              <DeadlineMark task={task} showNone />
              {task.deadline?.includes('T') && format.timeZone ? (
                <span className="task-facts__hint">{t('taskView.details.timeZone', { zone: format.timeZone })}</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t('taskView.fields.estimateMinutes')}</dt>
            <dd>{task.estimateMinutes !== null ? minutes(task.estimateMinutes) : <span className="muted">{t('taskView.none')}</span>}</dd>
          </div>
          <div>
            <dt>{t('taskView.fields.activityType')}</dt>
            <dd>
              {task.activityType ? (
                (activityTypes.data?.find((type) => type.key === task.activityType)?.name ?? task.activityType)
              ) : (
                <span className="muted">{t('taskView.none')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('taskView.fields.labels')}</dt>
            <dd>
              {task.labels.length > 0 ? (
                <ul className="label-list">
                  {task.labels.map((label) => (
                    <li key={label} className="label-chip">
                      {label}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t('taskView.none')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('taskView.fields.milestoneId')}</dt>
            <dd>
              {task.milestoneId ? (
                (milestones.data?.find((milestone) => milestone.id === task.milestoneId)?.title ?? `#${task.milestoneId}`)
              ) : (
                <span className="muted">{t('taskView.none')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('taskView.details.created')}</dt>
            <dd>{t('taskView.details.createdBy', { name: name(task.createdById), date: format.dateTime(task.createdAt) })}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function DetailsForm({ base, onDone }: { base: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const { project, canAssign, save } = useTaskView();
  const format = useFormat();
  const form = useFormErrors();
  const milestones = useMilestones(base.projectId);
  const activityTypes = useActivityTypes();
  const projectTasks = useTaskList({ projectId: base.projectId, sort: 'project', limit: 500 });
  const [pending, setPending] = useState(false);
  const [captainId, setCaptainId] = useState(base.captainId ? String(base.captainId) : '');
  const members = project?.members ?? [];
  const [deadlineDate, deadlineTime] = (base.deadline ?? '').split('T');
  const parents = listItems(projectTasks.data).filter((other) => other.id !== base.id);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const date = text(data.get('deadline'));
    const time = text(data.get('deadlineTime'));
    const estimate = text(data.get('estimateMinutes')).replace(',', '.');
    const hours = estimate === '' ? null : Number(estimate);
    const checked = form.validate(
      z.object({ estimateMinutes: z.number().min(0).max(1666).nullable() }),
      { estimateMinutes: hours },
      { '/estimateMinutes': t('taskView.details.estimateInvalid') },
    );
    if (!checked) return;
    const next: Record<string, unknown> = {
      captainId: captainId ? Number(captainId) : null,
      collaboratorIds: canAssign ? data.getAll('collaboratorIds').map(Number) : base.collaboratorIds,
      deadline: date ? (time ? `${date}T${time}` : date) : null,
      estimateMinutes: hours === null ? null : Math.round(hours * 60),
      activityType: text(data.get('activityType')) || null,
      labels: [
        ...new Set(
          text(data.get('labels'))
            .split(',')
            .map((label) => label.trim().toLowerCase())
            .filter(Boolean),
        ),
      ],
      milestoneId: text(data.get('milestoneId')) ? Number(data.get('milestoneId')) : null,
      parentId: text(data.get('parentId')) ? Number(data.get('parentId')) : null,
    };
    const changes: TaskChanges = {};
    for (const [field, value] of Object.entries(next)) {
      const before = base[field as keyof Task];
      const comparable = field === 'collaboratorIds' || field === 'labels' ? [...(value as unknown[])].sort() : value;
      const previous = Array.isArray(before) ? [...before].sort() : before;
      if (!sameValue(comparable, previous)) (changes as Record<string, unknown>)[field] = value;
    }
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    setPending(true);
    try {
      await save(changes, base.version);
      onDone();
    } catch (error) {
      form.fail(error);
    } finally {
      setPending(false);
    }
  }

  const memberOptions = members.map((member) => ({ value: String(member.userId), label: member.name }));
  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <SelectField
        label={t('taskView.fields.captainId')}
        pointer="/captainId"
        value={captainId}
        onChange={(event) => setCaptainId(event.target.value)}
        disabled={!canAssign}
        hint={canAssign ? t('taskView.details.captainHint') : t('taskView.details.assignOnly')}
        options={[{ value: '', label: t('taskView.noCaptain') }, ...memberOptions]}
        error={form.fieldError('/captainId')}
      />
      {canAssign && members.length > 1 ? (
        <CheckboxGroup
          legend={t('taskView.fields.collaboratorIds')}
          pointer="/collaboratorIds"
          options={memberOptions.filter((option) => option.value !== captainId)}
          defaultValues={base.collaboratorIds.map(String)}
          error={form.fieldError('/collaboratorIds') ?? form.fieldError('/collaboratorIds/0')}
        />
      ) : null}
      <div className="form-grid form-grid--tight">
        <TextField
          label={t('taskView.details.deadlineDate')}
          pointer="/deadline"
          type="date"
          defaultValue={deadlineDate ?? ''}
          error={form.fieldError('/deadline')}
        />
        <TextField
          label={t('taskView.details.deadlineTime')}
          pointer="/deadlineTime"
          type="time"
          defaultValue={deadlineTime ?? ''}
          hint={format.timeZone ? t('taskView.details.timeZone', { zone: format.timeZone }) : undefined}
        />
      </div>
      <TextField
        label={t('taskView.details.estimateHours')}
        pointer="/estimateMinutes"
        type="number"
        inputMode="decimal"
        min={0}
        step={0.25}
        defaultValue={base.estimateMinutes !== null ? String(Math.round((base.estimateMinutes / 60) * 100) / 100) : ''}
        error={form.fieldError('/estimateMinutes')}
      />
      <SelectField
        label={t('taskView.fields.activityType')}
        pointer="/activityType"
        defaultValue={base.activityType ?? ''}
        options={[
          { value: '', label: t('taskView.none') },
          ...(activityTypes.data ?? [])
            .filter((type) => type.active || type.key === base.activityType)
            .map((type) => ({ value: type.key, label: type.name })),
        ]}
        error={form.fieldError('/activityType')}
      />
      <TextField
        label={t('taskView.fields.labels')}
        pointer="/labels"
        defaultValue={base.labels.join(', ')}
        hint={t('taskView.details.labelsHint')}
        autoComplete="off"
        error={form.fieldError('/labels')}
      />
      <SelectField
        label={t('taskView.fields.milestoneId')}
        pointer="/milestoneId"
        defaultValue={base.milestoneId ? String(base.milestoneId) : ''}
        options={[
          { value: '', label: t('taskView.none') },
          ...(milestones.data ?? []).map((milestone) => ({ value: String(milestone.id), label: milestone.title })),
        ]}
        error={form.fieldError('/milestoneId')}
      />
      <SelectField
        label={t('taskView.fields.parentId')}
        pointer="/parentId"
        defaultValue={base.parentId ? String(base.parentId) : ''}
        options={[
          { value: '', label: t('taskView.none') },
          ...parents.map((other) => ({ value: String(other.id), label: `${other.reference} · ${other.title}` })),
          ...(base.parentId && !parents.some((other) => other.id === base.parentId)
            ? [{ value: String(base.parentId), label: `#${base.parentId}` }]
            : []),
        ]}
        error={form.fieldError('/parentId')}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
