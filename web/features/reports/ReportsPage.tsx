/**
 * /reports: tracked time over a period, by activity type, billable or not, per day against
 * capacity, by project and by person; with one project chosen, its tasks against their estimates.
 * Filters live in the address; the exports download the same query's entries.
 */
import i18next from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { formatDuration, MAX_REPORT_DAYS, type TimeReport } from '../../../shared/time.js';
import { ApiError } from '../../api/client.js';
import { errorMessage, fieldMessage } from '../../components/errors.js';
import { ErrorNotice, Loading, NoAccess, PageHeader } from '../../components/Page.js';
import { useClients, useProjects } from '../projects/use-projects.js';
import { useFormat, useSession } from '../auth/use-session.js';
import { todayIn } from '../../../shared/deadline.js';
import { useActivityTypes, useDirectory } from '../tasks/lookups.js';
import { ActivityChart, BillableChart, PersonChart, ProjectChart, TaskChart, TimelineChart } from './charts.js';
import type { PickOption } from './MultiPick.js';
import {
  activitySlices,
  billableSplit,
  granularityFor,
  limitBars,
  personBars,
  projectBars,
  share,
  taskBars,
  taskRows,
  timeBuckets,
  utilisation,
} from './report-data.js';
import {
  type DateRange,
  daysInRange,
  emptyFilters,
  exportHref,
  hasNarrowingFilters,
  type ReportFilters,
  readReportParams,
  resolveRange,
  toReportQuery,
  writeReportParams,
} from './report-filters.js';
import { formatDecimalHours, formatPercent, formatRange } from './report-format.js';
import { type FilterProblems, ReportFilterBar } from './ReportFilterBar.js';
import { useTimeReport } from './use-reports.js';

/** Bars drawn before the rest are summed into one (the tables list them all). */
const MAX_BARS = 12;

function byName(a: PickOption, b: PickOption): number {
  return a.name.localeCompare(b.name);
}

/** The server's refusal, placed at the date it concerns, in the reader's language where Spine knows the case. */
function problemsOf(error: unknown, range: DateRange | null, isCustom: boolean): FilterProblems {
  if (!(error instanceof ApiError) || error.status !== 422) return {};
  const problems: FilterProblems = {};
  const loose: string[] = [];
  for (const field of error.fieldErrors) {
    // Query problems point into the query string (`/querystring/to`); the filter knows them by name.
    const pointer = field.pointer.replace(/^\/querystring(?=\/)/, '');
    const endsBeforeStart = field.code === 'before_from' || (pointer === '/to' && range !== null && daysInRange(range) < 1);
    const tooLong = field.code === 'too_long' || (pointer === '/to' && range !== null && daysInRange(range) > MAX_REPORT_DAYS);
    const message = endsBeforeStart
      ? i18next.t('reports.errors.endBeforeStart')
      : tooLong
        ? i18next.t('reports.errors.tooLong', { count: MAX_REPORT_DAYS })
        : fieldMessage(field);
    if (isCustom && pointer === '/from') problems.from ??= message;
    else if (isCustom && pointer === '/to') problems.to ??= message;
    else loose.push(message);
  }
  if (loose.length > 0) problems.other = loose.join(' ');
  else if (!problems.from && !problems.to) problems.other = errorMessage(error);
  return problems;
}

