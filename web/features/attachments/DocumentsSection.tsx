import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/tasks.js';
import { ConfirmDialog } from '../../components/Modal.js';
import { useFormat } from '../auth/use-session.js';
import { errorMessage } from '../../components/errors.js';
import { useTaskView } from '../tasks/page/task-context.js';
import { attachmentUrl, canPreview, useAttachments, useDeleteAttachment, useUploadAttachment } from './use-attachments.js';
import { usePeopleNames } from '../tasks/page/use-field-format.js';

function useFileSize() {
  const format = useFormat();
  return (bytes: number) => {
    if (bytes < 1024) return format.number(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'short' });
    if (bytes < 1024 * 1024)
      return format.number(bytes / 1024, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 });
    return format.number(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 });
  };
}

/** The task's documents: drop files or choose them; download, preview images and PDFs, delete. */
export function DocumentsSection() {
  const { t } = useTranslation();
  const { task, project, me, parts, canEdit } = useTaskView();
  const format = useFormat();
  const size = useFileSize();
  const name = usePeopleNames(project);
  const attachments = useAttachments(task.id);
  const upload = useUploadAttachment(task.id);
  const remove = useDeleteAttachment(task.id);
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const [dragging, setDragging] = useState(false);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<Attachment | null>(null);

  async function send(files: readonly File[]) {
    setErrors([]);
    const failed: string[] = [];
    for (const file of files) {
      setStatus(t('taskView.documents.uploading', { name: file.name }));
      try {
        await upload.mutateAsync(file);
      } catch (error) {
        failed.push(`${file.name}: ${errorMessage(error)}`);
      }
    }
    setErrors(failed);
    const done = files.length - failed.length;
    setStatus(done > 0 ? t('taskView.documents.uploaded', { count: done }) : '');
  }

  const items = attachments.data ?? [];
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 className="card__title" id={headingId}>
          {t('taskView.documents.title')}
        </h2>
      </div>
      {canEdit ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the button inside is the keyboard way
        <div
          className={dragging ? 'dropzone dropzone--active' : 'dropzone'}
          onDragEnter={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
          }}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            const files = [...event.dataTransfer.files];
            if (files.length > 0) void send(files);
          }}
        >
          <p className="dropzone__text">{t('taskView.documents.drop')}</p>
          <input
            ref={input}
            type="file"
            multiple
            className="visually-hidden"
            id={`${headingId}-file`}
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length > 0) void send(files);
            }}
          />
          <button type="button" className="button" disabled={upload.isPending} onClick={() => input.current?.click()}>
            {upload.isPending ? t('taskView.documents.uploadingShort') : t('taskView.documents.choose')}
          </button>
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <div role="alert">
        {errors.length > 0 ? (
          <ul className="alert alert--error plain-list">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {attachments.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : attachments.isError ? (
        <p className="alert alert--error">{errorMessage(attachments.error)}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('taskView.documents.empty')}</p>
      ) : (
        <ul className="doc-list">
          {items.map((item) => (
            <li key={item.id} className="doc-list__item">
              <div className="doc-list__main">
                <a className="doc-list__name" href={attachmentUrl(item.id)} download={item.filename}>
                  {item.filename}
                </a>
                <span className="doc-list__meta">
                  {t('taskView.documents.meta', {
                    size: size(item.size),
                    name: name(item.uploaderId),
                    date: format.dateTime(item.createdAt),
                  })}
                </span>
              </div>
              <div className="doc-list__actions">
                {canPreview(item.contentType) ? (
                  <a className="button button--small" href={attachmentUrl(item.id, true)} target="_blank" rel="noopener noreferrer">
                    {t('taskView.documents.preview')}
                    <span className="visually-hidden"> {item.filename}</span>
                  </a>
                ) : null}
                {canEdit && (item.uploaderId === me.user.id || parts.isManager) ? (
                  <button
                    type="button"
                    className="button button--small button--danger-outline"
                    onClick={() => {
                      remove.reset();
                      setDeleting(item);
                    }}
                  >
                    {t('taskView.documents.delete')}
                    <span className="visually-hidden"> {item.filename}</span>
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('taskView.documents.deleteTitle')}
        body={<p>{t('taskView.documents.deleteBody', { name: deleting?.filename ?? '' })}</p>}
        confirmLabel={t('taskView.documents.delete')}
        danger
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await remove.mutateAsync(deleting.id);
            setDeleting(null);
          } catch {
            // Shown in the dialog.
          }
        }}
      />
    </section>
  );
}
