import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Task, TaskSummary } from '../../../shared/tasks.js';
import type { Transition } from '../../../shared/workflow.js';
import { FormAlert, SelectField, TextField } from '../../components/Field.js';
import { Modal } from '../../components/Modal.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useSession } from '../auth/use-session.js';
import { actionLabel, statusLabel } from './labels.js';
import { useDirectory } from './lookups.js';
import { TextAreaField } from './TextAreaField.js';
import { useChangeStatus, useReview } from './use-tasks.js';

type DialogTask = Pick<TaskSummary, 'id' | 'reference' | 'title' | 'status'>;

export interface TransitionDialogProps {
  /** The task and the move to make; nothing shows while either is null. */
  task: DialogTask | null;
  transition: Transition | null;
  onClose: () => void;
  onDone?: (task: Task) => void;
}

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');

function WaitingFields({ error }: { error: (pointer: string) => string | undefined }) {
  const { t } = useTranslation();
  const me = useSession();
  const directory = useDirectory();
  const [kind, setKind] = useState<'person' | 'external'>('person');
  const legendId = useId();
  const people = (directory.data ?? []).filter((person) => person.active && person.role !== 'client');
  return (
    <>
      <TextAreaField
        label={t('tasks.transition.waitingReason')}
        hint={t('tasks.transition.waitingReasonHint')}
        pointer="/reason"
        rows={3}
        maxLength={5000}
        required
        error={error('/reason')}
        autoFocus
      />
      <fieldset className="field" aria-labelledby={legendId}>
        <legend className="field__label" id={legendId}>
          {t('tasks.transition.waitingOn')}
        </legend>
        <div className="choice-group__items">
          <label className="choice">
            <input type="radio" name="waitingKind" value="person" checked={kind === 'person'} onChange={() => setKind('person')} />
            <span>{t('tasks.transition.waitingOnPerson')}</span>
          </label>
          <label className="choice">
            <input type="radio" name="waitingKind" value="external" checked={kind === 'external'} onChange={() => setKind('external')} />
            <span>{t('tasks.transition.waitingOnExternal')}</span>
          </label>
        </div>
      </fieldset>
      {kind === 'person' ? (
        <SelectField
          label={t('tasks.transition.person')}
          pointer="/waitingOn/userId"
          disabled={directory.isPending}
          options={[
            { value: '', label: directory.isPending ? t('common.loading') : t('tasks.transition.choosePerson') },
            ...people.map((person) => ({
              value: String(person.id),
              label: person.id === me.user.id ? t('tasks.you', { name: person.name }) : person.name,
            })),
          ]}
          defaultValue=""
          error={error('/waitingOn/userId') ?? error('/waitingOn')}
        />
      ) : (
        <TextField
          label={t('tasks.transition.external')}
          hint={t('tasks.transition.externalHint')}
          pointer="/waitingOn/external"
          maxLength={200}
          autoComplete="off"
          error={error('/waitingOn/external') ?? error('/waitingOn')}
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

function TransitionForm({
  task,
  transition,
  onClose,
  onDone,
}: {
  task: DialogTask;
  transition: Transition;
  onClose: () => void;
  onDone: ((task: Task) => void) | undefined;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const changeStatus = useChangeStatus();
  const review = useReview();
  const pending = changeStatus.isPending || review.isPending;
  const required = t('validation.required');

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    try {
      let result: Task;
      if (transition.via === 'review') {
        const feedback = text(data.get('feedback')).trim();
        if (transition.needs === 'feedback') {
          const valid = form.validate(
            z.object({ feedback: z.string().trim().min(1).max(20_000) }),
            { feedback },
            { '/feedback': t('tasks.transition.feedbackRequired') },
          );
          if (!valid) return;
        }
        result = await review.mutateAsync({
          id: task.id,
          decision: transition.action === 'approve' ? 'approve' : 'request_changes',
          ...(feedback ? { feedback } : {}),
        });
      } else if (transition.needs === 'waiting') {
        const kind = text(data.get('waitingKind'));
        const reason = text(data.get('reason')).trim();
        const userId = text(data.get('waitingOn.userId'));
        const external = text(data.get('waitingOn.external')).trim();
        const valid = form.validate(
          z.object({
            reason: z.string().min(1).max(5000),
            waitingOn:
              kind === 'external' ? z.object({ external: z.string().min(1).max(200) }) : z.object({ userId: z.number().int().positive() }),
          }),
          { reason, waitingOn: kind === 'external' ? { external } : { userId: userId ? Number(userId) : undefined } },
          {
            '/reason': t('tasks.transition.waitingReasonRequired'),
            '/waitingOn/userId': t('tasks.transition.personRequired'),
            '/waitingOn/external': t('tasks.transition.externalRequired'),
          },
        );
        if (!valid) return;
        result = await changeStatus.mutateAsync({ id: task.id, status: transition.to, reason: valid.reason, waitingOn: valid.waitingOn });
      } else {
        const reason = text(data.get('reason')).trim();
        if (transition.needs === 'reason') {
          const valid = form.validate(z.object({ reason: z.string().min(1).max(5000) }), { reason }, { '/reason': required });
          if (!valid) return;
        }
        result = await changeStatus.mutateAsync({ id: task.id, status: transition.to, ...(reason ? { reason } : {}) });
      }
      onDone?.(result);
      onClose();
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      {transition.needs === 'waiting' ? <WaitingFields error={form.fieldError} /> : null}
      {transition.needs === 'feedback' ? (
        <TextAreaField
          label={t('tasks.transition.feedback')}
          hint={t('tasks.transition.feedbackHint')}
          pointer="/feedback"
          rows={5}
          maxLength={20_000}
          required
          error={form.fieldError('/feedback')}
          autoFocus
        />
      ) : null}
      {transition.needs === 'reason' ? (
        <TextAreaField
          label={t(`tasks.transition.reason.${transition.action === 'reopen' ? 'reopen' : 'cancel'}`)}
          pointer="/reason"
          rows={3}
          maxLength={5000}
          required
          error={form.fieldError('/reason')}
          autoFocus
        />
      ) : null}
      {transition.needs === undefined ? <p>{t(`tasks.transition.confirm.${transition.action}`)}</p> : null}
      <div className="actions actions--end">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className={transition.action === 'cancel' ? 'button button--danger' : 'button button--primary'}
          disabled={pending}
        >
          {pending ? t('tasks.transition.pending') : actionLabel(transition.action)}
        </button>
      </div>
    </form>
  );
}
