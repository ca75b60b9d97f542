import './activity-types.css';
import { useEffect, useRef, useState } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type ActivityType, CreateActivityTypeBodySchema, UpdateActivityTypeBodySchema } from '../../../shared/projects.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { errorMessage } from '../../components/errors.js';
import { FormAlert, StatusMessage, TextField } from '../../components/Field.js';
import { Form, FormActions, SubmitButton } from '../../components/Form.js';
import { ErrorNotice, Loading, Section } from '../../components/Page.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useSession } from '../auth/use-session.js';
import { useActivityTypes } from '../tasks/lookups.js';
import { newIdempotencyKey } from '../tasks/use-tasks.js';
import { useCreateActivityType, useUpdateActivityType } from './use-activity-types.js';

/** Colours offered for a new type, the first one no type uses yet. */
const PALETTE = ['#2563eb', '#16a34a', '#db2777', '#ea580c', '#0891b2', '#7c3aed', '#65a30d', '#be123c', '#0f766e', '#a16207'];

function freeColor(types: readonly ActivityType[]): string {
  const used = new Set(types.map((type) => type.color.toLowerCase()));
  return PALETTE.find((color) => !used.has(color)) ?? PALETTE[types.length % PALETTE.length]!;
}

interface TypeValues {
  name: string;
  color: string;
  billable: boolean;
}

function typeValues(type: ActivityType | undefined, color: string): TypeValues {
  return { name: type?.name ?? '', color, billable: type?.billable ?? true };
}

/** The fields a type is made of; the add form and the inline edit share them. */
function TypeFields({ register }: { register: UseFormRegister<TypeValues> }) {
  const { t } = useTranslation();
  return (
    <div className="activity-type-form__fields">
      <TextField
        label={t('activityTypes.fields.name')}
        {...register('name')}
        autoComplete="off"
        required
        maxLength={60}
        fieldClassName="activity-type-form__name"
      />
      <TextField label={t('activityTypes.fields.color')} {...register('color')} type="color" className="input--color" />
      <label className="choice activity-type-form__billable">
        <input type="checkbox" {...register('billable')} />
        <span>{t('activityTypes.fields.billable')}</span>
      </label>
    </div>
  );
}

function AddActivityTypeForm({ types, onAdded }: { types: readonly ActivityType[]; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateActivityType();
  const form = useServerForm({
    schema: CreateActivityTypeBodySchema,
    defaultValues: typeValues(undefined, freeColor(types)),
    messages: { '/color': t('activityTypes.colorInvalid') },
  });
  // One key per opened form: a retried request adds the type once.
  const [idempotencyKey] = useState(newIdempotencyKey);

  return (
    <Form
      form={form}
      className="form activity-type-form activity-type-form--add"
      summary={false}
      onSubmit={async (body) => onAdded((await create.mutateAsync({ body, idempotencyKey })).name)}
    >
      <h3 className="activity-type-form__title">{t('activityTypes.add.title')}</h3>
      <FormAlert message={form.formError} />
      <TypeFields register={form.register} />
      <div className="actions">
        <SubmitButton pending={create.isPending} label={t('activityTypes.add.submit')} pendingLabel={t('activityTypes.add.submitting')} />
      </div>
    </Form>
  );
}

function EditActivityTypeForm({ type, onDone }: { type: ActivityType; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdateActivityType();
  const form = useServerForm({
    schema: UpdateActivityTypeBodySchema,
    defaultValues: typeValues(type, type.color),
    messages: { '/color': t('activityTypes.colorInvalid') },
  });
  const { setFocus } = form;

  useEffect(() => setFocus('name'), [setFocus]);

  return (
    <Form
      form={form}
      className="form activity-type-form"
      aria-label={t('activityTypes.editLabel', { name: type.name })}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(false);
      }}
      onSubmit={async (body) => {
        await update.mutateAsync({ id: type.id, body });
        onDone(true);
      }}
    >
      <TypeFields register={form.register} />
      <FormActions small onCancel={() => onDone(false)} pending={update.isPending} />
    </Form>
  );
}

interface RowProps {
  type: ActivityType;
  index: number;
  count: number;
  mayEdit: boolean;
  onEdit: () => void;
  onMove: (direction: 'up' | 'down') => void;
  onToggle: () => void;
}

function ActivityTypeRow({ type, index, count, mayEdit, onEdit, onMove, onToggle }: RowProps) {
  const { t } = useTranslation();
  return (
    <>
      <span className="activity-type__swatch" style={{ background: type.color }} aria-hidden="true" />
      <div className="activity-type__text">
        <span className="activity-type__name">{type.name}</span>
        <span className="activity-type__facts">
          <span className={`tag ${type.billable ? 'tag--billable' : ''}`}>
            {type.billable ? t('activityTypes.billable') : t('activityTypes.notBillable')}
          </span>
          <span className={`badge ${type.active ? 'badge--active' : 'badge--deactivated'}`}>
            {type.active ? t('activityTypes.active') : t('activityTypes.inactive')}
          </span>
        </span>
      </div>
      {mayEdit ? (
        <div className="activity-type__actions">
          <div className="activity-type__order">
            <button
              type="button"
              className="icon-button icon-button--small"
              data-focus={`${type.id}-up`}
              disabled={index === 0}
              onClick={() => onMove('up')}
            >
              <span aria-hidden="true">↑</span>
              <span className="visually-hidden">{t('activityTypes.moveUp', { name: type.name })}</span>
            </button>
            <button
              type="button"
              className="icon-button icon-button--small"
              data-focus={`${type.id}-down`}
              disabled={index === count - 1}
              onClick={() => onMove('down')}
            >
              <span aria-hidden="true">↓</span>
              <span className="visually-hidden">{t('activityTypes.moveDown', { name: type.name })}</span>
            </button>
          </div>
          <button type="button" className="button button--small" data-focus={`${type.id}-edit`} onClick={onEdit}>
            {t('activityTypes.edit')}
            <span className="visually-hidden"> {type.name}</span>
          </button>
          <button type="button" className="button button--small activity-type__toggle" onClick={onToggle}>
            {type.active ? t('activityTypes.deactivate') : t('activityTypes.activate')}
            <span className="visually-hidden"> {type.name}</span>
          </button>
        </div>
      ) : null}
    </>
  );
}

