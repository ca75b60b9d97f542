import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Task, UpdateTaskBodySchema } from '../../../../shared/tasks.js';
import { CheckboxGroup, HoursField, SelectField, TextField } from '../../../components/Field.js';
import { Form, FormActions } from '../../../components/Form.js';
import { useServerForm } from '../../../components/use-server-form.js';
import { useFormat } from '../../auth/use-session.js';
import { DeadlineMark } from '../DeadlineMark.js';
import { useActivityTypes, useMilestones } from '../lookups.js';
import { deadlineFrom, idOrNull, labelsFrom, minutesFromHours } from '../task-fields.js';
import { listItems, useTaskList } from '../use-tasks.js';
import { type TaskChanges, useTaskView } from './task-context.js';
import { useMinutes, usePeopleNames } from './use-field-format.js';

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

function detailValues(task: Task) {
  const [deadline = '', deadlineTime = ''] = (task.deadline ?? '').split('T');
  return {
    captainId: task.captainId ? String(task.captainId) : '',
    collaboratorIds: task.collaboratorIds.map(String),
    deadline,
    deadlineTime,
    estimateMinutes: task.estimateMinutes !== null ? String(Math.round((task.estimateMinutes / 60) * 100) / 100) : '',
    activityType: task.activityType ?? '',
    labels: task.labels.join(', '),
    milestoneId: task.milestoneId ? String(task.milestoneId) : '',
    parentId: task.parentId ? String(task.parentId) : '',
  };
}

type DetailValues = ReturnType<typeof detailValues>;

/** The form as the task's fields: ids as numbers, the estimate in minutes, empty as null. */
function detailChanges(values: DetailValues): Record<string, unknown> {
  return {
    captainId: idOrNull(values.captainId),
    collaboratorIds: values.collaboratorIds.filter((value) => value !== values.captainId).map(Number),
    deadline: deadlineFrom(values.deadline, values.deadlineTime),
    estimateMinutes: minutesFromHours(values.estimateMinutes),
    activityType: values.activityType.trim() || null,
    labels: labelsFrom(values.labels),
    milestoneId: idOrNull(values.milestoneId),
    parentId: idOrNull(values.parentId),
  };
}

function DetailsForm({ base, onDone }: { base: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const { project, canAssign, save } = useTaskView();
  const format = useFormat();
  const milestones = useMilestones(base.projectId);
  const activityTypes = useActivityTypes();
  const projectTasks = useTaskList({ projectId: base.projectId, sort: 'project', limit: 500 });
  const form = useServerForm({
    schema: UpdateTaskBodySchema,
    defaultValues: detailValues(base),
    toBody: detailChanges,
    messages: { '/estimateMinutes': t('taskView.details.estimateInvalid') },
  });
  const captainId = form.watch('captainId');
  const members = project?.members ?? [];
  const parents = listItems(projectTasks.data).filter((other) => other.id !== base.id);

  async function onSubmit(next: TaskChanges) {
    const changes: TaskChanges = {};
    for (const [field, value] of Object.entries(next)) {
      const before = base[field as keyof Task];
      const comparable = Array.isArray(value) ? [...value].sort() : value;
      const previous = Array.isArray(before) ? [...before].sort() : before;
      if (!sameValue(comparable, previous)) (changes as Record<string, unknown>)[field] = value;
    }
    if (Object.keys(changes).length > 0) await save(changes, base.version);
    onDone();
  }

  const memberOptions = members.map((member) => ({ value: String(member.userId), label: member.name }));
  const none = { value: '', label: t('taskView.none') };
  return (
    <Form form={form} onSubmit={onSubmit}>
      <SelectField
        label={t('taskView.fields.captainId')}
        {...form.register('captainId')}
        disabled={!canAssign}
        hint={canAssign ? t('taskView.details.captainHint') : t('taskView.details.assignOnly')}
        options={[{ value: '', label: t('taskView.noCaptain') }, ...memberOptions]}
      />
      {canAssign && members.length > 1 ? (
        <CheckboxGroup
          legend={t('taskView.fields.collaboratorIds')}
          {...form.register('collaboratorIds')}
          options={memberOptions.filter((option) => option.value !== captainId)}
        />
      ) : null}
      <div className="form-grid form-grid--tight">
        <TextField label={t('taskView.details.deadlineDate')} {...form.register('deadline')} type="date" />
        <TextField
          label={t('taskView.details.deadlineTime')}
          {...form.register('deadlineTime')}
          type="time"
          hint={format.timeZone ? t('taskView.details.timeZone', { zone: format.timeZone }) : undefined}
        />
      </div>
      <HoursField label={t('taskView.details.estimateHours')} {...form.register('estimateMinutes')} step={0.25} />
      <SelectField
        label={t('taskView.fields.activityType')}
        {...form.register('activityType')}
        options={[
          none,
          ...(activityTypes.data ?? [])
            .filter((type) => type.active || type.key === base.activityType)
            .map((type) => ({ value: type.key, label: type.name })),
        ]}
      />
      <TextField
        label={t('taskView.fields.labels')}
        {...form.register('labels')}
        hint={t('taskView.details.labelsHint')}
        autoComplete="off"
      />
      <SelectField
        label={t('taskView.fields.milestoneId')}
        {...form.register('milestoneId')}
        options={[none, ...(milestones.data ?? []).map((milestone) => ({ value: String(milestone.id), label: milestone.title }))]}
      />
      <SelectField
        label={t('taskView.fields.parentId')}
        {...form.register('parentId')}
        options={[
          none,
          ...parents.map((other) => ({ value: String(other.id), label: `${other.reference} · ${other.title}` })),
          ...(base.parentId && !parents.some((other) => other.id === base.parentId)
            ? [{ value: String(base.parentId), label: `#${base.parentId}` }]
            : []),
        ]}
      />
      <FormActions onCancel={onDone} pending={form.formState.isSubmitting} />
    </Form>
  );
}
