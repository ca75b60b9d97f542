import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InvitationLink, type Person, UpdateUserBodySchema } from '../../../shared/api.js';
import { CopyField } from '../../components/CopyField.js';
import { errorMessage } from '../../components/errors.js';
import { FormAlert, SelectField, StatusMessage, TextField } from '../../components/Field.js';
import { Modal } from '../../components/Modal.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useFormat, useSession } from '../auth/use-session.js';
import { optionalNumber, roleOptions, stateLabel } from './labels.js';
import { useNewInvitation, useUpdatePerson } from './use-people.js';

function RoleAndCapacityForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const update = useUpdatePerson(person.id);
  const form = useFormErrors();
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const body = form.validate(UpdateUserBodySchema, {
      role: data.get('role'),
      capacityHours: optionalNumber(data.get('capacityHours')),
    });
    if (!body) return;
    try {
      await update.mutateAsync(body);
      setSaved(true);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <div className="form-grid">
        <SelectField
          label={t('people.fields.role')}
          pointer="/role"
          options={roleOptions()}
          defaultValue={person.role}
          error={form.fieldError('/role')}
        />
        <TextField
          label={t('people.fields.capacity')}
          pointer="/capacityHours"
          type="number"
          inputMode="decimal"
          min={0}
          max={168}
          step={0.5}
          defaultValue={person.capacityHours}
          error={form.fieldError('/capacityHours')}
        />
      </div>
      <StatusMessage message={saved ? t('people.manage.saved') : null} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

function InvitationSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  const newInvitation = useNewInvitation(person.id);
  const [link, setLink] = useState<InvitationLink | null>(null);
  return (
    <section className="dialog-section" aria-labelledby={`invite-${person.id}`}>
      <h3 className="dialog-section__title" id={`invite-${person.id}`}>
        {t('people.manage.invitationTitle')}
      </h3>
      <p className="muted">{t('people.manage.invitationBody')}</p>
      <div role="alert">{newInvitation.isError ? <p className="alert alert--error">{errorMessage(newInvitation.error)}</p> : null}</div>
      {link ? (
        <CopyField
          label={t('people.invitationLink')}
          value={link.url}
          hint={t('people.invitationExpires', { date: format.dateTime(link.expiresAt) })}
        />
      ) : null}
      <button
        type="button"
        className="button"
        disabled={newInvitation.isPending}
        onClick={async () => {
          try {
            setLink(await newInvitation.mutateAsync());
          } catch {
            // Shown above from the mutation's error.
          }
        }}
      >
        {link ? t('people.manage.anotherLink') : t('people.manage.newLink')}
      </button>
    </section>
  );
}

function ActivationSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const update = useUpdatePerson(person.id);
  const [confirming, setConfirming] = useState(false);
  const deactivate = person.active;
  const titleId = `activation-${person.id}`;
  return (
    <section className="dialog-section" aria-labelledby={titleId}>
      <h3 className="dialog-section__title" id={titleId}>
        {deactivate ? t('people.manage.deactivateTitle') : t('people.manage.reactivateTitle')}
      </h3>
      <p className="muted">{deactivate ? t('people.manage.deactivateBody') : t('people.manage.reactivateBody')}</p>
      <div role="alert">{update.isError ? <p className="alert alert--error">{errorMessage(update.error)}</p> : null}</div>
      {confirming ? (
        <div className="confirm-inline">
          <p>
            <strong>
              {deactivate
                ? t('people.manage.confirmDeactivate', { name: person.name })
                : t('people.manage.confirmReactivate', { name: person.name })}
            </strong>
          </p>
          <div className="actions">
            <button
              type="button"
              className={deactivate ? 'button button--danger' : 'button button--primary'}
              disabled={update.isPending}
              onClick={async () => {
                try {
                  await update.mutateAsync({ active: !deactivate });
                  setConfirming(false);
                } catch {
                  // Shown above.
                }
              }}
            >
              {deactivate ? t('people.manage.deactivate') : t('people.manage.reactivate')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className={deactivate ? 'button button--danger-outline' : 'button'}
          onClick={() => {
            update.reset();
            setConfirming(true);
          }}
        >
          {deactivate ? t('people.manage.deactivateEllipsis') : t('people.manage.reactivateEllipsis')}
        </button>
      )}
    </section>
  );
}

export function PersonDialog({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Modal
      open={person !== null}
      title={person ? person.name : ''}
      onClose={onClose}
      description={
        person ? (
          <p>
            {person.email} · {stateLabel(person.state)}
            {person.id === me.user.id ? ` · ${t('people.you')}` : ''}
          </p>
        ) : null
      }
    >
      {person ? (
        <>
          <section className="dialog-section" aria-labelledby={`role-${person.id}`}>
            <h3 className="dialog-section__title" id={`role-${person.id}`}>
              {t('people.manage.roleTitle')}
            </h3>
            <RoleAndCapacityForm person={person} />
          </section>
          {person.state === 'invited' ? <InvitationSection person={person} /> : null}
          <ActivationSection person={person} />
        </>
      ) : null}
    </Modal>
  );
}
