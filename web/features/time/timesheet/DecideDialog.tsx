import { useTranslation } from 'react-i18next';
import { DecideTimesheetBodySchema, type Timesheet } from '../../../../shared/time.js';
import { TextField } from '../../../components/Field.js';
import { Form, FormActions } from '../../../components/Form.js';
import { Modal } from '../../../components/Modal.js';
import { useServerForm } from '../../../components/use-server-form.js';
import { useDecideTimesheet } from '../use-time.js';

export type Decision = 'approve' | 'reject';

export interface DecideDialogProps {
  decision: Decision | null;
  sheet: Timesheet;
  weekLabel: string;
  onClose: () => void;
  onDecided: (decision: Decision) => void;
}

const RejectSchema = DecideTimesheetBodySchema.extend({ comment: DecideTimesheetBodySchema.shape.comment.unwrap().min(1) });

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
  const reject = decision === 'reject';
  const form = useServerForm({
    schema: reject ? RejectSchema : DecideTimesheetBodySchema,
    defaultValues: { comment: '' },
    toBody: ({ comment }) => ({ userId: sheet.userId, weekStart: sheet.weekStart, decision, comment: comment.trim() || undefined }),
    messages: { '/comment': t('timesheet.decide.commentRequired') },
  });

  return (
    <Form
      form={form}
      onSubmit={async (body) => {
        await decide.mutateAsync(body);
        onDecided(decision);
      }}
    >
      <TextField
        multiline
        label={reject ? t('timesheet.decide.commentRequiredLabel') : t('timesheet.decide.commentOptionalLabel')}
        {...form.register('comment')}
        hint={
          reject ? t('timesheet.decide.rejectHint', { name: sheet.userName }) : t('timesheet.decide.approveHint', { name: sheet.userName })
        }
        required={reject}
        maxLength={5000}
      />
      <FormActions
        end
        onCancel={onClose}
        pending={decide.isPending}
        label={reject ? t('timesheet.decide.reject') : t('timesheet.decide.approve')}
        className={reject ? 'button button--danger' : 'button button--primary'}
      />
    </Form>
  );
}
