import { errorMessage } from '../../components/errors.js';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreateSavedFilterBody, CreateSavedFilterBodySchema } from '../../../shared/tasks.js';
import { ApiError } from '../../api/client.js';
import { Form } from '../../components/Form.js';
import { useServerForm } from '../../components/use-server-form.js';
import { fromSavedQuery, isDefaultList, type ListParams, toSavedQuery, writeListParams } from '../tasks/list/list-filters.js';
import { useCreateSavedFilter, useDeleteSavedFilter, useSavedFilters } from '../projects/use-projects.js';

/** Named filters of this project's list: apply one, save the current filter under a name, delete one. */
export function SavedFilters({ projectId, list, onApply }: { projectId: number; list: ListParams; onApply: (list: ListParams) => void }) {
  const { t } = useTranslation();
  const saved = useSavedFilters();
  const create = useCreateSavedFilter();
  const remove = useDeleteSavedFilter();
  const id = useId();
  const [naming, setNaming] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const form = useServerForm({
    schema: CreateSavedFilterBodySchema,
    defaultValues: { name: '' },
    toBody: ({ name }) => ({ name, query: toSavedQuery(projectId, list) }),
  });
  const error = form.fieldError('name') ?? form.formError ?? deleteError;

  // The endpoint may be missing on an older server: the list works without saved filters.
  if (saved.error instanceof ApiError && saved.error.status === 404) return null;

  const mine = (saved.data ?? []).filter((filter) => filter.query.projectId === String(projectId));
  const current = writeListParams(list).toString();
  const active = mine.find((filter) => writeListParams(fromSavedQuery(filter.query)).toString() === current);

  async function save(body: CreateSavedFilterBody) {
    setDeleteError(null);
    const filter = await create.mutateAsync(body);
    setNaming(false);
    form.reset();
    setMessage(t('list.saved.savedAs', { name: filter.name }));
    saveButton.current?.focus();
  }

  return (
    <div className="saved-filters">
      {mine.length > 0 ? (
        <div className="saved-filters__pick">
          <label className="saved-filters__label" htmlFor={`${id}-pick`}>
            {t('list.saved.label')}
          </label>
          <select
            id={`${id}-pick`}
            className="input select input--compact"
            value={active ? String(active.id) : ''}
            onChange={(event) => {
              const filter = mine.find((item) => String(item.id) === event.target.value);
              if (filter) onApply(fromSavedQuery(filter.query));
            }}
          >
            <option value="">{t('list.saved.choose')}</option>
            {mine.map((filter) => (
              <option key={filter.id} value={filter.id}>
                {filter.name}
              </option>
            ))}
          </select>
          {active ? (
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={remove.isPending}
              onClick={async () => {
                try {
                  await remove.mutateAsync(active.id);
                  setMessage(t('list.saved.deleted', { name: active.name }));
                } catch (failure) {
                  setDeleteError(errorMessage(failure));
                }
              }}
            >
              {t('list.saved.delete')}
              <span className="visually-hidden"> {active.name}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {naming ? (
        <Form form={form} className="saved-filters__form" summary={false} onSubmit={save}>
          <label className="saved-filters__label" htmlFor={`${id}-name`}>
            {t('list.saved.name')}
          </label>
          <input
            {...form.register('name')}
            id={`${id}-name`}
            className="input input--compact"
            maxLength={100}
            autoComplete="off"
            aria-invalid={form.fieldError('name') ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                setNaming(false);
                saveButton.current?.focus();
              }
            }}
          />
          <button type="submit" className="button button--small" disabled={create.isPending}>
            {t('list.saved.save')}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => setNaming(false)}>
            {t('common.cancel')}
          </button>
        </Form>
      ) : !active && !isDefaultList(list) ? (
        <button
          ref={saveButton}
          type="button"
          className="button button--small button--ghost"
          onClick={() => {
            setNaming(true);
            setMessage(null);
            requestAnimationFrame(() => form.setFocus('name'));
          }}
        >
          {t('list.saved.saveCurrent')}
        </button>
      ) : null}
      <div role="status" className="saved-filters__status">
        {message ? <span>{message}</span> : null}
      </div>
      <div role="alert">
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
