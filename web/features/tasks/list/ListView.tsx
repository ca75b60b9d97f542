import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { errorMessage } from '../../../components/errors.js';
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TaskSummary } from '../../../../shared/tasks.js';
import { TASK_STATUSES } from '../../../../shared/workflow.js';
import { ErrorNotice, Loading } from '../../../components/Page.js';
import { DeadlineMark, useDeadlineState } from '../DeadlineMark.js';
import { statusLabel } from '../labels.js';
import { useDirectory, useMilestones } from '../lookups.js';
import { StatusBadge } from '../StatusBadge.js';
import { listItems, useTaskList } from '../use-tasks.js';
import { Highlight, splitHighlight } from './Highlight.js';
import { isDefaultList, LIST_SORTS, type ListParams, readListParams, toTaskFilter, writeListParams } from './list-filters.js';
import { useProjectContext } from '../../projects/ProjectPage.js';
import { SavedFilters } from '../../saved-filters/SavedFilters.js';

/** Keeps a text box responsive while the address (and the query) follows it a moment later. */
function useDebouncedText(value: string, apply: (text: string) => void, delay = 300) {
  const [text, setText] = useState(value);
  const applyRef = useRef(apply);
  applyRef.current = apply;
  const last = useRef(value);
  // Someone else changed the value (back button, saved filter): show it.
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text === last.current) return;
    const timer = window.setTimeout(() => {
      last.current = text;
      applyRef.current(text);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [text, delay]);
  return [text, setText] as const;
}

function TitleCell({ task }: { task: TaskSummary }) {
  const parts = task.highlight ? splitHighlight(task.highlight, task.title) : null;
  return (
    <>
      <Link to={`/tasks/${task.id}`} className="task-row__link">
        {parts?.title ? <Highlight text={parts.title} /> : task.title}
      </Link>
      {parts?.rest ? (
        <span className="task-row__snippet">
          <Highlight text={parts.rest} />
        </span>
      ) : null}
    </>
  );
}

