import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InvitationLink, type Person, UpdateUserBodySchema } from '../../../shared/api.js';
import { CopyField } from '../../components/CopyField.js';
import { errorMessage } from '../../components/errors.js';
import { HoursField, SelectField, StatusMessage } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { Modal } from '../../components/Modal.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useFormat, useSession } from '../auth/use-session.js';
import { optionalNumber, roleOptions, stateLabel } from './labels.js';
import { useNewInvitation, useUpdatePerson } from './use-people.js';

function RoleAndCapacityForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const update = useUpdatePerson(person.id);
  const form = useServerForm({
    schema: UpdateUserBodySchema,
    defaultValues: { role: person.role, capacityHours: String(person.capacityHours) },
    toBody: (values) => ({ ...values, capacityHours: optionalNumber(values.capacityHours) }),
  });

  return (
    <Form form={form} onSubmit={(body) => update.mutateAsync(body)}>
      <div className="form-grid">
        <SelectField label={t('people.fields.role')} {...form.register('role')} options={roleOptions()} />
        <HoursField label={t('people.fields.capacity')} {...form.register('capacityHours')} max={168} step={0.5} />
      </div>
      <StatusMessage message={form.succeeded ? t('people.manage.saved') : null} />
      <div className="actions">
        <SubmitButton pending={update.isPending} />
      </div>
    </Form>
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
