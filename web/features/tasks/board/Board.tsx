import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  closestCorners,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  TouchSensor,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { errorMessage } from '../../../components/errors.js';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedTransitions, canMakeTransition, skipsRequiredReview, type TaskParts } from '../../../../shared/task-rules.js';
import type { TaskSummary } from '../../../../shared/tasks.js';
import { isOpen, type TaskStatus, type Transition, transitionsFrom } from '../../../../shared/workflow.js';
import { ErrorNotice } from '../../../components/Page.js';
import { useSession } from '../../auth/use-session.js';
import { statusLabel } from '../labels.js';
import { useDirectory } from '../lookups.js';
import { taskParts } from '../task-parts.js';
import { TransitionDialog } from '../TransitionDialog.js';
import { listItems, useChangeStatus, useMoveTask, useReview, useTaskList } from '../use-tasks.js';
import { columnFilter, columnItems, moveCard } from './board-cache.js';
import { BoardCard, CardBody, type CardMenu, type PositionMove } from './BoardCard.js';
import { projectKeys } from '../../projects/keys.js';
import { canManage } from '../../projects/labels.js';
import { useProjectContext } from '../../projects/ProjectPage.js';

const OPEN_COLUMNS: readonly TaskStatus[] = ['planned', 'in_progress', 'waiting', 'review', 'done'];
const COLUMN_ID = 'column:';

function columnOf(id: string | number): TaskStatus | null {
  return typeof id === 'string' && id.startsWith(COLUMN_ID) ? (id.slice(COLUMN_ID.length) as TaskStatus) : null;
}

/**
 * Under a pointer: the card it is over, else the column. From the keyboard the pointer stays where
 * the drag began, so the card or column nearest to the moved card counts instead.
 */
function detectCollisions(fromKeyboard: boolean): CollisionDetection {
  return (args) => {
    if (fromKeyboard) return closestCorners(args);
    const under = pointerWithin(args);
    if (under.length > 0) {
      const cards = under.filter((collision) => columnOf(collision.id) === null);
      return cards.length > 0 ? cards : under;
    }
    return closestCenter(args);
  };
}

/**
 * Arrow keys while a card is picked up: up and down move it within its column; left and right
 * jump to the top of the neighbouring column.
 */
function keyboardCoordinates(columns: { current: readonly TaskStatus[] }): KeyboardCoordinateGetter {
  return (event, args) => {
    if (event.code !== 'ArrowLeft' && event.code !== 'ArrowRight') return sortableKeyboardCoordinates(event, args);
    event.preventDefault();
    const { active, over, droppableRects } = args.context;
    const here =
      (over?.data.current as { status?: TaskStatus } | undefined)?.status ??
      (active?.data.current as { status?: TaskStatus } | undefined)?.status;
    const at = here ? columns.current.indexOf(here) : -1;
    const next = columns.current[at + (event.code === 'ArrowRight' ? 1 : -1)];
    const rect = next ? droppableRects.get(`${COLUMN_ID}${next}`) : undefined;
    return rect ? { x: rect.left, y: rect.top } : undefined;
  };
}

function orList(locale: string, words: string[]): string {
  try {
    return new Intl.ListFormat(locale, { type: 'disjunction' }).format(words);
  } catch {
    return words.join(', ');
  }
}

interface ColumnProps {
  status: TaskStatus;
  projectId: number;
  names: Map<number, string>;
  menuFor: (task: TaskSummary, index: number, count: number) => CardMenu;
  focusId: number | null;
  onFocused: () => void;
  onMove: (task: TaskSummary, move: Transition) => void;
  onPosition: (task: TaskSummary, position: PositionMove) => void;
  onAdd?: (() => void) | undefined;
  highlighted: boolean;
}

