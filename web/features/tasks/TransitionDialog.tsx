import { useId, useState } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type ChangeStatusBody,
  ChangeStatusBodySchema,
  ReviewBodySchema,
  type Task,
  type TaskSummary,
  WaitingOnSchema,
} from '../../../shared/tasks.js';
import type { Transition } from '../../../shared/workflow.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Form, FormActions } from '../../components/Form.js';
import { Modal } from '../../components/Modal.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useSession } from '../auth/use-session.js';
import { actionLabel, statusLabel } from './labels.js';
import { useDirectory } from './lookups.js';
import { useChangeStatus, useReview } from './use-tasks.js';

type DialogTask = Pick<TaskSummary, 'id' | 'reference' | 'title' | 'status'>;

export interface TransitionDialogProps {
  /** The task and the move to make; nothing shows while either is null. */
  task: DialogTask | null;
  transition: Transition | null;
  onClose: () => void;
  onDone?: (task: Task) => void;
}

type WaitingKind = 'person' | 'external';

interface TransitionValues {
  feedback: string;
  reason: string;
  waitingOn: { userId: string; external: string };
}

const DEFAULT_VALUES: TransitionValues = { feedback: '', reason: '', waitingOn: { userId: '', external: '' } };

const RequiredReason = ChangeStatusBodySchema.shape.reason.unwrap().min(1);
const RequiredFeedback = ReviewBodySchema.shape.feedback.unwrap().min(1);

/** The status change as the server checks it, with what this move needs made required. */
function statusSchema(needs: Transition['needs'], kind: WaitingKind): z.ZodType<ChangeStatusBody> {
  if (needs === 'waiting') {
    return ChangeStatusBodySchema.extend({ reason: RequiredReason, waitingOn: WaitingOnSchema.options[kind === 'external' ? 1 : 0] });
  }
  return needs === 'reason' ? ChangeStatusBodySchema.extend({ reason: RequiredReason }) : ChangeStatusBodySchema;
}

