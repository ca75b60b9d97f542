import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field.js';

/** A password being chosen, with the rule it has to meet. */
export function NewPasswordField({ label, ...registration }: UseFormRegisterReturn & { label: string }) {
  const { t } = useTranslation();
  return <TextField label={label} {...registration} type="password" autoComplete="new-password" hint={t('password.rule')} required />;
}