/**
 * The organization's activity types in Settings: everyone sees the list; owners and admins add,
 * rename, recolour, reorder and (de)activate types. There is no delete: old tasks and time entries
 * keep their type, and task pickers offer only the active ones.
 */
export function ActivityTypesSection() {
  const { t } = useTranslation();
  const me = useSession();
  const mayEdit = isOrganizationAdmin(me.role);
  const types = useActivityTypes();
  const update = useUpdateActivityType();
  const listRef = useRef<HTMLUListElement>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [added, setAdded] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  /**
   * After a move or an edit, focus returns to the control the person used, wherever the row went
   * (moving a row's DOM node drops its focus). A move waits for the reordered list (`waitFor` is
   * the list it started from).
   */
  const [focusTarget, setFocusTarget] = useState<{ control: string; waitFor?: readonly ActivityType[] } | null>(null);

  useEffect(() => {
    if (!focusTarget || (focusTarget.waitFor && focusTarget.waitFor === types.data)) return;
    const list = listRef.current;
    const target = list?.querySelector<HTMLButtonElement>(`[data-focus="${focusTarget.control}"]`);
    const [id, which] = focusTarget.control.split('-');
    const other = list?.querySelector<HTMLButtonElement>(`[data-focus="${id}-${which === 'up' ? 'down' : 'up'}"]`);
    // A row moved to either end has that arrow disabled: take the other one.
    (target?.disabled && (which === 'up' || which === 'down') ? other : target)?.focus();
    setFocusTarget(null);
  }, [focusTarget, types.data]);

  async function change(type: ActivityType, body: { position?: number; active?: boolean }, done: string): Promise<boolean> {
    setActionError(null);
    setStatus(null);
    try {
      await update.mutateAsync({ id: type.id, body });
      setStatus(done);
      return true;
    } catch (error) {
      setActionError(errorMessage(error));
      return false;
    }
  }

  return (
    <Section
      title={t('activityTypes.title')}
      description={mayEdit ? t('activityTypes.descriptionAdmin') : t('activityTypes.descriptionReadOnly')}
    >
      {types.isPending ? (
        <Loading />
      ) : types.isError ? (
        <ErrorNotice message={errorMessage(types.error)} onRetry={() => void types.refetch()} />
      ) : (
        <div className="activity-types-section">
          <FormAlert message={actionError} />
          <StatusMessage message={status} />
          {types.data.length === 0 ? (
            <p className="muted">{t('activityTypes.empty')}</p>
          ) : (
            <ul className="activity-types" ref={listRef} aria-label={t('activityTypes.title')}>
              {types.data.map((type, index) => (
                <li key={type.id} className={`activity-type${type.active ? '' : ' activity-type--inactive'}`}>
                  {editingId === type.id ? (
                    <EditActivityTypeForm
                      type={type}
                      onDone={(saved) => {
                        setEditingId(null);
                        setStatus(saved ? t('activityTypes.saved') : null);
                        setFocusTarget({ control: `${type.id}-edit` });
                      }}
                    />
                  ) : (
                    <ActivityTypeRow
                      type={type}
                      index={index}
                      count={types.data.length}
                      mayEdit={mayEdit}
                      onEdit={() => {
                        setStatus(null);
                        setEditingId(type.id);
                      }}
                      onMove={(direction) => {
                        // One move at a time: the next index is only right once the list has reordered.
                        if (update.isPending) return;
                        const position = direction === 'up' ? index - 1 : index + 1;
                        setFocusTarget({ control: `${type.id}-${direction}`, waitFor: types.data });
                        void change(type, { position }, t('activityTypes.moved', { name: type.name, position: position + 1 })).then(
                          (moved) => {
                            if (!moved) setFocusTarget(null);
                          },
                        );
                      }}
                      onToggle={() => {
                        if (update.isPending) return;
                        void change(
                          type,
                          { active: !type.active },
                          type.active
                            ? t('activityTypes.deactivated', { name: type.name })
                            : t('activityTypes.activated', { name: type.name }),
                        );
                      }}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
          {mayEdit ? (
            <AddActivityTypeForm
              key={added}
              types={types.data}
              onAdded={(name) => {
                setAdded((count) => count + 1);
                setStatus(t('activityTypes.add.added', { name }));
              }}
            />
          ) : null}
        </div>
      )}
    </Section>
  );
}
