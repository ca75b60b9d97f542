/** Pickers of the projects area: a client (or a new one, typed in place) and project members with their roles. */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectRole } from '../../../shared/projects.js';
import { useFieldError } from '../../components/use-server-form.js';
import { newIdempotencyKey } from '../tasks/use-tasks.js';
import { errorMessage } from '../../components/errors.js';
import { projectRoleLabel } from './labels.js';
import { useClients, useCreateClient } from './use-projects.js';

const NEW_CLIENT = 'new';

export interface ClientPickerProps {
  value: number | null;
  onChange: (clientId: number | null) => void;
  /** Managers and admins may add a client on the spot. */
  mayCreate: boolean;
}

/** The client select; “New client…” opens a name field in place, so a project is never blocked on a missing client. */
export function ClientPicker({ value, onChange, mayCreate }: ClientPickerProps) {
  const { t } = useTranslation();
  const error = useFieldError('clientId');
  const clients = useClients();
  const create = useCreateClient();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const id = useId();
  const nameInput = useRef<HTMLInputElement>(null);

  async function addClient() {
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('validation.required'));
      nameInput.current?.focus();
      return;
    }
    setNameError(null);
    try {
      const client = await create.mutateAsync({ body: { name: trimmed, contact: '', notes: '' }, idempotencyKey: idempotencyKey.current });
      idempotencyKey.current = newIdempotencyKey();
      onChange(client.id);
      setAdding(false);
      setName('');
    } catch (failure) {
      setNameError(errorMessage(failure));
    }
  }

  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {t('projects.fields.client')}
      </label>
      <select
        id={id}
        name="clientId"
        className="input select"
        value={adding ? NEW_CLIENT : value === null ? '' : String(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(event) => {
          const next = event.target.value;
          if (next === NEW_CLIENT) {
            setAdding(true);
            requestAnimationFrame(() => nameInput.current?.focus());
            return;
          }
          setAdding(false);
          onChange(next === '' ? null : Number(next));
        }}
      >
        <option value="">{t('projects.noClientOption')}</option>
        {(clients.data ?? []).map((client) => (
          <option key={client.id} value={client.id}>
            {client.name}
          </option>
        ))}
        {mayCreate ? <option value={NEW_CLIENT}>{t('projects.clientPicker.newOption')}</option> : null}
      </select>
      <p className="field__hint" id={`${id}-hint`}>
        {t('projects.clientPicker.hint')}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {adding ? (
        <div className="inline-create">
          <label className="field__label" htmlFor={`${id}-new`}>
            {t('projects.clientPicker.newName')}
          </label>
          <div className="inline-create__row">
            <input
              ref={nameInput}
              id={`${id}-new`}
              className="input"
              value={name}
              autoComplete="off"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${id}-new-error` : undefined}
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                // Enter adds the client instead of submitting the whole project form.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  void addClient();
                }
              }}
            />
            <button type="button" className="button" disabled={create.isPending} onClick={() => void addClient()}>
              {create.isPending ? t('projects.clientPicker.adding') : t('projects.clientPicker.add')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setAdding(false);
                setNameError(null);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
          {nameError ? (
            <p className="field__error" id={`${id}-new-error`} role="alert">
              {nameError}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export interface MemberDraft {
  userId: number;
  name: string;
  role: ProjectRole;
}

export interface MembersPickerProps {
  value: MemberDraft[];
  onChange: (members: MemberDraft[]) => void;
  /** People who may be added (active, not client accounts). */
  people: readonly { id: number; name: string }[];
  hint?: string | undefined;
}

/** Members and their project roles for a new project: pick a person, choose manager or member. */
export function MembersPicker({ value, onChange, people, hint }: MembersPickerProps) {
  const { t } = useTranslation();
  const error = useFieldError('members');
  const id = useId();
  const [selected, setSelected] = useState('');
  const [role, setRole] = useState<ProjectRole>('member');
  const chosen = new Set(value.map((member) => member.userId));
  const available = people.filter((person) => !chosen.has(person.id));

  function add() {
    const person = people.find((candidate) => String(candidate.id) === selected);
    if (!person) return;
    onChange([...value, { userId: person.id, name: person.name, role }]);
    setSelected('');
  }

  return (
    <fieldset className={error ? 'field field--invalid members-picker' : 'field members-picker'} aria-describedby={`${id}-hint`}>
      <legend className="field__label">{t('projects.fields.members')}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {value.length > 0 ? (
        <ul className="member-drafts">
          {value.map((member, index) => (
            <li key={member.userId} className="member-drafts__item">
              <span className="member-drafts__name">{member.name}</span>
              <label className="visually-hidden" htmlFor={`${id}-role-${member.userId}`}>
                {t('projects.members.roleOf', { name: member.name })}
              </label>
              <select
                id={`${id}-role-${member.userId}`}
                name={`members.${index}.role`}
                className="input select input--compact"
                value={member.role}
                onChange={(event) =>
                  onChange(
                    value.map((item) => (item.userId === member.userId ? { ...item, role: event.target.value as ProjectRole } : item)),
                  )
                }
              >
                <option value="manager">{projectRoleLabel('manager')}</option>
                <option value="member">{projectRoleLabel('member')}</option>
              </select>
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => onChange(value.filter((item) => item.userId !== member.userId))}
              >
                {t('projects.members.removeDraft')}
                <span className="visually-hidden"> {member.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="member-add">
        <div className="member-add__person">
          <label className="visually-hidden" htmlFor={`${id}-person`}>
            {t('projects.members.person')}
          </label>
          <select
            id={`${id}-person`}
            className="input select input--compact"
            value={selected}
            onChange={(event) => setSelected(event.target.value)}
            disabled={available.length === 0}
          >
            <option value="">{available.length === 0 ? t('projects.members.nobodyLeft') : t('projects.members.choosePerson')}</option>
            {available.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <label className="visually-hidden" htmlFor={`${id}-new-role`}>
          {t('projects.members.role')}
        </label>
        <select
          id={`${id}-new-role`}
          className="input select input--compact member-add__role"
          value={role}
          onChange={(event) => setRole(event.target.value as ProjectRole)}
        >
          <option value="member">{projectRoleLabel('member')}</option>
          <option value="manager">{projectRoleLabel('manager')}</option>
        </select>
        <button type="button" className="button button--small" disabled={!selected} onClick={add}>
          {t('projects.members.addDraft')}
        </button>
      </div>
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}