function WaitingFields({
  register,
  kind,
  onKind,
}: {
  register: UseFormRegister<TransitionValues>;
  kind: WaitingKind;
  onKind: (kind: WaitingKind) => void;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const directory = useDirectory();
  const legendId = useId();
  const people = (directory.data ?? []).filter((person) => person.active && person.role !== 'client');
  return (
    <>
      <TextField
        multiline
        label={t('tasks.transition.waitingReason')}
        hint={t('tasks.transition.waitingReasonHint')}
        {...register('reason')}
        rows={3}
        maxLength={5000}
        required
        autoFocus
      />
      <fieldset className="field" aria-labelledby={legendId}>
        <legend className="field__label" id={legendId}>
          {t('tasks.transition.waitingOn')}
        </legend>
        <div className="choice-group__items">
          {(['person', 'external'] as const).map((value) => (
            <label className="choice" key={value}>
              <input type="radio" name="waitingKind" value={value} checked={kind === value} onChange={() => onKind(value)} />
              <span>{t(value === 'person' ? 'tasks.transition.waitingOnPerson' : 'tasks.transition.waitingOnExternal')}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {kind === 'person' ? (
        <SelectField
          label={t('tasks.transition.person')}
          {...register('waitingOn.userId')}
          disabled={directory.isPending}
          options={[
            { value: '', label: directory.isPending ? t('common.loading') : t('tasks.transition.choosePerson') },
            ...people.map((person) => ({
              value: String(person.id),
              label: person.id === me.user.id ? t('tasks.you', { name: person.name }) : person.name,
            })),
          ]}
        />
      ) : (
        <TextField
          label={t('tasks.transition.external')}
          hint={t('tasks.transition.externalHint')}
          {...register('waitingOn.external')}
          maxLength={200}
          autoComplete="off"
        />
      )}
    </>
  );
}

/**
 * Asks for what a workflow move needs (why it waits and on whom, review feedback, the reason to
 * cancel or reopen), then makes the move; server field errors land on their fields.
 */
export function TransitionDialog({ task, transition, onClose, onDone }: TransitionDialogProps) {
  const { t } = useTranslation();
  const open = task !== null && transition !== null;
  return (
    <Modal
      open={open}
      title={transition ? t(`tasks.transition.title.${transition.action}`) : ''}
      description={
        task && transition ? (
          <p>
            <span className="task-ref">{task.reference}</span> {task.title} · {statusLabel(task.status)} → {statusLabel(transition.to)}
          </p>
        ) : null
      }
      onClose={onClose}
    >
      {task && transition ? <TransitionForm task={task} transition={transition} onClose={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

interface TransitionFormProps {
  task: DialogTask;
  transition: Transition;
  onClose: () => void;
  /** The move is made: tell the opener and close. */
  onMoved: (task: Task) => void;
}

function TransitionActions({ transition, pending, onClose }: { transition: Transition; pending: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormActions
      end
      onCancel={onClose}
      pending={pending}
      label={actionLabel(transition.action)}
      pendingLabel={t('tasks.transition.pending')}
      className={transition.action === 'cancel' ? 'button button--danger' : 'button button--primary'}
    />
  );
}

function TransitionForm({ onDone, ...props }: Omit<TransitionFormProps, 'onMoved'> & { onDone: ((task: Task) => void) | undefined }) {
  const onMoved = (task: Task) => {
    onDone?.(task);
    props.onClose();
  };
  return props.transition.via === 'review' ? <ReviewForm {...props} onMoved={onMoved} /> : <StatusForm {...props} onMoved={onMoved} />;
}

/** Approve, or request changes with the feedback the captain works from. */
function ReviewForm({ task, transition, onClose, onMoved }: TransitionFormProps) {
  const { t } = useTranslation();
  const review = useReview();
  const form = useServerForm({
    schema: transition.needs === 'feedback' ? ReviewBodySchema.extend({ feedback: RequiredFeedback }) : ReviewBodySchema,
    defaultValues: DEFAULT_VALUES,
    toBody: (values) => ({
      decision: transition.action === 'approve' ? 'approve' : 'request_changes',
      feedback: values.feedback.trim() || undefined,
    }),
    messages: { '/feedback': t('tasks.transition.feedbackRequired') },
  });
  return (
    <Form form={form} onSubmit={async (body) => onMoved(await review.mutateAsync({ id: task.id, ...body }))}>
      {transition.needs === 'feedback' ? (
        <TextField
          multiline
          label={t('tasks.transition.feedback')}
          hint={t('tasks.transition.feedbackHint')}
          {...form.register('feedback')}
          rows={5}
          maxLength={20_000}
          required
          autoFocus
        />
      ) : (
        <p>{t(`tasks.transition.confirm.${transition.action}`)}</p>
      )}
      <TransitionActions transition={transition} pending={review.isPending} onClose={onClose} />
    </Form>
  );
}

/** A status change, with the reason and whom the work waits on where the move needs them. */
function StatusForm({ task, transition, onClose, onMoved }: TransitionFormProps) {
  const { t } = useTranslation();
  const changeStatus = useChangeStatus();
  const [kind, setKind] = useState<WaitingKind>('person');
  const waiting = transition.needs === 'waiting';
  const form = useServerForm({
    schema: statusSchema(transition.needs, kind),
    defaultValues: DEFAULT_VALUES,
    toBody: ({ reason, waitingOn }) => ({
      status: transition.to,
      reason: reason.trim() || undefined,
      ...(waiting && {
        waitingOn:
          kind === 'external' ? { external: waitingOn.external } : { userId: waitingOn.userId ? Number(waitingOn.userId) : undefined },
      }),
    }),
    messages: waiting
      ? {
          '/reason': t('tasks.transition.waitingReasonRequired'),
          '/waitingOn/userId': t('tasks.transition.personRequired'),
          '/waitingOn/external': t('tasks.transition.externalRequired'),
        }
      : { '/reason': t('validation.required') },
  });
  return (
    <Form form={form} onSubmit={async (body) => onMoved(await changeStatus.mutateAsync({ id: task.id, ...body }))}>
      {waiting ? <WaitingFields register={form.register} kind={kind} onKind={setKind} /> : null}
      {transition.needs === 'reason' ? (
        <TextField
          multiline
          label={t(`tasks.transition.reason.${transition.action === 'reopen' ? 'reopen' : 'cancel'}`)}
          {...form.register('reason')}
          rows={3}
          maxLength={5000}
          required
          autoFocus
        />
      ) : null}
      {transition.needs === undefined ? <p>{t(`tasks.transition.confirm.${transition.action}`)}</p> : null}
      <TransitionActions transition={transition} pending={changeStatus.isPending} onClose={onClose} />
    </Form>
  );
}
