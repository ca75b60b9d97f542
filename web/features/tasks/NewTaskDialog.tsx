import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ProjectMember } from '../../../shared/projects.js';
import { type CreateTaskBody, CreateTaskBodySchema } from '../../../shared/tasks.js';
import { CheckboxGroup, FormAlert, HoursField, SelectField, TextField } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { MarkdownField } from '../../components/MarkdownEditor.js';
import { Modal } from '../../components/Modal.js';
import { type ServerForm, useServerForm } from '../../components/use-server-form.js';
import { useSession } from '../auth/use-session.js';
import { useInvalidateAfterTaskCreated, useProjects } from '../projects/use-projects.js';
import { useActivityTypes, useDirectory, useMilestones, useProject } from './lookups.js';
import { deadlineFrom, idOrNull, labelsFrom, minutesFromHours } from './task-fields.js';
import { newIdempotencyKey, useCreateTask } from './use-tasks.js';

export interface NewTaskDefaults {
  milestoneId?: number;
}

/** A title that says who, what and for whom is rarely one or two words. */
function titleIsVague(title: string): boolean {
  const words = title.trim().split(/\s+/).filter(Boolean);
  return words.length < 3 || title.trim().length < 15;
}

type Piece = 'title' | 'description' | 'captain' | 'deadline';

/** What a node needs, as a checklist that explains each missing piece instead of refusing the save. */
function NodeChecklist({ done }: { done: Record<Piece, boolean> }) {
  const { t } = useTranslation();
  const pieces: Piece[] = ['title', 'description', 'captain', 'deadline'];
  const missing = pieces.filter((piece) => !done[piece]);
  return (
    <aside className="node-checklist" aria-labelledby="node-checklist-title">
      <h3 className="node-checklist__title" id="node-checklist-title">
        {t('newTask.checklist.heading')}
      </h3>
      <p className="node-checklist__intro">{t('newTask.checklist.intro')}</p>
      <ul className="node-checklist__items">
        {pieces.map((piece) => (
          <li key={piece} className={done[piece] ? 'node-check node-check--done' : 'node-check node-check--missing'}>
            <span className="node-check__mark" aria-hidden="true">
              {done[piece] ? '✓' : '!'}
            </span>
            <span className="node-check__text">
              <span className="node-check__name">
                {t(`newTask.checklist.items.${piece}.name`)}
                <span className="visually-hidden"> {done[piece] ? t('newTask.checklist.present') : t('newTask.checklist.missing')}</span>
              </span>
              {done[piece] ? null : <span className="node-check__why">{t(`newTask.checklist.items.${piece}.why`)}</span>}
            </span>
          </li>
        ))}
        <li className="node-check node-check--later">
          <span className="node-check__mark" aria-hidden="true">
            +
          </span>
          <span className="node-check__text">
            <span className="node-check__name">{t('newTask.checklist.items.documents.name')}</span>
            <span className="node-check__why">{t('newTask.checklist.items.documents.why')}</span>
          </span>
        </li>
      </ul>
      {!done.captain || !done.deadline ? (
        <p className="node-checklist__planned">{t('newTask.checklist.plannedOnly')}</p>
      ) : missing.length === 0 ? (
        <p className="node-checklist__ready">{t('newTask.checklist.ready')}</p>
      ) : null}
    </aside>
  );
}

interface NewTaskValues {
  projectId: string;
  title: string;
  description: string;
  captainId: string;
  collaboratorIds: string[];
  deadline: string;
  deadlineTime: string;
  estimateHours: string;
  activityType: string;
  milestoneId: string;
  labels: string;
}

type NewTaskForm = ServerForm<NewTaskValues, CreateTaskBody>;

function newTaskValues(projectId: number, defaults: NewTaskDefaults): NewTaskValues {
  return {
    projectId: String(projectId),
    title: '',
    description: '',
    captainId: '',
    collaboratorIds: [],
    deadline: '',
    deadlineTime: '',
    estimateHours: '',
    activityType: '',
    milestoneId: defaults.milestoneId ? String(defaults.milestoneId) : '',
    labels: '',
  };
}