export function ReportsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readReportParams(params), [params]);
  const today = todayIn(format.timeZone);
  const resolved = resolveRange(filters, today, me.organization.weekStart);
  const range = 'range' in resolved ? resolved.range : null;
  const query = range ? toReportQuery(filters, range) : null;
  const isClientAccount = me.role === 'client';

  const report = useTimeReport(isClientAccount ? null : query);
  const projects = useProjects('all');
  const clients = useClients({ enabled: !isClientAccount });
  const activityTypes = useActivityTypes({ enabled: !isClientAccount });
  // Owners and admins see everyone's time; a project manager sees their projects' people.
  const seesOthers = isOrganizationAdmin(me.role) || (projects.data ?? []).some((project) => project.myRole === 'manager');
  const directory = useDirectory({ enabled: seesOthers });

  const projectOptions = useMemo(
    () => (projects.data ?? []).map((project) => ({ id: project.id, name: project.name, detail: project.key })).sort(byName),
    [projects.data],
  );
  const clientOptions = useMemo(
    () => (clients.data ?? []).map((client) => ({ id: client.id, name: client.name })).sort(byName),
    [clients.data],
  );
  const activityOptions = useMemo(
    () =>
      (activityTypes.data ?? [])
        .map((type) => ({ id: type.id, name: type.name, color: type.color, detail: type.active ? null : t('reports.filters.inactive') }))
        .sort(byName),
    [activityTypes.data, t],
  );
  const peopleOptions = useMemo(
    () =>
      seesOthers
        ? (directory.data ?? [])
            .filter((person) => person.role !== 'client')
            .map((person) => ({ id: person.id, name: person.name, detail: person.active ? null : t('reports.filters.inactive') }))
            .sort(byName)
        : null,
    [seesOthers, directory.data, t],
  );

  function change(next: ReportFilters) {
    setParams(writeReportParams(next), { replace: true });
  }

  if (isClientAccount || (report.error instanceof ApiError && report.error.status === 403)) {
    return (
      <>
        <PageHeader title={t('reports.title')} />
        <NoAccess />
      </>
    );
  }

  const problems: FilterProblems =
    'problem' in resolved
      ? { [resolved.problem === 'fromMissing' ? 'from' : 'to']: t(`reports.errors.${resolved.problem}`) }
      : problemsOf(report.error, range, filters.period === 'custom');
  const refused = report.error instanceof ApiError && report.error.status === 422;
  const data = report.isError ? undefined : report.data;

  return (
    <div className="reports-page">
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={query && !report.isError ? <ExportLinks query={query} /> : null}
      />
      <ReportFilterBar
        filters={filters}
        onChange={change}
        range={range}
        people={peopleOptions}
        projects={projectOptions}
        clients={clientOptions}
        activityTypes={activityOptions}
        problems={problems}
      />
      <div className="reports-page__status" role="status">
        {/* Only while other filters load: a quiet refresh in the background is not announced. */}
        {report.isPlaceholderData && report.isFetching ? t('reports.status.updating') : null}
      </div>
      {query === null || refused ? null : report.isPending ? (
        <Loading label={t('reports.status.loading')} />
      ) : report.isError ? (
        <ErrorNotice message={errorMessage(report.error)} onRetry={() => void report.refetch()} />
      ) : data && data.totalMinutes === 0 && range ? (
        <EmptyReport
          range={range}
          narrowed={hasNarrowingFilters(filters)}
          onClear={() => change({ ...emptyFilters(), period: filters.period, from: filters.from, to: filters.to })}
        />
      ) : data && range ? (
        <div
          className={report.isPlaceholderData ? 'reports-page__content reports-page__content--stale' : 'reports-page__content'}
          aria-busy={report.isPlaceholderData}
        >
          <Totals report={data} />
          <Breakdown report={data} range={range} filters={filters} seesOthers={seesOthers} weekStart={me.organization.weekStart} />
        </div>
      ) : null}
    </div>
  );
}

function ExportLinks({ query }: { query: string }) {
  const { t } = useTranslation();
  return (
    <div className="report-exports">
      <a className="button button--small" href={exportHref('csv', query)} download>
        {t('reports.export.csv')}
      </a>
      <a className="button button--small" href={exportHref('xlsx', query)} download>
        {t('reports.export.xlsx')}
      </a>
    </div>
  );
}

function EmptyReport({ range, narrowed, onClear }: { range: DateRange; narrowed: boolean; onClear: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="report-empty">
      <h2 className="report-empty__title">{t('reports.empty.title')}</h2>
      <p>{t(narrowed ? 'reports.empty.narrowed' : 'reports.empty.body', { range: formatRange(i18n.language, range) })}</p>
      {narrowed ? (
        <button type="button" className="button" onClick={onClear}>
          {t('reports.filters.clear')}
        </button>
      ) : null}
    </div>
  );
}

