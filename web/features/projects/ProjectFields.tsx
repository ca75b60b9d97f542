/** Fields a new project and a project's settings share. */
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxField, TextField } from '../../components/Field.js';

/** The form's `register`, for the fields below. */
type Register = (name: 'description' | 'startDate' | 'endDate' | 'reviewRequired' | 'billable') => UseFormRegisterReturn;

export function DescriptionAndDates({ register, rows }: { register: Register; rows: number }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        multiline
        label={t('projects.fields.description')}
        {...register('description')}
        rows={rows}
        hint={t('projects.fields.descriptionHint')}
      />
      <div className="form-grid">
        <TextField label={t('projects.fields.startDate')} {...register('startDate')} type="date" />
        <TextField label={t('projects.fields.endDate')} {...register('endDate')} type="date" />
      </div>
    </>
  );
}

export function ReviewAndBilling({ register }: { register: Register }) {
  const { t } = useTranslation();
  return (
    <>
      <CheckboxField
        label={t('projects.fields.reviewRequired')}
        {...register('reviewRequired')}
        hint={t('projects.fields.reviewRequiredHint')}
      />
      <CheckboxField label={t('projects.fields.billable')} {...register('billable')} hint={t('projects.fields.billableHint')} />
    </>
  );
}