function Column({ status, projectId, names, menuFor, focusId, onFocused, onMove, onPosition, onAdd, highlighted }: ColumnProps) {
  const { t } = useTranslation();
  const tasks = useTaskList(columnFilter(projectId, status));
  // A task whose status changed is dropped at once, before the column is fetched again.
  const items = useMemo(() => listItems(tasks.data).filter((task) => task.status === status), [tasks.data, status]);
  const { setNodeRef } = useDroppable({ id: `${COLUMN_ID}${status}`, data: { status } });
  const headingId = `column-${status}`;
  const count = tasks.hasNextPage ? `${items.length}+` : String(items.length);

  return (
    <section className={highlighted ? 'board-column board-column--over' : 'board-column'} aria-labelledby={headingId} data-status={status}>
      <header className="board-column__header">
        <h3 className="board-column__title" id={headingId}>
          <span className={`status-dot status-dot--${status}`} aria-hidden="true" />
          {statusLabel(status)}
          <span className="board-column__count">
            <span className="visually-hidden">, </span>
            {count}
            <span className="visually-hidden"> {t('board.tasksWord', { count: items.length })}</span>
          </span>
        </h3>
        {onAdd ? (
          <button type="button" className="icon-button board-column__add" onClick={onAdd} title={t('board.addTask')}>
            <span aria-hidden="true">+</span>
            <span className="visually-hidden">{t('board.addTask')}</span>
          </button>
        ) : null}
      </header>
      {tasks.isError ? <ErrorNotice message={errorMessage(tasks.error)} onRetry={() => void tasks.refetch()} /> : null}
      <SortableContext id={status} items={items.map((task) => task.id)} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="board-column__cards" aria-labelledby={headingId} aria-busy={tasks.isPending || undefined}>
          {items.map((task, index) => (
            <BoardCard
              key={task.id}
              task={task}
              captain={task.captainId ? (names.get(task.captainId) ?? null) : null}
              menu={menuFor(task, index, items.length)}
              focus={focusId === task.id}
              onFocused={onFocused}
              onMove={onMove}
              onPosition={onPosition}
            />
          ))}
          {tasks.isPending ? <li className="board-column__empty">{t('common.loading')}</li> : null}
          {tasks.isSuccess && items.length === 0 ? <li className="board-column__empty">{t('board.emptyColumn')}</li> : null}
        </ul>
      </SortableContext>
      {tasks.hasNextPage ? (
        <button
          type="button"
          className="button button--small button--block"
          disabled={tasks.isFetchingNextPage}
          onClick={() => void tasks.fetchNextPage()}
        >
          {tasks.isFetchingNextPage ? t('common.loading') : t('board.showMore')}
        </button>
      ) : null}
    </section>
  );
}

