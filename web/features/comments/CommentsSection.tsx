import { errorMessage } from '../../components/errors.js';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Comment, CommentBodySchema } from '../../../shared/tasks.js';
import { ApiError } from '../../api/client.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { ConfirmDialog } from '../../components/Modal.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useFormat } from '../auth/use-session.js';
import { newIdempotencyKey } from '../tasks/use-tasks.js';
import { Markdown } from '../../components/Markdown.js';
import { MarkdownField } from '../../components/MarkdownEditor.js';
import { type Mentionable, MentionTextarea } from '../../components/MentionTextarea.js';
import { useTaskView } from '../tasks/page/task-context.js';
import { useAddComment, useComments, useDeleteComment, useEditComment } from './use-comments.js';

function CommentEditor({
  label,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus,
}: {
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const { project, me } = useTaskView();
  const form = useServerForm({ schema: CommentBodySchema, defaultValues: { body: initial } });
  const people: Mentionable[] = (project?.members ?? [])
    .filter((member) => member.userId !== me.user.id)
    .map((member) => ({ id: member.userId, name: member.name }));

  return (
    <Form
      form={form}
      className="form comment-form"
      onSubmit={async ({ body }) => {
        await onSubmit(body);
        form.reset({ body: '' });
      }}
    >
      <MarkdownField
        control={form.control}
        name="body"
        label={label}
        hint={t('taskView.comments.hint')}
        rows={4}
        renderInput={(props) => <MentionTextarea {...props} maxLength={50_000} people={people} autoFocus={autoFocus} />}
      />
      <div className="actions">
        <SubmitButton pending={form.formState.isSubmitting} label={submitLabel} />
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

function CommentItem({ comment, onDelete }: { comment: Comment; onDelete: (comment: Comment) => void }) {
  const { t } = useTranslation();
  const { task, me, isClosed } = useTaskView();
  const format = useFormat();
  const edit = useEditComment(task.id);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const mine = comment.authorId === me.user.id && !isClosed;
  return (
    <li className="comment" id={`comment-${comment.id}`}>
      <div className="comment__head">
        <span className="comment__author">{comment.authorName}</span>
        <time className="comment__date" dateTime={comment.createdAt}>
          {format.dateTime(comment.createdAt)}
        </time>
        {comment.editedAt ? <span className="comment__edited">{t('taskView.comments.edited')}</span> : null}
      </div>
      {editing ? (
        <CommentEditor
          label={t('taskView.comments.editLabel')}
          initial={comment.body}
          submitLabel={t('taskView.comments.saveEdit')}
          autoFocus
          onSubmit={async (body) => {
            await edit.mutateAsync({ id: comment.id, body });
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : (
        <Markdown className="comment__body">{comment.body}</Markdown>
      )}
      {mine && !editing ? (
        <div className="comment__actions">
          <button ref={editButton} type="button" className="button button--small" onClick={() => setEditing(true)}>
            {t('taskView.comments.edit')}
          </button>
          <button type="button" className="button button--small button--danger-outline" onClick={() => onDelete(comment)}>
            {t('taskView.comments.delete')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

export function CommentsSection() {
  const { t } = useTranslation();
  const { task, isClosed } = useTaskView();
  const comments = useComments(task.id);
  const add = useAddComment(task.id);
  const remove = useDeleteComment(task.id);
  const [deleting, setDeleting] = useState<Comment | null>(null);
  const headingId = useId();
  // One key per comment being written: a retry after a lost answer does not post it twice.
  const key = useRef(newIdempotencyKey());

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 className="card__title" id={headingId}>
          {t('taskView.comments.title')}
        </h2>
      </div>
      {comments.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : comments.isError ? (
        <p className="alert alert--error">{errorMessage(comments.error)}</p>
      ) : comments.data.length === 0 ? (
        <p className="muted">{t('taskView.comments.empty')}</p>
      ) : (
        <ol className="comment-list">
          {comments.data.map((comment) => (
            <CommentItem key={comment.id} comment={comment} onDelete={setDeleting} />
          ))}
        </ol>
      )}
      {isClosed ? null : (
        <CommentEditor
          label={t('taskView.comments.newLabel')}
          initial=""
          submitLabel={t('taskView.comments.submit')}
          onSubmit={async (body) => {
            try {
              await add.mutateAsync({ body, idempotencyKey: key.current });
              key.current = newIdempotencyKey();
            } catch (error) {
              // A refusal is final for this text; only a lost answer is retried with the same key.
              if (error instanceof ApiError && error.status >= 400 && error.status < 500) key.current = newIdempotencyKey();
              throw error;
            }
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('taskView.comments.deleteTitle')}
        body={<p>{t('taskView.comments.deleteBody')}</p>}
        confirmLabel={t('taskView.comments.delete')}
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