/** The form as the create-task body: hours to minutes, ids to numbers, empty to null. */
function newTaskBody(values: NewTaskValues) {
  return {
    projectId: Number(values.projectId),
    title: values.title,
    description: values.description,
    captainId: idOrNull(values.captainId),
    collaboratorIds: values.collaboratorIds.filter((value) => value !== values.captainId).map(Number),
    deadline: deadlineFrom(values.deadline, values.deadlineTime),
    estimateMinutes: minutesFromHours(values.estimateHours),
    milestoneId: idOrNull(values.milestoneId),
    activityType: values.activityType.trim() || null,
    labels: labelsFrom(values.labels),
  };
}

/** What the task is: its project, a title that says who, what and for whom, and the description. */
function WhatFields({ form }: { form: NewTaskForm }) {
  const { t } = useTranslation();
  const projects = useProjects('all');
  const projectId = Number(form.watch('projectId'));
  const project = useProject(projectId);
  const title = form.watch('title');
  const projectOptions = (projects.data ?? []).filter((item) => item.state !== 'archived' || item.id === projectId);
  return (
    <>
      <SelectField
        label={t('newTask.fields.project')}
        {...form.register('projectId', {
          onChange: () => {
            form.setValue('captainId', '');
            form.setValue('collaboratorIds', []);
          },
        })}
        value={String(projectId)}
        options={
          projectOptions.length > 0
            ? projectOptions.map((item) => ({ value: String(item.id), label: `${item.key} · ${item.name}` }))
            : project.data
              ? [{ value: String(project.data.id), label: `${project.data.key} · ${project.data.name}` }]
              : []
        }
      />
      <TextField
        label={t('newTask.fields.title')}
        {...form.register('title')}
        required
        maxLength={200}
        autoComplete="off"
        autoFocus
        hint={
          title.trim().length > 0 && titleIsVague(title) ? (
            <span className="hint-warn">{t('newTask.fields.titleVague')}</span>
          ) : (
            t('newTask.fields.titleHint')
          )
        }
      />
      <MarkdownField
        control={form.control}
        name="description"
        label={t('newTask.fields.description')}
        rows={6}
        hint={t('newTask.fields.descriptionHint')}
      />
    </>
  );
}

/** Who is responsible and by when, and who helps. */
function WhoAndWhenFields({ form, members }: { form: NewTaskForm; members: readonly ProjectMember[] }) {
  const { t } = useTranslation();
  const me = useSession();
  const captainId = form.watch('captainId');
  return (
    <>
      <div className="form-grid">
        <SelectField
          label={t('newTask.fields.captain')}
          {...form.register('captainId')}
          value={captainId}
          hint={t('newTask.fields.captainHint')}
          options={[
            { value: '', label: t('newTask.fields.noCaptain') },
            ...members.map((member) => ({
              value: String(member.userId),
              label: member.userId === me.user.id ? t('tasks.you', { name: member.name }) : member.name,
            })),
          ]}
        />
        <fieldset className="field deadline-field" aria-describedby="deadline-hint">
          <legend className="field__label">{t('newTask.fields.deadline')}</legend>
          <div className="deadline-inputs">
            <TextField label={t('newTask.fields.deadlineDate')} {...form.register('deadline')} type="date" fieldClassName="field--inline" />
            <TextField
              label={t('newTask.fields.deadlineTime')}
              {...form.register('deadlineTime')}
              type="time"
              disabled={!form.watch('deadline')}
              fieldClassName="field--inline"
            />
          </div>
          <p className="field__hint" id="deadline-hint">
            {t('newTask.fields.deadlineHint', { zone: me.organization.timeZone })}
          </p>
        </fieldset>
      </div>
      {members.length > 1 ? (
        <CheckboxGroup
          legend={t('newTask.fields.collaborators')}
          hint={t('newTask.fields.collaboratorsHint')}
          {...form.register('collaboratorIds')}
          options={members
            .filter((member) => String(member.userId) !== captainId)
            .map((member) => ({ value: String(member.userId), label: member.name }))}
        />
      ) : null}
    </>
  );
}

