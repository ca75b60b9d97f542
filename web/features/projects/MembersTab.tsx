import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectMember, ProjectRole } from '../../../shared/projects.js';
import { ConfirmDialog } from '../../components/Modal.js';
import { useSession } from '../auth/use-session.js';
import { useDirectory } from '../tasks/lookups.js';
import { errorMessage } from '../../components/errors.js';
import { canManage, projectRoleLabel } from './labels.js';
import { useProjectContext } from './ProjectPage.js';
import { useRemoveMember, useSetMember } from './use-projects.js';

function AddMember({ projectId, memberIds, onMessage }: { projectId: number; memberIds: Set<number>; onMessage: (text: string) => void }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const setMember = useSetMember(projectId);
  const [person, setPerson] = useState('');
  const [role, setRole] = useState<ProjectRole>('member');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const candidates = (directory.data ?? []).filter((entry) => entry.active && entry.role !== 'client' && !memberIds.has(entry.id));

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!person) {
      setError(t('projects.members.choosePersonFirst'));
      return;
    }
    setError(null);
    const entry = candidates.find((candidate) => String(candidate.id) === person);
    try {
      await setMember.mutateAsync({ userId: Number(person), role });
      setPerson('');
      onMessage(t('projects.members.added', { name: entry?.name ?? '', role: projectRoleLabel(role) }));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <form className="card member-add-card" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 className="card__title" id={`${id}-title`}>
        {t('projects.members.addTitle')}
      </h2>
      <p className="card__description">{t('projects.members.addHint')}</p>
      <div className="member-add member-add--wide">
        <div className="field member-add__person">
          <label className="field__label" htmlFor={`${id}-person`}>
            {t('projects.members.person')}
          </label>
          <select
            id={`${id}-person`}
            className="input select"
            value={person}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setPerson(event.target.value)}
          >
            <option value="">{candidates.length === 0 ? t('projects.members.nobodyLeft') : t('projects.members.choosePerson')}</option>
            {candidates.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-role`}>
            {t('projects.members.role')}
          </label>
          <select id={`${id}-role`} className="input select" value={role} onChange={(event) => setRole(event.target.value as ProjectRole)}>
            <option value="member">{projectRoleLabel('member')}</option>
            <option value="manager">{projectRoleLabel('manager')}</option>
          </select>
        </div>
        <button type="submit" className="button" disabled={setMember.isPending}>
          {setMember.isPending ? t('projects.members.adding') : t('projects.members.add')}
        </button>
      </div>
      <div role="alert">
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}

export function MembersTab() {
  const { t } = useTranslation();
  const me = useSession();
  const { project } = useProjectContext();
  const manager = canManage(project);
  const setMember = useSetMember(project.id);
  const removeMember = useRemoveMember(project.id);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ProjectMember | null>(null);
  const members = [...project.members].sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'manager' ? -1 : 1));

  async function changeRole(member: ProjectMember, role: ProjectRole) {
    setMessage(null);
    setError(null);
    try {
      await setMember.mutateAsync({ userId: member.userId, role });
      setMessage(t('projects.members.roleChanged', { name: member.name, role: projectRoleLabel(role) }));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <section aria-labelledby="members-title" className="project-narrow">
      <h2 className="visually-hidden" id="members-title">
        {t('projects.tabs.members')}
      </h2>
      <p className="muted tab-intro">{t('projects.members.intro')}</p>
      <div role="status" className="status-region">
        {message ? <p className="alert alert--success">{message}</p> : null}
      </div>
      <div role="alert" className="form-alert-region">
        {error ? <p className="alert alert--error">{error}</p> : null}
      </div>
      {members.length === 0 ? (
        <div className="empty-state">
          <p>{t('projects.members.empty')}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">{t('projects.members.caption', { project: project.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.members.name')}</th>
                <th scope="col">{t('projects.members.role')}</th>
                {manager ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('projects.members.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.userId}>
                  <th scope="row" className="cell-primary">
                    {member.name}
                    {member.userId === me.user.id ? <span className="you-tag">{t('projects.you')}</span> : null}
                  </th>
                  <td data-label={t('projects.members.role')}>
                    {manager ? (
                      <>
                        <label className="visually-hidden" htmlFor={`member-role-${member.userId}`}>
                          {t('projects.members.roleOf', { name: member.name })}
                        </label>
                        <select
                          id={`member-role-${member.userId}`}
                          className="input select input--compact role-select"
                          value={member.role}
                          disabled={setMember.isPending}
                          onChange={(event) => void changeRole(member, event.target.value as ProjectRole)}
                        >
                          <option value="manager">{projectRoleLabel('manager')}</option>
                          <option value="member">{projectRoleLabel('member')}</option>
                        </select>
                      </>
                    ) : (
                      projectRoleLabel(member.role)
                    )}
                  </td>
                  {manager ? (
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="button button--small button--danger-outline"
                        onClick={() => {
                          removeMember.reset();
                          setRemoving(member);
                        }}
                      >
                        {t('projects.members.remove')}
                        <span className="visually-hidden"> {member.name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manager ? (
        <AddMember
          projectId={project.id}
          memberIds={new Set(project.members.map((member) => member.userId))}
          onMessage={(text) => {
            setError(null);
            setMessage(text);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('projects.members.removeTitle', { name: removing?.name ?? '' })}
        body={<p>{t('projects.members.removeBody', { name: removing?.name ?? '', project: project.name })}</p>}
        confirmLabel={t('projects.members.remove')}
        pendingLabel={t('projects.members.removing')}
        danger
        pending={removeMember.isPending}
        error={removeMember.isError ? errorMessage(removeMember.error) : null}
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          try {
            await removeMember.mutateAsync(removing.userId);
            setError(null);
            setMessage(t('projects.members.removed', { name: removing.name }));
            setRemoving(null);
          } catch {
            // Shown in the dialog.
          }
        }}
      />
    </section>
  );
}