function Totals({ report }: { report: TimeReport }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const used = utilisation(report);
  return (
    <section aria-labelledby="report-totals-title" className="report-totals-section">
      <h2 id="report-totals-title" className="visually-hidden">
        {t('reports.totals.label')}
      </h2>
      <dl className="report-totals">
        <div className="report-total">
          <dt>{t('reports.totals.total')}</dt>
          <dd className="report-total__value">{formatDuration(report.totalMinutes)}</dd>
          <dd className="report-total__detail">
            {t('reports.totals.decimal', { hours: formatDecimalHours(locale, report.totalMinutes) })} ·{' '}
            {t('reports.totals.entries', { count: report.entryCount })}
          </dd>
        </div>
        <div className="report-total">
          <dt>{t('reports.totals.billableShare')}</dt>
          <dd className="report-total__value">{formatPercent(locale, share(report.billableMinutes, report.totalMinutes))}</dd>
          <dd className="report-total__detail">
            {t('reports.totals.billableOf', {
              billable: formatDuration(report.billableMinutes),
              total: formatDuration(report.totalMinutes),
            })}
          </dd>
        </div>
        <div className="report-total">
          <dt>{t('reports.totals.utilisation')}</dt>
          <dd className="report-total__value">{used === null ? '—' : formatPercent(locale, used)}</dd>
          <dd className="report-total__detail">
            {used === null
              ? t('reports.totals.noCapacity')
              : t('reports.totals.ofCapacity', { capacity: formatDuration(report.capacityMinutes) })}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Breakdown({
  report,
  range,
  filters,
  seesOthers,
  weekStart,
}: {
  report: TimeReport;
  range: DateRange;
  filters: ReportFilters;
  seesOthers: boolean;
  weekStart: number;
}) {
  const { t } = useTranslation();
  const granularity = granularityFor(range);
  const buckets = useMemo(() => timeBuckets(report.byDay, range, granularity, weekStart), [report.byDay, range, granularity, weekStart]);
  const slices = activitySlices(report, t('reports.charts.noActivity'));
  const projects = projectBars(report);
  const people = personBars(report);
  const other = t('reports.charts.other');
  // One project chosen: the report is about that project, down to its tasks.
  const projectId = filters.projectIds.length === 1 ? filters.projectIds[0] : undefined;
  const project = projectId === undefined ? undefined : report.byProject.find((row) => row.projectId === projectId);
  const tasks = projectId === undefined ? [] : taskRows(report, projectId);
  const showPeople = seesOthers && (project ? people.length > 0 : people.length > 1);

  return (
    <section aria-labelledby="report-breakdown-title" className="report-breakdown">
      <h2 id="report-breakdown-title" className="report-breakdown__title">
        {project ? t('reports.charts.projectHeading', { name: project.name, key: project.key }) : t('reports.charts.heading')}
      </h2>
      <div className="report-grid">
        <ActivityChart slices={slices} totalMinutes={report.totalMinutes} />
        <BillableChart split={billableSplit(report)} totalMinutes={report.totalMinutes} />
        <TimelineChart buckets={buckets} granularity={granularity} />
        {project ? null : <ProjectChart bars={projects} chartBars={limitBars(projects, MAX_BARS, other)} alone={!showPeople} />}
        {showPeople ? <PersonChart bars={people} chartBars={limitBars(people, MAX_BARS, other)} alone={Boolean(project)} /> : null}
        {project && tasks.length > 0 ? (
          <TaskChart
            rows={tasks}
            chartBars={limitBars(taskBars(tasks, report.totalMinutes), MAX_BARS, other)}
            periodMinutes={project.minutes}
          />
        ) : null}
      </div>
    </section>
  );
}
