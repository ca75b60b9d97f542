import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskSummary } from '../../../../shared/tasks.js';
import type { Transition } from '../../../../shared/workflow.js';
import { DeadlineMark, useDeadlineState } from '../DeadlineMark.js';
import { actionLabel, statusLabel } from '../labels.js';
import { TimerButton } from '../../time/TimerButton.js';
import { TrackedTime } from '../../time/TrackedTime.js';

export type PositionMove = 'top' | 'up' | 'down' | 'bottom';

export interface CardMenu {
  moves: Transition[];
  positions: PositionMove[];
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0]];
  return letters
    .map((part) => part?.[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/** The card's content, shared by the card in its column and the copy that follows the pointer while dragging. */
export function CardBody({
  task,
  captain,
  handle,
  menu,
  timer,
}: {
  task: TaskSummary;
  captain: string | null;
  handle?: ReactNode;
  menu?: ReactNode;
  /** The card's timer toggle (not on the copy that follows the pointer). */
  timer?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="card-task__top">
        {handle}
        <span className="card-task__ref">{task.reference}</span>
        {timer}
        {menu}
      </div>
      <Link to={`/tasks/${task.id}`} className="card-task__title" draggable={false}>
        {task.title}
      </Link>
      <div className="card-task__bottom">
        {captain ? (
          <span className="card-task__captain">
            <span className="avatar avatar--small" aria-hidden="true" title={captain}>
              {initials(captain)}
            </span>
            <span className="visually-hidden">{t('board.captainIs', { name: captain })}</span>
          </span>
        ) : (
          <span className="no-captain">{t('list.noCaptain')}</span>
        )}
        <DeadlineMark task={task} short />
        <TrackedTime task={task} />
        {task.labels.slice(0, 3).map((label) => (
          <span key={label} className="label-chip">
            {label}
          </span>
        ))}
      </div>
    </>
  );
}

/** “Move to…”: every move the drag offers, as a menu of buttons (for keyboards, switches, and anyone who dislikes dragging). */
function MoveMenu({
  task,
  menu,
  onMove,
  onPosition,
}: {
  task: TaskSummary;
  menu: CardMenu;
  onMove: (move: Transition) => void;
  onPosition: (position: PositionMove) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);

  // The menu floats above the board (columns scroll and would clip it), placed under its button.
  useLayoutEffect(() => {
    if (!open) return;
    const rect = button.current?.getBoundingClientRect();
    const width = panel.current?.offsetWidth ?? 240;
    const height = panel.current?.offsetHeight ?? 200;
    if (!rect) return;
    const below = rect.bottom + 4 + height <= window.innerHeight;
    setPlace({
      top: below ? rect.bottom + 4 : Math.max(8, rect.top - 4 - height),
      left: Math.max(8, Math.min(rect.right - width, window.innerWidth - width - 8)),
    });
  }, [open]);

  useEffect(() => {
    if (open && place) panel.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
  }, [open, place]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!panel.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    const onScroll = (event: Event) => {
      if (!panel.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div className="move-menu">
      <button
        ref={button}
        type="button"
        className="move-menu__button"
        title={t('board.moveTo')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          setPlace(null);
          setOpen((value) => !value);
        }}
      >
        <span aria-hidden="true">⋯</span>
        <span className="visually-hidden">
          {t('board.moveTo')} {task.reference}
        </span>
      </button>
      <div
        ref={panel}
        id={id}
        role="menu"
        aria-label={t('board.menuLabel', { reference: task.reference })}
        className="move-menu__panel"
        style={place ? { top: place.top, left: place.left } : { visibility: 'hidden' }}
        hidden={!open}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            close();
          } else if (event.key === 'Tab') {
            setOpen(false);
          } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'Home' || event.key === 'End') {
            event.preventDefault();
            const items = [...(panel.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
            const at = items.indexOf(document.activeElement as HTMLElement);
            const next =
              event.key === 'Home'
                ? 0
                : event.key === 'End'
                  ? items.length - 1
                  : (at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
            items[next]?.focus();
          }
        }}
      >
        {menu.moves.length > 0
          ? menu.moves.map((move) => (
              <button
                key={move.action}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="move-menu__item"
                onClick={() => {
                  setOpen(false);
                  onMove(move);
                }}
              >
                {actionLabel(move.action)}
                <span className="move-menu__to">→ {statusLabel(move.to)}</span>
                {move.needs ? <span aria-hidden="true">…</span> : null}
              </button>
            ))
          : null}
        {menu.moves.length > 0 && menu.positions.length > 0 ? <hr className="move-menu__separator" /> : null}
        {menu.positions.length > 0
          ? menu.positions.map((position) => (
              <button
                key={position}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="move-menu__item"
                onClick={() => {
                  setOpen(false);
                  onPosition(position);
                }}
              >
                {t(`board.position.${position}`)}
              </button>
            ))
          : null}
      </div>
    </div>
  );
}

export interface BoardCardProps {
  task: TaskSummary;
  captain: string | null;
  menu: CardMenu;
  /** Asks this card to take focus (after a move from its menu re-created it in another column). */
  focus: boolean;
  onFocused: () => void;
  onMove: (task: TaskSummary, move: Transition) => void;
  onPosition: (task: TaskSummary, position: PositionMove) => void;
}

export function BoardCard({ task, captain, menu, focus, onFocused, onMove, onPosition }: BoardCardProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    data: { task, status: task.status },
  });
  const handle = useRef<HTMLButtonElement | null>(null);
  const isOverdue = useDeadlineState(task) === 'overdue';

  useEffect(() => {
    if (focus) {
      handle.current?.focus();
      onFocused();
    }
  }, [focus, onFocused]);

  return (
    <li
      ref={setNodeRef}
      className={['card-task', isDragging ? 'card-task--placeholder' : '', isOverdue ? 'card-task--overdue' : ''].filter(Boolean).join(' ')}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-task-id={task.id}
      {...listeners}
    >
      <CardBody
        task={task}
        captain={captain}
        handle={
          <button
            type="button"
            ref={(node) => {
              handle.current = node;
              setActivatorNodeRef(node);
            }}
            className="card-task__handle"
            {...attributes}
            aria-label={t('board.dragHandle', { reference: task.reference, title: task.title })}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        }
        timer={<TimerButton task={task} variant="icon" />}
        menu={
          menu.moves.length > 0 || menu.positions.length > 0 ? (
            <MoveMenu task={task} menu={menu} onMove={(move) => onMove(task, move)} onPosition={(position) => onPosition(task, position)} />
          ) : null
        }
      />
    </li>
  );
}