export function Board() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const { project, openNewTask } = useProjectContext();
  const queryClient = useQueryClient();
  const directory = useDirectory();
  const changeStatus = useChangeStatus();
  const review = useReview();
  const moveTask = useMoveTask();
  const manager = canManage(project);
  const [showCancelled, setShowCancelled] = useState(false);
  const [dragging, setDragging] = useState<TaskSummary | null>(null);
  const [fromKeyboard, setFromKeyboard] = useState(false);
  const collisionDetection = useMemo(() => detectCollisions(fromKeyboard), [fromKeyboard]);
  const [overStatus, setOverStatus] = useState<TaskStatus | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [refusal, setRefusal] = useState('');
  const [focusId, setFocusId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<{ task: TaskSummary; transition: Transition; rollback: () => void } | null>(null);
  // Set when the dialog made the move; read as it closes, in the same tick.
  const dialogDone = useRef(false);
  const clearFocus = useCallback(() => setFocusId(null), []);

  const columns = showCancelled ? [...OPEN_COLUMNS, 'cancelled' as const] : OPEN_COLUMNS;
  const columnOrder = useRef<readonly TaskStatus[]>(columns);
  columnOrder.current = columns;
  const coordinateGetter = useMemo(() => keyboardCoordinates(columnOrder), []);
  const names = useMemo(() => {
    const map = new Map<number, string>();
    for (const person of directory.data ?? []) map.set(person.id, person.name);
    for (const member of project.members) map.set(member.userId, member.name);
    return map;
  }, [directory.data, project.members]);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // On touch screens a short press starts a drag, so a swipe still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const partsOf = useCallback((task: TaskSummary): TaskParts => taskParts(task, me, project), [me, project]);

  const menuFor = useCallback(
    (task: TaskSummary, index: number, count: number): CardMenu => {
      const positions: PositionMove[] = [];
      const reorderable = manager && isOpen(task.status);
      if (reorderable && index > 0) positions.push('top', 'up');
      if (reorderable && index < count - 1) positions.push('down', 'bottom');
      return { moves: allowedTransitions(task.status, partsOf(task)).filter((move) => move.to !== task.status), positions };
    },
    [manager, partsOf],
  );

  /** A task closed or reopened changes the project's open count and its milestone's progress. */
  function refreshProject() {
    void queryClient.invalidateQueries({ queryKey: projectKeys.detail(project.id), exact: true });
    void queryClient.invalidateQueries({ queryKey: projectKeys.milestones(project.id) });
  }

  function refuse(message: string) {
    setAnnouncement('');
    setRefusal(message);
  }

  function announce(message: string) {
    setRefusal('');
    setAnnouncement(message);
  }

  /** Why this person cannot make this move, in words; null when they can. */
  function whyNot(task: TaskSummary, to: TaskStatus): { transition: Transition | null; reason: string | null } {
    const transition = transitionsFrom(task.status).find((candidate) => candidate.to === to) ?? null;
    const names = { reference: task.reference, from: statusLabel(task.status), to: statusLabel(to) };
    if (!transition) {
      const allowed = [...new Set(transitionsFrom(task.status).map((candidate) => statusLabel(candidate.to)))];
      return { transition, reason: t('board.refused.notAllowed', { ...names, allowed: orList(i18n.language, allowed) }) };
    }
    const parts = partsOf(task);
    if (skipsRequiredReview(transition, parts.reviewRequired)) return { transition, reason: t('board.refused.reviewRequired', names) };
    if (!canMakeTransition(transition, parts)) {
      const who = transition.by.includes('reviewer')
        ? parts.isCaptain
          ? 'ownWork'
          : 'reviewer'
        : transition.by.length === 1 && transition.by[0] === 'manager'
          ? 'manager'
          : transition.by.length === 1 && transition.by[0] === 'captain'
            ? 'captain'
            : 'captainOrManager';
      return { transition, reason: t(`board.refused.${who}`, names) };
    }
    if (transition.action === 'start' && (task.captainId === null || task.deadline === null)) {
      return { transition, reason: t('board.refused.incomplete', names) };
    }
    return { transition, reason: null };
  }

  async function changeTo(task: TaskSummary, to: TaskStatus, index: number, viaMenu: boolean) {
    const { transition, reason } = whyNot(task, to);
    if (!transition || reason) {
      refuse(reason ?? '');
      return;
    }
    const rollback = await moveCard(queryClient, project.id, task, to, index);
    if (viaMenu) setFocusId(task.id);
    if (transition.needs) {
      dialogDone.current = false;
      setDialog({ task, transition, rollback });
      return;
    }
    try {
      if (transition.via === 'review') await review.mutateAsync({ id: task.id, decision: 'approve' });
      else await changeStatus.mutateAsync({ id: task.id, status: to });
      refreshProject();
      announce(t('board.moved', { reference: task.reference, to: statusLabel(to) }));
    } catch (error) {
      rollback();
      if (viaMenu) setFocusId(task.id);
      refuse(t('board.refused.server', { reference: task.reference, message: errorMessage(error) }));
    }
  }

  async function reorderTo(task: TaskSummary, newIndex: number, viaMenu: boolean) {
    if (!manager) {
      refuse(t('board.refused.reorderManagers'));
      return;
    }
    if (!isOpen(task.status)) return;
    const items = columnItems(queryClient, project.id, task.status).filter((item) => item.status === task.status);
    const oldIndex = items.findIndex((item) => item.id === task.id);
    if (oldIndex < 0 || newIndex === oldIndex) return;
    const target = items[Math.max(0, Math.min(newIndex, items.length - 1))];
    if (!target || target.id === task.id) return;
    const body = newIndex > oldIndex ? { afterId: target.id } : { beforeId: target.id };
    if (viaMenu) setFocusId(task.id);
    try {
      await moveTask.mutateAsync({ id: task.id, list: 'project', ...body });
      announce(
        t('board.reordered', { reference: task.reference, position: Math.min(newIndex, items.length - 1) + 1, count: items.length }),
      );
    } catch (error) {
      refuse(t('board.refused.server', { reference: task.reference, message: errorMessage(error) }));
    }
  }

  function onPosition(task: TaskSummary, position: PositionMove) {
    const items = columnItems(queryClient, project.id, task.status).filter((item) => item.status === task.status);
    const index = items.findIndex((item) => item.id === task.id);
    const next = position === 'top' ? 0 : position === 'bottom' ? items.length - 1 : position === 'up' ? index - 1 : index + 1;
    void reorderTo(task, next, true);
  }

  function onDragStart(event: DragStartEvent) {
    const task = (event.active.data.current as { task?: TaskSummary } | undefined)?.task ?? null;
    setDragging(task);
    setFromKeyboard(event.activatorEvent instanceof KeyboardEvent);
    setRefusal('');
  }

  function targetOf(over: DragEndEvent['over']): { status: TaskStatus; index: number | null } | null {
    if (!over) return null;
    const column = columnOf(over.id);
    if (column) return { status: column, index: null };
    const data = over.data.current as { status?: TaskStatus; sortable?: { index: number } } | undefined;
    return data?.status ? { status: data.status, index: data.sortable?.index ?? null } : null;
  }

  function onDragEnd(event: DragEndEvent) {
    const task = (event.active.data.current as { task?: TaskSummary } | undefined)?.task;
    setDragging(null);
    setOverStatus(null);
    const target = targetOf(event.over);
    if (!task || !target) return;
    if (target.status === task.status) {
      const count = columnItems(queryClient, project.id, task.status).length;
      void reorderTo(task, target.index ?? count - 1, false);
      return;
    }
    void changeTo(task, target.status, target.index ?? 0, false);
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const task = (active.data.current as { task?: TaskSummary } | undefined)?.task;
      return t('board.dnd.pickedUp', { reference: task?.reference ?? '', status: task ? statusLabel(task.status) : '' });
    },
    onDragOver: ({ over }) => {
      const target = targetOf(over);
      if (!target) return t('board.dnd.nowhere');
      return target.index === null
        ? t('board.dnd.overColumn', { status: statusLabel(target.status) })
        : t('board.dnd.overPosition', { status: statusLabel(target.status), position: target.index + 1 });
    },
    onDragEnd: ({ over }) => {
      const target = targetOf(over);
      return target ? t('board.dnd.dropped', { status: statusLabel(target.status) }) : t('board.dnd.cancelled');
    },
    onDragCancel: () => t('board.dnd.cancelled'),
  };

  return (
    <section aria-labelledby="board-title" className="board-view">
      <h2 className="visually-hidden" id="board-title">
        {t('projects.tabs.board')}
      </h2>
      <div className="board-intro">
        <p className="muted" id="board-help">
          {manager ? t('board.helpManager') : t('board.help')}
        </p>
        <button
          type="button"
          className="button button--small button--ghost"
          aria-pressed={showCancelled}
          onClick={() => setShowCancelled((value) => !value)}
        >
          {t('board.showCancelled')}
        </button>
      </div>
      <div role="status" className="board-message">
        {announcement ? <p className="alert alert--success">{announcement}</p> : null}
      </div>
      <div role="alert" className="board-message">
        {refusal ? <p className="alert alert--error">{refusal}</p> : null}
      </div>
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragOver={(event) => setOverStatus(targetOf(event.over)?.status ?? null)}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          setDragging(null);
          setOverStatus(null);
        }}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.dnd.instructions') } }}
      >
        <div className="board" data-columns={columns.length}>
          {columns.map((status) => (
            <Column
              key={status}
              status={status}
              projectId={project.id}
              names={names}
              menuFor={menuFor}
              focusId={focusId}
              onFocused={clearFocus}
              onMove={(task, move) => void changeTo(task, move.to, 0, true)}
              onPosition={onPosition}
              onAdd={status === 'planned' && project.state !== 'archived' ? () => openNewTask() : undefined}
              highlighted={dragging !== null && overStatus === status && dragging.status !== status}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragging ? (
            <div className="card-task card-task--overlay">
              <CardBody task={dragging} captain={dragging.captainId ? (names.get(dragging.captainId) ?? null) : null} />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <TransitionDialog
        task={dialog?.task ?? null}
        transition={dialog?.transition ?? null}
        onDone={(task) => {
          dialogDone.current = true;
          refreshProject();
          announce(t('board.moved', { reference: task.reference, to: statusLabel(task.status) }));
        }}
        onClose={() => {
          if (dialog && !dialogDone.current) {
            dialog.rollback();
            announce(t('board.dialogCancelled', { reference: dialog.task.reference, status: statusLabel(dialog.task.status) }));
          }
          // Focus goes back to the card, wherever it now is.
          if (dialog) setFocusId(dialog.task.id);
          setDialog(null);
        }}
      />
    </section>
  );
}
