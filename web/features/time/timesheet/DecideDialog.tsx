import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Timesheet } from '../../../../shared/time.js';
import { FormAlert } from '../../../components/Field.js';
import { Modal } from '../../../components/Modal.js';
import { useFormErrors } from '../../../components/use-form-errors.js';
import { TextAreaField } from '../../tasks/TextAreaField.js';
import { useDecideTimesheet } from '../use-time.js';

export type Decision = 'approve' | 'reject';

export interface DecideDialogProps {
  decision: Decision | null;
  sheet: Timesheet;
  weekLabel: string;
  onClose: () => void;
  onDecided: (decision: Decision) => void;
}

const RejectSchema = z.object({ comment: z.string().trim().min(1) });

/** Approving or returning a person's week: a comment is optional to approve and required to reject. */
export function DecideDialog({ decision, sheet, weekLabel, onClose, onDecided }: DecideDialogProps) {
  const { t } = useTranslation();
  const title =
    decision === 'reject'
      ? t('timesheet.decide.rejectTitle', { name: sheet.userName, week: weekLabel })
      : t('timesheet.decide.approveTitle', { name: sheet.userName, week: weekLabel });
  return (
    <Modal open={decision !== null} title={title} onClose={onClose}>
      {decision ? <DecideForm decision={decision} sheet={sheet} onClose={onClose} onDecided={onDecided} /> : null}
    </Modal>
  );
}

function DecideForm({ decision, sheet, onClose, onDecided }: { decision: Decision } & Omit<DecideDialogProps, 'decision' | 'weekLabel'>) {
  const { t } = useTranslation();
  const decide = useDecideTimesheet();
  const form = useFormErrors();
  const [comment, setComment] = useState('');
  const reject = decision === 'reject';

  return (
    <form
      ref={form.formRef}
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (reject && !form.validate(RejectSchema, { comment }, { '/comment': t('timesheet.decide.commentRequired') })) return;
        form.clear();
        const text = comment.trim();
        decide.mutate(
          { userId: sheet.userId, weekStart: sheet.weekStart, decision, ...(text ? { comment: text } : {}) },
          { onSuccess: () => onDecided(decision), onError: form.fail },
        );
      }}
    >
      <FormAlert message={form.formError} />
      <TextAreaField
        label={reject ? t('timesheet.decide.commentRequiredLabel') : t('timesheet.decide.commentOptionalLabel')}
        pointer="/comment"
        hint={
          reject ? t('timesheet.decide.rejectHint', { name: sheet.userName }) : t('timesheet.decide.approveHint', { name: sheet.userName })
        }
        error={form.fieldError('/comment')}
        required={reject}
        maxLength={5000}
        rows={4}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className="actions actions--end">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className={reject ? 'button button--danger' : 'button button--primary'} disabled={decide.isPending}>
          {decide.isPending ? t('common.saving') : reject ? t('timesheet.decide.reject') : t('timesheet.decide.approve')}
        </button>
      </div>
    </form>
  );
}
