import { errorMessage } from '../../components/errors.js';
import '../projects/projects.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Client, CreateClientBodySchema } from '../../../shared/projects.js';
import { TextField } from '../../components/Field.js';
import { Form, FormActions } from '../../components/Form.js';
import { Modal } from '../../components/Modal.js';
import { ErrorNotice, Loading, PageHeader } from '../../components/Page.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useSession } from '../auth/use-session.js';
import { newIdempotencyKey } from '../tasks/use-tasks.js';
import { AreaNav } from '../projects/AreaNav.js';
import { canRunProjects } from '../projects/labels.js';
import { useClients, useCreateClient, useProjects, useUpdateClient } from '../projects/use-projects.js';

function ClientForm({ client, onDone }: { client: Client | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateClient();
  const update = useUpdateClient();
  // An edit sends every field, so the create rules are the edit's too.
  const form = useServerForm({
    schema: CreateClientBodySchema,
    defaultValues: { name: client?.name ?? '', contact: client?.contact ?? '', notes: client?.notes ?? '' },
  });
  const [idempotencyKey] = useState(newIdempotencyKey);
  const pending = create.isPending || update.isPending;

  return (
    <Form
      form={form}
      onSubmit={async (body) => {
        await (client ? update.mutateAsync({ id: client.id, body }) : create.mutateAsync({ body, idempotencyKey }));
        onDone();
      }}
    >
      <TextField label={t('clients.fields.name')} {...form.register('name')} required autoComplete="off" />
      <TextField
        multiline
        label={t('clients.fields.contact')}
        {...form.register('contact')}
        rows={3}
        hint={t('clients.fields.contactHint')}
      />
      <TextField multiline label={t('clients.fields.notes')} {...form.register('notes')} hint={t('clients.fields.notesHint')} />
      <FormActions end onCancel={onDone} pending={pending} label={client ? t('common.save') : t('clients.create')} />
    </Form>
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
