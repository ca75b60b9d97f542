import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Organization, UpdateOrganizationBodySchema } from '../../../shared/api.js';
import { CheckboxGroup, FormAlert, SelectField, StatusMessage, TextField } from '../../components/Field.js';
import { weekdayName, weekdaysFrom } from '../../components/format.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useFormat } from '../auth/use-session.js';
import { useUpdateOrganization } from './use-organization.js';

export function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return zones.includes(current) ? zones : [current, ...zones];
}

const OrganizationFormSchema = UpdateOrganizationBodySchema.refine(
  (body) => !body.workdayStart || !body.workdayEnd || body.workdayEnd > body.workdayStart,
  { path: ['workdayEnd'], message: 'The workday must end after it starts.' },
);

export function OrganizationForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const update = useUpdateOrganization();
  const form = useFormErrors();
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => timeZones(organization.timeZone), [organization.timeZone]);
  const days = weekdaysFrom(organization.weekStart);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const body = form.validate(
      OrganizationFormSchema,
      {
        name: data.get('name'),
        timeZone: data.get('timeZone'),
        currency: String(data.get('currency') ?? '')
          .trim()
          .toUpperCase(),
        weekStart: Number(data.get('weekStart')),
        workingDays: data
          .getAll('workingDays')
          .map(Number)
          .sort((a, b) => a - b),
        workdayStart: data.get('workdayStart'),
        workdayEnd: data.get('workdayEnd'),
        digestTime: data.get('digestTime'),
      },
      { '/workdayEnd': t('settings.organization.endAfterStart'), '/currency': t('settings.organization.currencyInvalid') },
    );
    if (!body) return;
    try {
      await update.mutateAsync(body);
      setSaved(true);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate onChange={() => setSaved(false)}>
      <FormAlert message={form.formError} />
      <TextField
        label={t('settings.organization.name')}
        pointer="/name"
        defaultValue={organization.name}
        autoComplete="organization"
        required
        error={form.fieldError('/name')}
      />
      <div className="form-grid">
        <SelectField
          label={t('settings.organization.timeZone')}
          pointer="/timeZone"
          options={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
          defaultValue={organization.timeZone}
          hint={t('settings.organization.timeZoneHint')}
          error={form.fieldError('/timeZone')}
        />
        <TextField
          label={t('settings.organization.currency')}
          pointer="/currency"
          defaultValue={organization.currency}
          maxLength={3}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          hint={t('settings.organization.currencyHint')}
          error={form.fieldError('/currency')}
          className="input--short"
        />
      </div>
      <div className="form-grid">
        <SelectField
          label={t('settings.organization.weekStart')}
          pointer="/weekStart"
          options={[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: weekdayName(locale, day) }))}
          defaultValue={String(organization.weekStart)}
          error={form.fieldError('/weekStart')}
        />
      </div>
      <CheckboxGroup
        legend={t('settings.organization.workingDays')}
        pointer="/workingDays"
        options={days.map((day) => ({ value: String(day), label: weekdayName(locale, day) }))}
        defaultValues={organization.workingDays.map(String)}
        error={form.fieldError('/workingDays')}
      />
      <div className="form-grid">
        <TextField
          label={t('settings.organization.workdayStart')}
          pointer="/workdayStart"
          type="time"
          defaultValue={organization.workdayStart}
          error={form.fieldError('/workdayStart')}
        />
        <TextField
          label={t('settings.organization.workdayEnd')}
          pointer="/workdayEnd"
          type="time"
          defaultValue={organization.workdayEnd}
          error={form.fieldError('/workdayEnd')}
        />
        <TextField
          label={t('settings.organization.digestTime')}
          pointer="/digestTime"
          type="time"
          hint={t('settings.organization.digestTimeHint')}
          defaultValue={organization.digestTime}
          error={form.fieldError('/digestTime')}
        />
      </div>
      <StatusMessage message={saved ? t('settings.organization.saved') : null} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
