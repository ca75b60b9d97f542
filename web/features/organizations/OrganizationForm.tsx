import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Organization, UpdateOrganizationBodySchema } from '../../../shared/api.js';
import { CheckboxGroup, SelectField, StatusMessage, TextField } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { weekdayName, weekdaysFrom } from '../../components/format.js';
import { useServerForm } from '../../components/use-server-form.js';
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
  const form = useServerForm({
    schema: OrganizationFormSchema,
    defaultValues: {
      name: organization.name,
      timeZone: organization.timeZone,
      currency: organization.currency,
      weekStart: String(organization.weekStart),
      workingDays: organization.workingDays.map(String),
      workdayStart: organization.workdayStart,
      workdayEnd: organization.workdayEnd,
      digestTime: organization.digestTime,
    },
    toBody: (values) => ({
      ...values,
      currency: values.currency.trim().toUpperCase(),
      weekStart: Number(values.weekStart),
      workingDays: values.workingDays.map(Number).sort((a, b) => a - b),
    }),
    messages: { '/workdayEnd': t('settings.organization.endAfterStart'), '/currency': t('settings.organization.currencyInvalid') },
  });
  // "Saved" until the next edit.
  const [edited, setEdited] = useState(false);
  const zones = useMemo(() => timeZones(organization.timeZone), [organization.timeZone]);
  const days = weekdaysFrom(organization.weekStart);

  return (
    <Form
      form={form}
      onChange={() => setEdited(true)}
      onSubmit={async (body) => {
        setEdited(false);
        await update.mutateAsync(body);
      }}
    >
      <TextField label={t('settings.organization.name')} {...form.register('name')} autoComplete="organization" required />
      <div className="form-grid">
        <SelectField
          label={t('settings.organization.timeZone')}
          {...form.register('timeZone')}
          options={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
          hint={t('settings.organization.timeZoneHint')}
        />
        <TextField
          label={t('settings.organization.currency')}
          {...form.register('currency')}
          maxLength={3}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          hint={t('settings.organization.currencyHint')}
          className="input--short"
        />
      </div>
      <div className="form-grid">
        <SelectField
          label={t('settings.organization.weekStart')}
          {...form.register('weekStart')}
          options={[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: weekdayName(locale, day) }))}
        />
      </div>
      <CheckboxGroup
        legend={t('settings.organization.workingDays')}
        {...form.register('workingDays')}
        options={days.map((day) => ({ value: String(day), label: weekdayName(locale, day) }))}
      />
      <div className="form-grid">
        <TextField label={t('settings.organization.workdayStart')} {...form.register('workdayStart')} type="time" />
        <TextField label={t('settings.organization.workdayEnd')} {...form.register('workdayEnd')} type="time" />
        <TextField
          label={t('settings.organization.digestTime')}
          {...form.register('digestTime')}
          type="time"
          hint={t('settings.organization.digestTimeHint')}
        />
      </div>
      <StatusMessage message={form.succeeded && !edited ? t('settings.organization.saved') : null} />
      <div className="actions">
        <SubmitButton pending={update.isPending} />
      </div>
    </Form>
  );
}
