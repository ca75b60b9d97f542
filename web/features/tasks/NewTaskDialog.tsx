import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateTaskBodySchema } from '../../../shared/tasks.js';
import { FormAlert, SelectField, TextField } from '../../components/Field.js';
import { Modal } from '../../components/Modal.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useSession } from '../auth/use-session.js';
import { MarkdownEditor } from '../../components/MarkdownEditor.js';
import { useActivityTypes, useDirectory, useMilestones, useProject } from './lookups.js';
import { newIdempotencyKey, useCreateTask } from './use-tasks.js';
import { useInvalidateAfterTaskCreated, useProjects } from '../projects/use-projects.js';

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

function NewTaskForm({
  projectId: initialProjectId,
  defaults,
  onClose,
}: {
  projectId: number;
  defaults: NewTaskDefaults;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const form = useFormErrors();
  const create = useCreateTask();
  const afterCreated = useInvalidateAfterTaskCreated();
  const projects = useProjects('all');
  const [projectId, setProjectId] = useState(initialProjectId);
  const project = useProject(projectId);
  const milestones = useMilestones(projectId);
  const activityTypes = useActivityTypes();
  const directory = useDirectory();
  // One key per form: a double click or a retried request creates the task once. “Create another” starts a new form.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [formKey, setFormKey] = useState(0);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [captainId, setCaptainId] = useState('');
  const [collaborators, setCollaborators] = useState<number[]>([]);
  const [deadlineDate, setDeadlineDate] = useState('');
  const [created, setCreated] = useState<{ reference: string; title: string } | null>(null);
  // Enter submits with the primary button (create and open); “Create and add another” sets this first.
  const intent = useRef<'open' | 'another'>('open');

  const members = useMemo(() => {
    const names = new Map((directory.data ?? []).map((person) => [person.id, person]));
    return (project.data?.members ?? [])
      .filter((member) => names.get(member.userId)?.active !== false)
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [project.data, directory.data]);
  const projectOptions = (projects.data ?? []).filter((item) => item.state !== 'archived' || item.id === projectId);

  const done: Record<Piece, boolean> = {
    title: title.trim().length >= 3 && !titleIsVague(title),
    description: description.trim().length > 0,
    captain: captainId !== '',
    deadline: deadlineDate !== '',
  };

  async function submit(event: React.FormEvent<HTMLFormElement>, another: boolean) {
    const data = new FormData(event.currentTarget);
    const text = (field: string) => String(data.get(field) ?? '').trim();
    const time = text('deadlineTime');
    const estimateHours = text('estimateHours').replace(',', '.');
    const estimate = estimateHours === '' ? null : Math.round(Number(estimateHours) * 60);
    const body = form.validate(
      CreateTaskBodySchema,
      {
        projectId,
        title,
        description,
        captainId: captainId ? Number(captainId) : null,
        collaboratorIds: collaborators.filter((id) => String(id) !== captainId),
        deadline: deadlineDate ? (time ? `${deadlineDate}T${time}` : deadlineDate) : null,
        estimateMinutes: Number.isNaN(estimate) ? Number.NaN : estimate,
        milestoneId: text('milestoneId') ? Number(text('milestoneId')) : null,
        activityType: text('activityType') || null,
        labels: text('labels')
          .split(',')
          .map((label) => label.trim())
          .filter(Boolean),
      },
      {
        '/title': t('newTask.fields.titleTooShort'),
        '/estimateMinutes': t('newTask.fields.estimateInvalid'),
        '/labels': t('newTask.fields.labelsInvalid'),
      },
    );
    if (!body) return;
    try {
      const task = await create.mutateAsync({ body, idempotencyKey });
      afterCreated(task.projectId, task.milestoneId);
      if (another) {
        setCreated({ reference: task.reference, title: task.title });
        setIdempotencyKey(newIdempotencyKey());
        setTitle('');
        setDescription('');
        setCaptainId('');
        setCollaborators([]);
        setDeadlineDate('');
        setFormKey((key) => key + 1);
        form.clear();
      } else {
        onClose();
        navigate(`/tasks/${task.id}`);
      }
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form
      ref={form.formRef}
      className="form new-task-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const another = intent.current === 'another';
        intent.current = 'open';
        void submit(event, another);
      }}
    >
      <div role="status" className="status-region">
        {created ? <p className="alert alert--success">{t('newTask.createdAnother', created)}</p> : null}
      </div>
      <FormAlert message={form.formError} />
      <div className="new-task-layout">
        <div className="new-task-fields" key={formKey}>
          <SelectField
            label={t('newTask.fields.project')}
            pointer="/projectId"
            value={String(projectId)}
            onChange={(event) => {
              setProjectId(Number(event.target.value));
              setCaptainId('');
              setCollaborators([]);
            }}
            options={
              projectOptions.length > 0
                ? projectOptions.map((item) => ({ value: String(item.id), label: `${item.key} · ${item.name}` }))
                : project.data
                  ? [{ value: String(project.data.id), label: `${project.data.key} · ${project.data.name}` }]
                  : []
            }
            error={form.fieldError('/projectId')}
          />
          <TextField
            label={t('newTask.fields.title')}
            pointer="/title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
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
            error={form.fieldError('/title')}
          />
          <MarkdownEditor
            label={t('newTask.fields.description')}
            name="description"
            rows={6}
            value={description}
            onChange={setDescription}
            hint={t('newTask.fields.descriptionHint')}
            error={form.fieldError('/description')}
          />
          <div className="form-grid">
            <SelectField
              label={t('newTask.fields.captain')}
              pointer="/captainId"
              value={captainId}
              onChange={(event) => setCaptainId(event.target.value)}
              hint={t('newTask.fields.captainHint')}
              options={[
                { value: '', label: t('newTask.fields.noCaptain') },
                ...members.map((member) => ({
                  value: String(member.userId),
                  label: member.userId === me.user.id ? t('tasks.you', { name: member.name }) : member.name,
                })),
              ]}
              error={form.fieldError('/captainId')}
            />
            <fieldset className="field deadline-field" aria-describedby="deadline-hint">
              <legend className="field__label">{t('newTask.fields.deadline')}</legend>
              <div className="deadline-inputs">
                <TextField
                  label={t('newTask.fields.deadlineDate')}
                  pointer="/deadline"
                  type="date"
                  value={deadlineDate}
                  onChange={(event) => setDeadlineDate(event.target.value)}
                  error={form.fieldError('/deadline')}
                  fieldClassName="field--inline"
                />
                <TextField
                  label={t('newTask.fields.deadlineTime')}
                  pointer="/deadlineTime"
                  type="time"
                  disabled={!deadlineDate}
                  fieldClassName="field--inline"
                />
              </div>
              <p className="field__hint" id="deadline-hint">
                {t('newTask.fields.deadlineHint', { zone: me.organization.timeZone })}
              </p>
            </fieldset>
          </div>
          {members.length > 1 ? (
            <fieldset className="field choice-group">
              <legend className="field__label">{t('newTask.fields.collaborators')}</legend>
              <p className="field__hint">{t('newTask.fields.collaboratorsHint')}</p>
              <div className="choice-group__items">
                {members
                  .filter((member) => String(member.userId) !== captainId)
                  .map((member) => (
                    <label className="choice" key={member.userId}>
                      <input
                        type="checkbox"
                        name="collaboratorIds"
                        value={member.userId}
                        checked={collaborators.includes(member.userId)}
                        onChange={(event) =>
                          setCollaborators((list) =>
                            event.target.checked ? [...list, member.userId] : list.filter((id) => id !== member.userId),
                          )
                        }
                      />
                      <span>{member.name}</span>
                    </label>
                  ))}
              </div>
              {form.fieldError('/collaboratorIds') ? <p className="field__error">{form.fieldError('/collaboratorIds')}</p> : null}
            </fieldset>
          ) : null}
          <div className="form-grid">
            <TextField
              label={t('newTask.fields.estimate')}
              pointer="/estimateHours"
              type="number"
              inputMode="decimal"
              min={0}
              step={0.25}
              hint={t('newTask.fields.estimateHint')}
              error={form.fieldError('/estimateMinutes')}
            />
            <SelectField
              label={t('newTask.fields.activityType')}
              pointer="/activityType"
              defaultValue=""
              options={[
                { value: '', label: t('newTask.fields.noActivityType') },
                ...(activityTypes.data ?? []).filter((type) => type.active).map((type) => ({ value: type.key, label: type.name })),
              ]}
              error={form.fieldError('/activityType')}
            />
            <SelectField
              label={t('newTask.fields.milestone')}
              pointer="/milestoneId"
              defaultValue={defaults.milestoneId ? String(defaults.milestoneId) : ''}
              key={`milestones-${projectId}-${milestones.data?.length ?? 0}`}
              options={[
                { value: '', label: t('newTask.fields.noMilestone') },
                ...(milestones.data ?? []).map((milestone) => ({ value: String(milestone.id), label: milestone.title })),
              ]}
              error={form.fieldError('/milestoneId')}
            />
            <TextField
              label={t('newTask.fields.labels')}
              pointer="/labels"
              autoComplete="off"
              hint={t('newTask.fields.labelsHint')}
              error={form.fieldError('/labels')}
            />
          </div>
        </div>
        <NodeChecklist done={done} />
      </div>
      <div className="actions actions--end new-task-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button"
          disabled={create.isPending}
          onClick={() => {
            intent.current = 'another';
            form.formRef.current?.requestSubmit();
          }}
        >
          {t('newTask.submitAnother')}
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('newTask.submitting') : t('newTask.submit')}
        </button>
      </div>
    </form>
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
