import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedPerson, Person } from '../../../shared/api.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { ApiError } from '../../api/client.js';
import { CopyField } from '../../components/CopyField.js';
import { errorMessage } from '../../components/errors.js';
import { ErrorNotice, Loading, NoAccess, PageHeader, Section } from '../../components/Page.js';
import { useFormat, useSession } from '../auth/use-session.js';
import { InvitePersonForm } from './InvitePersonForm.js';
import { PersonDialog } from './PersonDialog.js';
import { roleLabel, stateLabel } from './labels.js';
import { usePeople } from './use-people.js';

function StateBadge({ state }: { state: Person['state'] }) {
  return <span className={`badge badge--${state}`}>{stateLabel(state)}</span>;
}

function PeopleTable({ people, onManage }: { people: Person[]; onManage: (person: Person) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="visually-hidden">{t('people.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.fields.name')}</th>
            <th scope="col">{t('people.fields.email')}</th>
            <th scope="col">{t('people.fields.role')}</th>
            <th scope="col">{t('people.fields.state')}</th>
            <th scope="col" className="num">
              {t('people.fields.capacityShort')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('people.fields.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id} className={person.active ? undefined : 'row--muted'}>
              <th scope="row" className="cell-primary">
                {person.name}
                {person.id === me.user.id ? <span className="you-tag">{t('people.you')}</span> : null}
              </th>
              <td data-label={t('people.fields.email')} className="cell-email">
                {person.email}
              </td>
              <td data-label={t('people.fields.role')}>{roleLabel(person.role)}</td>
              <td data-label={t('people.fields.state')}>
                <StateBadge state={person.state} />
              </td>
              <td data-label={t('people.fields.capacityShort')} className="num">
                {t('people.hoursPerWeek', { hours: format.number(person.capacityHours, { maximumFractionDigits: 1 }) })}
              </td>
              <td className="cell-actions">
                <button type="button" className="button button--small" onClick={() => onManage(person)}>
                  {t('people.manage.button')}
                  <span className="visually-hidden"> {person.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InvitationResult({ person, withPassword, onDone }: { person: CreatedPerson; withPassword: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone: move focus to the result so it is read out.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card card--highlight" aria-labelledby="invitation-result-title">
      <h2 className="card__title" id="invitation-result-title" ref={heading} tabIndex={-1}>
        {person.invitation ? t('people.created.linkTitle', { name: person.name }) : t('people.created.title', { name: person.name })}
      </h2>
      {person.invitation ? (
        <>
          <p>{t('people.created.linkBody', { name: person.name, email: person.email })}</p>
          <CopyField
            label={t('people.invitationLink')}
            value={person.invitation.url}
            hint={t('people.invitationExpires', { date: format.dateTime(person.invitation.expiresAt) })}
          />
        </>
      ) : withPassword ? (
        <p>{t('people.created.passwordBody', { name: person.name, email: person.email })}</p>
      ) : (
        <p>{t('people.created.existingBody', { name: person.name })}</p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onDone}>
          {t('common.done')}
        </button>
      </div>
    </section>
  );
}

export function PeoplePage() {
  const { t } = useTranslation();
  const me = useSession();
  const admin = isOrganizationAdmin(me.role);
  const people = usePeople({ enabled: admin });
  const [inviting, setInviting] = useState(false);
  const [created, setCreated] = useState<{ person: CreatedPerson; withPassword: boolean } | null>(null);
  const [managedId, setManagedId] = useState<number | null>(null);
  const inviteButton = useRef<HTMLButtonElement>(null);
  const formId = useId();

  const forbidden = !admin || (people.error instanceof ApiError && people.error.status === 403);
  if (forbidden) {
    return (
      <>
        <PageHeader title={t('people.title')} />
        <NoAccess />
      </>
    );
  }

  const managed = people.data?.find((person) => person.id === managedId) ?? null;

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.description', { organization: me.organization.name })}
        actions={
          <button
            ref={inviteButton}
            type="button"
            className="button button--primary"
            aria-expanded={inviting}
            aria-controls={formId}
            onClick={() => {
              setCreated(null);
              setInviting((open) => !open);
            }}
          >
            {t('people.invite.open')}
          </button>
        }
      />
      <div id={formId}>
        {inviting ? (
          <Section title={t('people.invite.title')} description={t('people.invite.description')}>
            <InvitePersonForm
              onCreated={(person, withPassword) => {
                setInviting(false);
                setCreated({ person, withPassword });
              }}
              onCancel={() => {
                setInviting(false);
                inviteButton.current?.focus();
              }}
            />
          </Section>
        ) : null}
      </div>
      {created ? (
        <InvitationResult
          person={created.person}
          withPassword={created.withPassword}
          onDone={() => {
            setCreated(null);
            inviteButton.current?.focus();
          }}
        />
      ) : null}
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <ErrorNotice message={errorMessage(people.error)} onRetry={() => void people.refetch()} />
      ) : people.data.length === 0 ? (
        <p className="muted">{t('people.empty')}</p>
      ) : (
        <PeopleTable people={people.data} onManage={(person) => setManagedId(person.id)} />
      )}
      <PersonDialog person={managed} onClose={() => setManagedId(null)} />
    </>
  );
}
