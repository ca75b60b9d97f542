import '../projects/projects.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Client, CreateClientBodySchema, UpdateClientBodySchema } from '../../../shared/projects.js';
import { FormAlert, TextField } from '../../components/Field.js';
import { Modal } from '../../components/Modal.js';
import { ErrorNotice, Loading, PageHeader } from '../../components/Page.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useSession } from '../auth/use-session.js';
import { newIdempotencyKey } from '../tasks/use-tasks.js';
import { AreaNav } from '../projects/AreaNav.js';
import { TextAreaField } from '../tasks/TextAreaField.js';
import { errorMessage } from '../../components/errors.js';
import { canRunProjects } from '../projects/labels.js';
import { useClients, useCreateClient, useProjects, useUpdateClient } from '../projects/use-projects.js';

function ClientForm({ client, onDone }: { client: Client | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateClient();
  const update = useUpdateClient();
  const form = useFormErrors();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const pending = create.isPending || update.isPending;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = { name: data.get('name'), contact: data.get('contact'), notes: data.get('notes') };
    try {
      if (client) {
        const body = form.validate(UpdateClientBodySchema, value);
        if (!body) return;
        await update.mutateAsync({ id: client.id, body });
      } else {
        const body = form.validate(CreateClientBodySchema, value);
        if (!body) return;
        await create.mutateAsync({ body, idempotencyKey });
      }
      onDone();
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <TextField
        label={t('clients.fields.name')}
        pointer="/name"
        defaultValue={client?.name}
        required
        autoComplete="off"
        error={form.fieldError('/name')}
      />
      <TextAreaField
        label={t('clients.fields.contact')}
        pointer="/contact"
        rows={3}
        defaultValue={client?.contact}
        hint={t('clients.fields.contactHint')}
        error={form.fieldError('/contact')}
      />
      <TextAreaField
        label={t('clients.fields.notes')}
        pointer="/notes"
        rows={4}
        defaultValue={client?.notes}
        hint={t('clients.fields.notesHint')}
        error={form.fieldError('/notes')}
      />
      <div className="actions actions--end">
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('common.saving') : client ? t('common.save') : t('clients.create')}
        </button>
      </div>
    </form>
  );
}

export function ClientsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const mayEdit = canRunProjects(me.role);
  const clients = useClients({ enabled: me.role !== 'client' });
  const projects = useProjects('all');
  const [editing, setEditing] = useState<Client | 'new' | null>(null);

  const projectCount = new Map<number, number>();
  for (const project of projects.data ?? []) {
    if (project.clientId) projectCount.set(project.clientId, (projectCount.get(project.clientId) ?? 0) + 1);
  }

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        description={t('clients.description')}
        actions={
          mayEdit ? (
            <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
              {t('clients.new')}
            </button>
          ) : null
        }
      />
      <AreaNav />
      {me.role === 'client' ? (
        <div className="notice">
          <p>{t('clients.noAccess')}</p>
        </div>
      ) : clients.isPending ? (
        <Loading />
      ) : clients.isError ? (
        <ErrorNotice message={errorMessage(clients.error)} onRetry={() => void clients.refetch()} />
      ) : clients.data.length === 0 ? (
        <div className="empty-state">
          <p>{mayEdit ? t('clients.emptyManager') : t('clients.empty')}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">{t('clients.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clients.fields.name')}</th>
                <th scope="col">{t('clients.fields.contact')}</th>
                <th scope="col" className="num">
                  {t('clients.projects')}
                </th>
                {mayEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('clients.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {clients.data.map((client) => (
                <tr key={client.id}>
                  <th scope="row" className="cell-primary">
                    {client.name}
                    {client.notes ? <span className="cell-note">{client.notes}</span> : null}
                  </th>
                  <td data-label={t('clients.fields.contact')} className="cell-pre">
                    {client.contact || <span className="muted">—</span>}
                  </td>
                  <td data-label={t('clients.projects')} className="num">
                    {projects.data ? (projectCount.get(client.id) ?? 0) : '…'}
                  </td>
                  {mayEdit ? (
                    <td className="cell-actions">
                      <button type="button" className="button button--small" onClick={() => setEditing(client)}>
                        {t('clients.edit')}
                        <span className="visually-hidden"> {client.name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('clients.newTitle') : editing ? t('clients.editTitle', { name: editing.name }) : ''}
        onClose={() => setEditing(null)}
      >
        {editing !== null ? <ClientForm client={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </>
  );
}