function FilterBar({ list, onChange, labels }: { list: ListParams; onChange: (next: ListParams) => void; labels: string[] }) {
  const { t } = useTranslation();
  const { project } = useProjectContext();
  const milestones = useMilestones(project.id);
  const id = useId();
  const [q, setQ] = useDebouncedText(list.q, (text) => onChange({ ...list, q: text }));
  const [label, setLabel] = useDebouncedText(list.label, (text) => onChange({ ...list, label: text }), 500);
  const members = [...project.members].sort((a, b) => a.name.localeCompare(b.name));
  // On a phone the filters other than search fold away behind a button.
  const [open, setOpen] = useState(false);

  const active =
    (list.captainId ? 1 : 0) +
    (list.milestoneId ? 1 : 0) +
    (list.label ? 1 : 0) +
    (list.overdue ? 1 : 0) +
    (list.sort !== 'project' ? 1 : 0) +
    (isDefaultList({ ...list, q: '', captainId: null, milestoneId: null, label: '', overdue: false, sort: 'project' }) ? 0 : 1);

  return (
    <search className={open ? 'list-filters list-filters--open' : 'list-filters'} aria-label={t('list.filters.label')}>
      <div className="list-filters__top">
        <div className="field list-filters__search">
          <label className="field__label" htmlFor={`${id}-q`}>
            {t('list.filters.search')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className="input input--compact"
            value={q}
            placeholder={t('list.filters.searchPlaceholder')}
            onChange={(event) => setQ(event.target.value)}
          />
        </div>
        <button
          type="button"
          className="button button--small list-filters__toggle"
          aria-expanded={open}
          aria-controls={`${id}-more`}
          onClick={() => setOpen((value) => !value)}
        >
          {active > 0 ? t('list.filters.moreActive', { count: active }) : t('list.filters.more')}
        </button>
      </div>
      <div className="list-filters__more" id={`${id}-more`}>
        <div className="list-filters__row">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-captain`}>
              {t('list.filters.captain')}
            </label>
            <select
              id={`${id}-captain`}
              className="input select input--compact"
              value={list.captainId ?? ''}
              onChange={(event) => onChange({ ...list, captainId: event.target.value ? Number(event.target.value) : null })}
            >
              <option value="">{t('list.filters.anyone')}</option>
              {members.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-milestone`}>
              {t('list.filters.milestone')}
            </label>
            <select
              id={`${id}-milestone`}
              className="input select input--compact"
              value={list.milestoneId ?? ''}
              onChange={(event) => onChange({ ...list, milestoneId: event.target.value ? Number(event.target.value) : null })}
            >
              <option value="">{t('list.filters.anyMilestone')}</option>
              {(milestones.data ?? []).map((milestone) => (
                <option key={milestone.id} value={milestone.id}>
                  {milestone.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-label`}>
              {t('list.filters.labelFilter')}
            </label>
            <input
              id={`${id}-label`}
              className="input input--compact"
              value={label}
              list={`${id}-labels`}
              autoComplete="off"
              onChange={(event) => setLabel(event.target.value)}
            />
            <datalist id={`${id}-labels`}>
              {labels.map((known) => (
                <option key={known} value={known} />
              ))}
            </datalist>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-sort`}>
              {t('list.filters.sort')}
            </label>
            <select
              id={`${id}-sort`}
              className="input select input--compact"
              value={list.sort}
              onChange={(event) => onChange({ ...list, sort: event.target.value as ListParams['sort'] })}
            >
              {LIST_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`list.sort.${sort}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="list-filters__chips">
          <fieldset className="chips">
            <legend className="chips__legend">{t('list.filters.status')}</legend>
            {TASK_STATUSES.map((status) => (
              <label key={status} className="chip">
                <input
                  type="checkbox"
                  checked={list.statuses.includes(status)}
                  onChange={(event) =>
                    onChange({
                      ...list,
                      statuses: event.target.checked ? [...list.statuses, status] : list.statuses.filter((item) => item !== status),
                    })
                  }
                />
                <span>{statusLabel(status)}</span>
              </label>
            ))}
            {list.statuses.length === 0 ? <span className="chips__note">{t('list.filters.allStatuses')}</span> : null}
          </fieldset>
          <label className="chip chip--flag">
            <input type="checkbox" checked={list.overdue} onChange={(event) => onChange({ ...list, overdue: event.target.checked })} />
            <span>{t('list.filters.overdueOnly')}</span>
          </label>
          {!isDefaultList(list) ? (
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => onChange(readListParams(new URLSearchParams()))}
            >
              {t('list.filters.clear')}
            </button>
          ) : null}
        </div>
      </div>
    </search>
  );
}

const ROW_ESTIMATE = 52;

/** One row; unchanged rows are not rendered again while the list scrolls. */
const TaskRow = memo(function TaskRow({
  task,
  index,
  captain,
  measure,
}: {
  task: TaskSummary;
  index: number;
  captain: string | null;
  measure: (element: Element | null) => void;
}) {
  const { t } = useTranslation();
  const isOverdue = useDeadlineState(task) === 'overdue';
  return (
    <tr
      aria-rowindex={index + 2}
      className={isOverdue ? 'task-table__row task-table__row--overdue' : 'task-table__row'}
      data-index={index}
      ref={measure}
    >
      <td className="task-table__ref">{task.reference}</td>
      <td className="task-table__title">
        <TitleCell task={task} />
      </td>
      <td className="task-table__status">
        <StatusBadge status={task.status} />
      </td>
      <td className="task-table__captain">{captain ?? <span className="no-captain">{t('list.noCaptain')}</span>}</td>
      <td className="task-table__deadline">
        <DeadlineMark task={task} short showNone />
      </td>
      <td className="task-table__labels">
        {task.labels.map((label) => (
          <span key={label} className="label-chip">
            {label}
          </span>
        ))}
      </td>
    </tr>
  );
});

function TaskTable({
  items,
  names,
  hasMore,
  loadingMore,
  onNeedMore,
}: {
  items: TaskSummary[];
  names: Map<number, string>;
  hasMore: boolean;
  loadingMore: boolean;
  onNeedMore: () => void;
}) {
  const { t } = useTranslation();
  const body = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Rows are placed against the page's scroll, so the list needs to know where it starts; that
  // moves only when something above it changes size (filters wrapping, a message appearing).
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const measure = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      setScrollMargin((previous) => (Math.abs(previous - top) > 1 ? top : previous));
    };
    measure();
    const observer = new ResizeObserver(measure);
    const page = element.closest('.project-page') ?? document.body;
    for (const above of page.querySelectorAll('.page-header, .tabs, .list-filters, .saved-filters, .list-count, thead')) {
      observer.observe(above);
    }
    return () => observer.disconnect();
  }, []);
  const count = items.length + (hasMore ? 1 : 0);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    scrollMargin,
    getItemKey: (index) => items[index]?.id ?? `more-${index}`,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 100) onNeedMore();
  }, [hasMore, loadingMore, lastIndex, items.length, onNeedMore]);

  const first = virtualRows[0];
  const last = virtualRows.at(-1);
  const before = first ? first.start - virtualizer.options.scrollMargin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - virtualizer.options.scrollMargin) : 0;

  return (
    <div className="task-table-wrap">
      <table className="task-table" aria-rowcount={hasMore ? -1 : items.length + 1}>
        <caption className="visually-hidden">{t('list.caption')}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="task-table__ref">
              {t('list.columns.reference')}
            </th>
            <th scope="col" className="task-table__title">
              {t('list.columns.title')}
            </th>
            <th scope="col" className="task-table__status">
              {t('list.columns.status')}
            </th>
            <th scope="col" className="task-table__captain">
              {t('list.columns.captain')}
            </th>
            <th scope="col" className="task-table__deadline">
              {t('list.columns.deadline')}
            </th>
            <th scope="col" className="task-table__labels">
              {t('list.columns.labels')}
            </th>
          </tr>
        </thead>
        <tbody ref={body}>
          {before > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer standing in for the rows scrolled past, not content
            <tr className="task-table__spacer" aria-hidden="true">
              <td colSpan={6} style={{ height: before }} />
            </tr>
          ) : null}
          {virtualRows.map((row) => {
            const task = items[row.index];
            if (!task) {
              return (
                <tr
                  key={row.key}
                  aria-rowindex={row.index + 2}
                  className="task-table__more"
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                >
                  <td colSpan={6}>{t('list.loadingMore')}</td>
                </tr>
              );
            }
            return (
              <TaskRow
                key={row.key}
                task={task}
                index={row.index}
                captain={task.captainId ? (names.get(task.captainId) ?? '…') : null}
                measure={virtualizer.measureElement}
              />
            );
          })}
          {after > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer standing in for the rows not rendered yet, not content
            <tr className="task-table__spacer" aria-hidden="true">
              <td colSpan={6} style={{ height: after }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

export function ListView() {
  const { t } = useTranslation();
  const { project, openNewTask } = useProjectContext();
  const [params, setParams] = useSearchParams();
  const list = useMemo(() => readListParams(params), [params]);
  const filter = useMemo(() => toTaskFilter(project.id, list), [project.id, list]);
  const tasks = useTaskList(filter);
  const directory = useDirectory();
  const items = useMemo(() => listItems(tasks.data), [tasks.data]);

  const names = useMemo(() => {
    const map = new Map<number, string>();
    for (const person of directory.data ?? []) map.set(person.id, person.name);
    for (const member of project.members) map.set(member.userId, member.name);
    return map;
  }, [directory.data, project.members]);
  const labels = useMemo(() => [...new Set(items.flatMap((task) => task.labels))].sort(), [items]);
  const { fetchNextPage } = tasks;
  const needMore = useMemo(() => () => void fetchNextPage(), [fetchNextPage]);

  function change(next: ListParams) {
    setParams(writeListParams(next), { replace: true });
  }

  return (
    <section aria-labelledby="list-title" className="list-view">
      <h2 className="visually-hidden" id="list-title">
        {t('projects.tabs.list')}
      </h2>
      <FilterBar list={list} onChange={change} labels={labels} />
      <SavedFilters projectId={project.id} list={list} onApply={change} />
      <div role="status" className="list-count">
        {tasks.isSuccess
          ? tasks.hasNextPage
            ? t('list.countMore', { count: items.length })
            : t('list.count', { count: items.length })
          : null}
      </div>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorNotice message={errorMessage(tasks.error)} onRetry={() => void tasks.refetch()} />
      ) : items.length === 0 ? (
        <div className="empty-state">
          {isDefaultList(list) ? (
            <>
              <p>{t('list.empty')}</p>
              {project.state !== 'archived' ? (
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => openNewTask(list.milestoneId ? { milestoneId: list.milestoneId } : {})}
                >
                  {t('newTask.open')}
                </button>
              ) : null}
            </>
          ) : (
            <>
              <p>{t('list.noMatch')}</p>
              <button type="button" className="button" onClick={() => change(readListParams(new URLSearchParams()))}>
                {t('list.filters.clear')}
              </button>
            </>
          )}
        </div>
      ) : (
        <TaskTable items={items} names={names} hasMore={tasks.hasNextPage} loadingMore={tasks.isFetchingNextPage} onNeedMore={needMore} />
      )}
    </section>
  );
}