/** How long, what kind of work, under which milestone, and labels to find it by. */
function PlanningFields({ form }: { form: NewTaskForm }) {
  const { t } = useTranslation();
  const projectId = Number(form.watch('projectId'));
  const milestones = useMilestones(projectId);
  const activityTypes = useActivityTypes();
  return (
    <div className="form-grid">
      <HoursField
        label={t('newTask.fields.estimate')}
        {...form.register('estimateHours')}
        step={0.25}
        hint={t('newTask.fields.estimateHint')}
      />
      <SelectField
        label={t('newTask.fields.activityType')}
        {...form.register('activityType')}
        options={[
          { value: '', label: t('newTask.fields.noActivityType') },
          ...(activityTypes.data ?? []).filter((type) => type.active).map((type) => ({ value: type.key, label: type.name })),
        ]}
      />
      <SelectField
        label={t('newTask.fields.milestone')}
        {...form.register('milestoneId')}
        // Mounted again once the milestones are in, so the default one is selected.
        key={`milestones-${projectId}-${milestones.data?.length ?? 0}`}
        options={[
          { value: '', label: t('newTask.fields.noMilestone') },
          ...(milestones.data ?? []).map((milestone) => ({ value: String(milestone.id), label: milestone.title })),
        ]}
      />
      <TextField label={t('newTask.fields.labels')} {...form.register('labels')} autoComplete="off" hint={t('newTask.fields.labelsHint')} />
    </div>
  );
}

function NewTaskForm({ projectId, defaults, onClose }: { projectId: number; defaults: NewTaskDefaults; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTask();
  const afterCreated = useInvalidateAfterTaskCreated();
  const directory = useDirectory();
  const form = useServerForm({
    schema: CreateTaskBodySchema,
    defaultValues: newTaskValues(projectId, defaults),
    toBody: newTaskBody,
    messages: {
      '/title': t('newTask.fields.titleTooShort'),
      '/estimateMinutes': t('newTask.fields.estimateInvalid'),
      '/labels': t('newTask.fields.labelsInvalid'),
    },
    fields: { '/estimateMinutes': 'estimateHours' },
  });
  const project = useProject(Number(form.watch('projectId')));
  // One key per form: a double click or a retried request creates the task once. “Create another” starts a new form.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [created, setCreated] = useState<{ reference: string; title: string } | null>(null);

  const members = useMemo(() => {
    const names = new Map((directory.data ?? []).map((person) => [person.id, person]));
    return (project.data?.members ?? [])
      .filter((member) => names.get(member.userId)?.active !== false)
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [project.data, directory.data]);

  const [title, description, captainId, deadline] = form.watch(['title', 'description', 'captainId', 'deadline']);
  const done: Record<Piece, boolean> = {
    title: title.trim().length >= 3 && !titleIsVague(title),
    description: description.trim().length > 0,
    captain: captainId !== '',
    deadline: deadline !== '',
  };

  const createTask = (another: boolean) => async (body: CreateTaskBody) => {
    const task = await create.mutateAsync({ body, idempotencyKey });
    afterCreated(task.projectId, task.milestoneId);
    if (!another) {
      onClose();
      navigate(`/tasks/${task.id}`);
      return;
    }
    setCreated({ reference: task.reference, title: task.title });
    setIdempotencyKey(newIdempotencyKey());
    form.reset(newTaskValues(Number(form.getValues('projectId')), defaults));
    form.setFocus('title');
  };

  return (
    <Form form={form} className="form new-task-form" summary={false} onSubmit={createTask(false)}>
      <div role="status" className="status-region">
        {created ? <p className="alert alert--success">{t('newTask.createdAnother', created)}</p> : null}
      </div>
      <FormAlert message={form.formError} />
      <div className="new-task-layout">
        <div className="new-task-fields">
          <WhatFields form={form} />
          <WhoAndWhenFields form={form} members={members} />
          <PlanningFields form={form} />
        </div>
        <NodeChecklist done={done} />
      </div>
      <div className="actions actions--end new-task-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button" disabled={create.isPending} onClick={() => void form.submit(createTask(true))()}>
          {t('newTask.submitAnother')}
        </button>
        <SubmitButton pending={create.isPending} label={t('newTask.submit')} pendingLabel={t('newTask.submitting')} />
      </div>
    </Form>
  );
}

export interface NewTaskDialogProps {
  open: boolean;
  projectId: number;
  defaults?: NewTaskDefaults;
  onClose: () => void;
}

/** The new-task form in a dialog: it teaches what makes a task a clear node and lets a planned task be saved unfinished. */
export function NewTaskDialog({ open, projectId, defaults = {}, onClose }: NewTaskDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('newTask.title')} description={<p>{t('newTask.description')}</p>} onClose={onClose}>
      <NewTaskForm projectId={projectId} defaults={defaults} onClose={onClose} />
    </Modal>
  );
}
