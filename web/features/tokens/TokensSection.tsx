import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiToken, CreateApiTokenBodySchema, type CreatedApiToken } from '../../../shared/api.js';
import { CopyField } from '../../components/CopyField.js';
import { errorMessage } from '../../components/errors.js';
import { TextField } from '../../components/Field.js';
import { Form } from '../../components/Form.js';
import { ConfirmDialog } from '../../components/Modal.js';
import { ErrorNotice, Loading, Section } from '../../components/Page.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useFormat } from '../auth/use-session.js';
import { useCreateToken, useRevokeToken, useTokens } from './use-tokens.js';

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const form = useServerForm({ schema: CreateApiTokenBodySchema, defaultValues: { name: '' } });

  return (
    <Form
      form={form}
      className="form form--inline"
      onSubmit={async (body) => {
        onCreated(await create.mutateAsync(body.name));
        form.reset();
      }}
    >
      <div className="inline-row">
        <TextField
          label={t('tokens.name')}
          {...form.register('name')}
          hint={t('tokens.nameHint')}
          autoComplete="off"
          required
          fieldClassName="inline-row__grow"
        />
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('tokens.creating') : t('tokens.create')}
        </button>
      </div>
    </Form>
  );
}

function TokenTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="visually-hidden">{t('tokens.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tokens.name')}</th>
            <th scope="col">{t('tokens.prefix')}</th>
            <th scope="col">{t('tokens.created')}</th>
            <th scope="col">{t('tokens.lastUsed')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('tokens.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row" className="cell-primary">
                {token.name}
              </th>
              <td data-label={t('tokens.prefix')}>
                <code>{token.prefix}…</code>
              </td>
              <td data-label={t('tokens.created')}>{format.dateTime(token.createdAt)}</td>
              <td data-label={t('tokens.lastUsed')}>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.neverUsed')}</td>
              <td className="cell-actions">
                <button type="button" className="button button--small button--danger-outline" onClick={() => onRevoke(token)}>
                  {t('tokens.revoke')}
                  <span className="visually-hidden"> {token.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TokensSection() {
  const { t } = useTranslation();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <Section
      title={t('tokens.title')}
      description={
        <>
          {t('tokens.description')} <a href="/api/docs">{t('tokens.docsLink')}</a>
        </>
      }
    >
      {created ? (
        <div className="callout" role="status">
          <p>
            <strong>{t('tokens.createdTitle', { name: created.name })}</strong> {t('tokens.createdBody')}
          </p>
          <CopyField label={t('tokens.tokenValue')} value={created.token} />
          <button type="button" className="button" onClick={() => setCreated(null)}>
            {t('tokens.dismiss')}
          </button>
        </div>
      ) : null}
      <CreateTokenForm onCreated={setCreated} />
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorNotice message={errorMessage(tokens.error)} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p className="muted">{t('tokens.empty')}</p>
      ) : (
        <TokenTable
          tokens={tokens.data}
          onRevoke={(token) => {
            revoke.reset();
            setRevoking(token);
          }}
        />
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('tokens.revokeTitle', { name: revoking?.name ?? '' })}
        body={<p>{t('tokens.revokeBody')}</p>}
        confirmLabel={t('tokens.revoke')}
        pendingLabel={t('tokens.revoking')}
        danger
        pending={revoke.isPending}
        error={revoke.isError ? errorMessage(revoke.error) : null}
        onCancel={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          try {
            await revoke.mutateAsync(revoking.id);
            setRevoking(null);
          } catch {
            // Shown in the dialog.
          }
        }}
      />
    </Section>
  );
}
