import { errorMessage } from '../../components/errors.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CreateMilestoneBodySchema, type Milestone } from '../../../shared/projects.js';
import { TextField } from '../../components/Field.js';
import { Form, FormActions } from '../../components/Form.js';
import { ConfirmDialog, Modal } from '../../components/Modal.js';
import { ErrorNotice, Loading } from '../../components/Page.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useFormat } from '../auth/use-session.js';
import { Markdown } from '../../components/Markdown.js';
import { useMilestones } from '../tasks/lookups.js';
import { newIdempotencyKey } from '../tasks/use-tasks.js';
import { todayIn } from '../../../shared/deadline.js';
import { formatCalendar } from '../../components/format.js';
import { canManage } from '../projects/labels.js';
import { useProjectContext } from '../projects/ProjectPage.js';
import { useCreateMilestone, useDeleteMilestone, useUpdateMilestone } from '../projects/use-projects.js';

function MilestoneForm({ projectId, milestone, onDone }: { projectId: number; milestone: Milestone | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateMilestone(projectId);
  const update = useUpdateMilestone(projectId);
  // An edit sends every field, so the create rules are the edit's too.
  const form = useServerForm({
    schema: CreateMilestoneBodySchema,
    defaultValues: { title: milestone?.title ?? '', dueDate: milestone?.dueDate ?? '', deliverables: milestone?.deliverables ?? '' },
    toBody: (values) => ({ ...values, dueDate: values.dueDate || null }),
  });
  const [idempotencyKey] = useState(newIdempotencyKey);
  const pending = create.isPending || update.isPending;

  return (
    <Form
      form={form}
      onSubmit={async (body) => {
        await (milestone ? update.mutateAsync({ id: milestone.id, body }) : create.mutateAsync({ body, idempotencyKey }));
        onDone();
      }}
    >
      <TextField
        label={t('milestones.fields.title')}
        {...form.register('title')}
        required
        autoComplete="off"
        hint={t('milestones.fields.titleHint')}
      />
      <TextField label={t('milestones.fields.dueDate')} {...form.register('dueDate')} type="date" />
      <TextField
        multiline
        label={t('milestones.fields.deliverables')}
        {...form.register('deliverables')}
        rows={5}
        hint={t('milestones.fields.deliverablesHint')}
      />
      <FormActions end onCancel={onDone} pending={pending} label={milestone ? t('common.save') : t('milestones.create')} />
    </Form>
  );
}

function ProgressBar({ closed, total, label }: { closed: number; total: number; label: string }) {
  const { t } = useTranslation();
  const percent = total === 0 ? 0 : Math.round((closed / total) * 100);
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={closed}
        aria-valuetext={t('milestones.progress', { closed, total, percent })}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">{total === 0 ? t('milestones.noTasks') : t('milestones.progress', { closed, total, percent })}</span>
    </div>
  );
}

function MilestoneCard({
  milestone,
  projectId,
  manager,
  today,
  onEdit,
  onDelete,
}: {
  milestone: Milestone;
  projectId: number;
  manager: boolean;
  today: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const complete = milestone.progress.total > 0 && milestone.progress.closed === milestone.progress.total;
  const late = milestone.dueDate !== null && milestone.dueDate < today && !complete;
  const titleId = `milestone-${milestone.id}`;
  return (
    <li className="milestone card" aria-labelledby={titleId}>
      <div className="milestone__head">
        <h3 className="milestone__title" id={titleId}>
          {milestone.title}
        </h3>
        {milestone.dueDate ? (
          <span className={late ? 'deadline deadline--overdue' : 'deadline'}>
            {t('milestones.due', { date: formatCalendar(i18n.language, milestone.dueDate) })}
            {late ? <span className="deadline__flag">{t('milestones.late')}</span> : null}
          </span>
        ) : (
          <span className="muted">{t('milestones.noDueDate')}</span>
        )}
      </div>
      <ProgressBar
        closed={milestone.progress.closed}
        total={milestone.progress.total}
        label={t('milestones.progressOf', { title: milestone.title })}
      />
      {milestone.deliverables ? (
        <div className="milestone__deliverables">
          <h4 className="milestone__subtitle">{t('milestones.fields.deliverables')}</h4>
          <Markdown>{milestone.deliverables}</Markdown>
        </div>
      ) : null}
      <div className="actions">
        <Link className="button button--small" to={`/projects/${projectId}/list?milestoneId=${milestone.id}&status=all`}>
          {t('milestones.showTasks')}
          <span className="visually-hidden"> {milestone.title}</span>
        </Link>
        {manager ? (
          <>
            <button type="button" className="button button--small" onClick={onEdit}>
              {t('milestones.edit')}
              <span className="visually-hidden"> {milestone.title}</span>
            </button>
            <button type="button" className="button button--small button--danger-outline" onClick={onDelete}>
              {t('milestones.delete')}
              <span className="visually-hidden"> {milestone.title}</span>
            </button>
          </>
        ) : null}
      </div>
    </li>
  );
}

export function MilestonesTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const { project } = useProjectContext();
  const manager = canManage(project);
  const milestones = useMilestones(project.id);
  const remove = useDeleteMilestone(project.id);
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Milestone | null>(null);
  const today = todayIn(format.timeZone);

  return (
    <section aria-labelledby="milestones-title">
      <div className="tab-header">
        <h2 className="tab-header__title" id="milestones-title">
          {t('projects.tabs.milestones')}
        </h2>
        {manager ? (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            {t('milestones.new')}
          </button>
        ) : null}
      </div>
      <p className="muted tab-intro">{t('milestones.intro')}</p>
      {milestones.isPending ? (
        <Loading />
      ) : milestones.isError ? (
        <ErrorNotice message={errorMessage(milestones.error)} onRetry={() => void milestones.refetch()} />
      ) : milestones.data.length === 0 ? (
        <div className="empty-state">
          <p>{manager ? t('milestones.emptyManager') : t('milestones.empty')}</p>
        </div>
      ) : (
        <ul className="milestones">
          {milestones.data.map((milestone) => (
            <MilestoneCard
              key={milestone.id}
              milestone={milestone}
              projectId={project.id}
              manager={manager}
              today={today}
              onEdit={() => setEditing(milestone)}
              onDelete={() => {
                remove.reset();
                setDeleting(milestone);
              }}
            />
          ))}
        </ul>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('milestones.newTitle') : editing ? t('milestones.editTitle', { title: editing.title }) : ''}
        onClose={() => setEditing(null)}
      >
        {editing !== null ? (
          <MilestoneForm projectId={project.id} milestone={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        ) : null}
      </Modal>
      <ConfirmDialog
        open={deleting !== null}
        title={t('milestones.deleteTitle', { title: deleting?.title ?? '' })}
        body={<p>{t('milestones.deleteBody')}</p>}
        confirmLabel={t('milestones.delete')}
        pendingLabel={t('milestones.deleting')}
        danger
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await remove.mutateAsync(deleting.id);
            setDeleting(null);
          } catch {
            // Shown in the dialog.
          }
        }}
      />
    </section>
  );
}
