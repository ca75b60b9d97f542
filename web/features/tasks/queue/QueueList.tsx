import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskSummary } from '../../../../shared/tasks.js';
import { DeadlineMark } from '../DeadlineMark.js';
import { errorMessage } from '../../../components/errors.js';
import { StatusActions } from '../StatusActions.js';
import { StatusBadge } from '../StatusBadge.js';
import { type MoveTaskInput, useMoveTask } from '../use-tasks.js';
import { TimerButton } from '../../time/TimerButton.js';
import { TrackedTime } from '../../time/TrackedTime.js';

/** The move that puts the task at `from` into position `to` of the list as shown. */
export function moveFor(items: readonly { id: number }[], from: number, to: number): MoveTaskInput | null {
  const moving = items[from];
  const target = items[to];
  if (!moving || !target || from === to) return null;
  return to < from ? { id: moving.id, list: 'queue', beforeId: target.id } : { id: moving.id, list: 'queue', afterId: target.id };
}

interface RowProps {
  task: TaskSummary;
  index: number;
  count: number;
  projectName: string | undefined;
  onMove: (index: number, to: number, focus: 'link' | 'up' | 'down') => void;
}

const QueueRow = memo(function QueueRow({ task, index, count, projectName, onMove }: RowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: task.id });
  const style = { transform: CSS.Transform.toString(transform), transition };
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={isDragging ? 'queue-row queue-row--dragging' : 'queue-row'}
      data-task-id={task.id}
      onKeyDown={(event) => {
        // Alt+Arrow moves the task from wherever focus is in its row.
        if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
        event.preventDefault();
        onMove(index, event.key === 'ArrowUp' ? index - 1 : index + 1, 'link');
      }}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="drag-handle"
        aria-label={t('myWork.queue.drag', { reference: task.reference })}
        {...attributes}
        {...listeners}
      >
        <span aria-hidden="true" className="drag-handle__dots" />
      </button>
      <span className="queue-row__position" aria-hidden="true">
        {index + 1}
      </span>
      <div className="queue-row__main">
        <Link to={`/tasks/${task.id}`} className="queue-row__title" data-focus="link">
          <span className="task-ref">{task.reference}</span> {task.title}
        </Link>
        <div className="queue-row__meta">
          <StatusBadge status={task.status} />
          <DeadlineMark task={task} />
          <TrackedTime task={task} />
          {projectName ? <span className="muted">{projectName}</span> : null}
        </div>
      </div>
      <div className="queue-row__order">
        <TimerButton task={task} variant="icon" />
        <button
          type="button"
          className="icon-button icon-button--small"
          data-focus="up"
          disabled={index === 0}
          onClick={() => onMove(index, index - 1, 'up')}
        >
          <span aria-hidden="true">↑</span>
          <span className="visually-hidden">{t('myWork.queue.up', { reference: task.reference })}</span>
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          data-focus="down"
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1, 'down')}
        >
          <span aria-hidden="true">↓</span>
          <span className="visually-hidden">{t('myWork.queue.down', { reference: task.reference })}</span>
        </button>
      </div>
      <div className="queue-row__actions">
        <StatusActions task={task} compact />
      </div>
    </li>
  );
});

/**
 * The person's queue in order: drag a row by its handle (mouse, touch, or Space and arrows), press
 * Alt+↑/↓ anywhere in a row, or use its ↑ ↓ buttons. The order changes at once and is put back if
 * the server refuses.
 */
export function QueueList({ tasks, projectNames }: { tasks: readonly TaskSummary[]; projectNames: ReadonlyMap<number, string> }) {
  const { t } = useTranslation();
  const { mutateAsync: moveTask } = useMoveTask();
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const latest = useRef(tasks);
  latest.current = tasks;

  const reference = (id: unknown) => latest.current.find((task) => task.id === id)?.reference ?? '';
  const position = (id: unknown) => latest.current.findIndex((task) => task.id === id) + 1;

  const apply = useCallback(
    async (from: number, to: number, focus: 'link' | 'up' | 'down' | null) => {
      const items = latest.current;
      const body = moveFor(items, from, to);
      if (!body) return;
      setError(null);
      const moved = items[from]!;
      const pending = moveTask(body);
      setAnnouncement(t('myWork.queue.moved', { reference: moved.reference, position: to + 1, count: items.length }));
      if (focus) {
        // Reordering moves the row's DOM node, which drops focus: put it back on the same control.
        requestAnimationFrame(() => {
          const row = list.current?.querySelector<HTMLElement>(`[data-task-id="${moved.id}"]`);
          const control = row?.querySelector<HTMLElement>(`[data-focus="${focus}"]`);
          (control && !(control as HTMLButtonElement).disabled ? control : row?.querySelector<HTMLElement>('[data-focus="link"]'))?.focus();
        });
      }
      try {
        await pending;
      } catch (failure) {
        setError(errorMessage(failure));
        setAnnouncement(t('myWork.queue.moveFailed'));
      }
    },
    [moveTask, t],
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = latest.current.findIndex((task) => task.id === active.id);
    const to = latest.current.findIndex((task) => task.id === over.id);
    void apply(from, to, null);
  };

  return (
    <>
      <div role="alert">{error ? <p className="alert alert--error">{error}</p> : null}</div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('myWork.queue.dragInstructions') },
          announcements: {
            onDragStart: ({ active }) => t('myWork.queue.dragStart', { reference: reference(active.id), position: position(active.id) }),
            onDragOver: ({ active, over }) =>
              over ? t('myWork.queue.dragOver', { reference: reference(active.id), position: position(over.id) }) : undefined,
            onDragEnd: ({ active, over }) =>
              over ? t('myWork.queue.dragEnd', { reference: reference(active.id), position: position(over.id) }) : undefined,
            onDragCancel: ({ active }) => t('myWork.queue.dragCancel', { reference: reference(active.id) }),
          },
        }}
      >
        <SortableContext items={tasks.map((task) => task.id)} strategy={verticalListSortingStrategy}>
          <ol ref={list} className="queue" aria-describedby={tasks.length > 1 ? 'queue-keys' : undefined}>
            {tasks.map((task, index) => (
              <QueueRow
                key={task.id}
                task={task}
                index={index}
                count={tasks.length}
                projectName={projectNames.get(task.projectId)}
                onMove={apply}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </>
  );
}
