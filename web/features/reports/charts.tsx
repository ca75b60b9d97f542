/**
 * The report's charts. Each is a <figure> named by its caption, with the drawing hidden from
 * assistive technology and the same numbers beside it as a table, so nobody needs the picture
 * (or its colours) to read the split.
 */
import { type ReactNode, useId, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Line, Pie, PieChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDuration } from '../../../shared/time.js';
import {
  BILLABLE_COLOR,
  type Bar as BarDatum,
  type BillableSplit,
  chartHours,
  type Granularity,
  NON_BILLABLE_COLOR,
  type Slice,
  share,
  type TaskRow,
  type TimeBucket,
} from './report-data.js';
import { bucketLabel, bucketTick, formatAxisHours, formatDecimalHours, formatPercent } from './report-format.js';

export const CAPACITY_COLOR = '#b45309';
const GRID_COLOR = '#e6e9ee';
const AXIS_TICK = { fontSize: 12, fill: '#566072' };

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

/** A chart and its numbers. The figure's accessible name is its title. */
export function ChartFigure({
  title,
  description,
  chart,
  children,
  layout = 'half',
}: {
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  children: ReactNode;
  /** `half`: one of two in a row, numbers under the chart; `wide`: a row to itself, numbers beside; `full`: a row to itself, numbers under. */
  layout?: 'half' | 'wide' | 'full';
}) {
  const id = useId();
  return (
    <figure className={`report-figure report-figure--${layout}`} aria-labelledby={`${id}-title`}>
      <figcaption className="report-figure__caption">
        <h3 className="report-figure__title" id={`${id}-title`}>
          {title}
        </h3>
        {description ? <p className="report-figure__description">{description}</p> : null}
      </figcaption>
      <div className="report-figure__body">
        <div className="report-figure__chart" aria-hidden="true">
          {chart}
        </div>
        <div className="report-figure__numbers">{children}</div>
      </div>
    </figure>
  );
}

/** A table that may grow long scrolls inside its own box; the box is focusable so keyboards can scroll it too. */
function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="report-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

function Swatch({ color, variant }: { color: string; variant?: 'line' }) {
  return <span className={variant === 'line' ? 'swatch swatch--line' : 'swatch'} style={{ background: color }} aria-hidden="true" />;
}

/** The colour key under a chart, in words. */
function Legend({ items }: { items: readonly { label: string; color: string; line?: boolean }[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <Swatch color={item.color} variant={item.line ? 'line' : undefined} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

interface TooltipItem {
  name?: unknown;
  value?: unknown;
  color?: string;
  payload?: { label?: unknown; fill?: string; color?: string };
}

/** What the pointer is over, in h:mm (the full date for a bar over time). */
function HoursTooltip({ active, payload, label }: { active?: boolean; payload?: readonly TooltipItem[]; label?: unknown }) {
  if (!active || !payload?.length) return null;
  const heading = payload[0]?.payload?.label ?? label;
  return (
    <div className="chart-tooltip">
      {typeof heading === 'string' && heading !== '' ? <p className="chart-tooltip__label">{heading}</p> : null}
      <ul>
        {payload.map((item) => (
          <li key={String(item.name)}>
            <Swatch color={item.payload?.color ?? item.color ?? item.payload?.fill ?? NON_BILLABLE_COLOR} />
            {String(item.name)}: <strong>{formatDuration(Math.round(Number(item.value) * 60))}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

function useHoursText() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      locale,
      decimal: (minutes: number) => formatDecimalHours(locale, minutes),
      percent: (fraction: number) => formatPercent(locale, fraction),
      axis: (hours: number) => formatAxisHours(locale, hours),
    }),
    [locale],
  );
}

/** A column heading of a numbers table; `num` columns are right-aligned figures. */
interface Column {
  label: string;
  num?: boolean;
}

/**
 * The numbers beside a chart: a table named (for screen readers) by the chart's title, its
 * column headings, its rows and an optional footer. `scroll`: a table that may grow long, in its
 * own scrollable box.
 */
function NumbersTable({
  title,
  columns,
  className = 'table report-table',
  scroll = false,
  footer,
  children,
}: {
  title: string;
  columns: readonly Column[];
  className?: string;
  scroll?: boolean;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const table = (
    <table className={className}>
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col" className={column.num ? 'num' : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {footer}
    </table>
  );
  return scroll ? <ScrollBox label={t('reports.charts.numbersOf', { title })}>{table}</ScrollBox> : table;
}

/** Minutes as `h:mm` with the decimal hours under them. */
function HoursWithDecimal({ minutes }: { minutes: number }) {
  const hours = useHoursText();
  return (
    <>
      {formatDuration(minutes)}
      <span className="report-table__decimal">{hours.decimal(minutes)}</span>
    </>
  );
}

interface ShareRow {
  key: string;
  name: string;
  minutes: number;
  share: number;
  color: string;
}

function Donut({ data, total }: { data: readonly ShareRow[]; total: number }) {
  const animate = !prefersReducedMotion();
  return (
    <div className="donut">
      <PieChart responsive accessibilityLayer={false} style={{ width: '100%', aspectRatio: 1 }}>
        <Pie
          data={data.map((item) => ({ ...item, hours: chartHours(item.minutes) }))}
          dataKey="hours"
          nameKey="name"
          rootTabIndex={-1}
          innerRadius="62%"
          outerRadius="98%"
          stroke="#ffffff"
          strokeWidth={2}
          isAnimationActive={animate}
        >
          {data.map((item) => (
            <Cell key={item.key} fill={item.color} />
          ))}
        </Pie>
        <Tooltip content={<HoursTooltip />} />
      </PieChart>
      <span className="donut__total">{formatDuration(total)}</span>
    </div>
  );
}

/** A donut of shares of the total and, beside it, each share's hours, decimal hours and percentage. */
function SharesChart({
  title,
  nameColumn,
  rows,
  chartRows,
  totalMinutes,
}: {
  title: string;
  nameColumn: string;
  rows: readonly ShareRow[];
  /** The donut's slices (may leave out what is not worth drawing). */
  chartRows: readonly ShareRow[];
  totalMinutes: number;
}) {
  const { t } = useTranslation();
  const hours = useHoursText();
  return (
    <ChartFigure title={title} chart={<Donut data={chartRows} total={totalMinutes} />}>
      <NumbersTable
        title={title}
        columns={[
          { label: nameColumn },
          { label: t('reports.columns.hours'), num: true },
          { label: t('reports.columns.decimal'), num: true },
          { label: t('reports.columns.share'), num: true },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className="report-table__name">
              <span className="report-table__label">
                <Swatch color={row.color} />
                {row.name}
              </span>
            </th>
            <td className="num">{formatDuration(row.minutes)}</td>
            <td className="num">{hours.decimal(row.minutes)}</td>
            <td className="num">{hours.percent(row.share)}</td>
          </tr>
        ))}
      </NumbersTable>
    </ChartFigure>
  );
}

export function ActivityChart({ slices, totalMinutes }: { slices: readonly Slice[]; totalMinutes: number }) {
  const { t } = useTranslation();
  return (
    <SharesChart
      title={t('reports.charts.byActivity')}
      nameColumn={t('reports.columns.activity')}
      rows={slices}
      chartRows={slices}
      totalMinutes={totalMinutes}
    />
  );
}

export function BillableChart({ split, totalMinutes }: { split: readonly BillableSplit[]; totalMinutes: number }) {
  const { t } = useTranslation();
  const rows = split.map((part) => ({
    key: part.kind,
    name: t(`reports.charts.${part.kind}`),
    minutes: part.minutes,
    share: part.share,
    color: part.kind === 'billable' ? BILLABLE_COLOR : NON_BILLABLE_COLOR,
  }));
  return (
    <SharesChart
      title={t('reports.charts.billableSplit')}
      nameColumn={t('reports.columns.kind')}
      rows={rows}
      chartRows={rows.filter((row) => row.minutes > 0)}
      totalMinutes={totalMinutes}
    />
  );
}

/** What every hours axis shares: small grey ticks, no tick marks, whole hours. */
function hoursAxis(format: (hours: number) => string) {
  return { tick: AXIS_TICK, tickLine: false, tickFormatter: format, allowDecimals: false } as const;
}

/**
 * The two stacked bars of a bar chart, billable under non-billable, the outer end rounded.
 * Returned as elements (not a component) so recharts finds them among the chart's children.
 */
function billableBars(
  t: TFunction,
  { animate, size, radius }: { animate: boolean; size: number; radius: [number, number, number, number] },
) {
  return [
    <Bar
      key="billable"
      dataKey="billable"
      name={t('reports.charts.billable')}
      stackId="hours"
      fill={BILLABLE_COLOR}
      isAnimationActive={animate}
      maxBarSize={size}
    />,
    <Bar
      key="nonBillable"
      dataKey="nonBillable"
      name={t('reports.charts.nonBillable')}
      stackId="hours"
      fill={NON_BILLABLE_COLOR}
      radius={radius}
      isAnimationActive={animate}
      maxBarSize={size}
    />,
  ];
}

function billableLegend(t: TFunction) {
  return [
    { label: t('reports.charts.billable'), color: BILLABLE_COLOR },
    { label: t('reports.charts.nonBillable'), color: NON_BILLABLE_COLOR },
  ];
}

export function TimelineChart({ buckets, granularity }: { buckets: readonly TimeBucket[]; granularity: Granularity }) {
  const { t } = useTranslation();
  const hours = useHoursText();
  const title = t(`reports.charts.per.${granularity}`);
  const acrossYears = (buckets[0]?.start.slice(0, 4) ?? '') !== (buckets.at(-1)?.start.slice(0, 4) ?? '');
  const data = buckets.map((bucket) => ({
    tick: bucketTick(hours.locale, bucket.start, granularity, acrossYears),
    label: bucketLabel(hours.locale, bucket, granularity),
    billable: chartHours(bucket.billableMinutes),
    nonBillable: chartHours(bucket.nonBillableMinutes),
    capacity: chartHours(bucket.capacityMinutes),
  }));
  const totals = buckets.reduce(
    (sum, bucket) => ({
      minutes: sum.minutes + bucket.minutes,
      billable: sum.billable + bucket.billableMinutes,
      capacity: sum.capacity + bucket.capacityMinutes,
    }),
    { minutes: 0, billable: 0, capacity: 0 },
  );
  const animate = !prefersReducedMotion();
  return (
    <ChartFigure
      layout="wide"
      title={title}
      chart={
        <>
          <ComposedChart
            responsive
            accessibilityLayer={false}
            data={data}
            style={{ width: '100%', height: 260 }}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
          >
            <CartesianGrid vertical={false} stroke={GRID_COLOR} />
            <XAxis dataKey="tick" tick={AXIS_TICK} tickLine={false} interval="preserveStartEnd" minTickGap={12} />
            <YAxis {...hoursAxis(hours.axis)} axisLine={false} />
            <Tooltip content={<HoursTooltip />} />
            {billableBars(t, { animate, size: 36, radius: [3, 3, 0, 0] })}
            <Line
              dataKey="capacity"
              name={t('reports.charts.capacity')}
              type="linear"
              stroke={CAPACITY_COLOR}
              strokeWidth={2}
              strokeDasharray="5 4"
              dot={data.length <= 45 ? { r: 2.5, fill: CAPACITY_COLOR, strokeWidth: 0 } : false}
              activeDot={false}
              isAnimationActive={animate}
            />
          </ComposedChart>
          <Legend items={[...billableLegend(t), { label: t('reports.charts.capacity'), color: CAPACITY_COLOR, line: true }]} />
        </>
      }
    >
      <NumbersTable
        title={title}
        className="table report-table report-table--timeline"
        scroll
        columns={[
          { label: t(`reports.columns.${granularity}`) },
          { label: t('reports.columns.hours'), num: true },
          { label: t('reports.columns.billable'), num: true },
          { label: t('reports.columns.capacity'), num: true },
        ]}
        footer={
          <tfoot>
            <tr>
              <th scope="row">{t('reports.columns.total')}</th>
              <td className="num">{formatDuration(totals.minutes)}</td>
              <td className="num">{formatDuration(totals.billable)}</td>
              <td className="num">{formatDuration(totals.capacity)}</td>
            </tr>
          </tfoot>
        }
      >
        {buckets.map((bucket, index) => (
          <tr key={bucket.start} className={bucket.minutes === 0 ? 'report-table__quiet' : undefined}>
            <th scope="row" className="report-table__name">
              {data[index]?.label}
            </th>
            <td className="num">{formatDuration(bucket.minutes)}</td>
            <td className="num">{formatDuration(bucket.billableMinutes)}</td>
            <td className="num">{formatDuration(bucket.capacityMinutes)}</td>
          </tr>
        ))}
      </NumbersTable>
    </ChartFigure>
  );
}

/** Names longer than this are shortened on the axis (the table beside it has them in full). */
const AXIS_NAME_LENGTH = 16;

function shorten(name: string): string {
  return name.length > AXIS_NAME_LENGTH ? `${name.slice(0, AXIS_NAME_LENGTH - 1)}…` : name;
}

/** A bar's name on the axis, on one line (recharts would wrap it at spaces). */
function NameTick({ x, y, payload }: { x?: number; y?: number; payload?: { value?: unknown } }) {
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={AXIS_TICK.fontSize} fill={AXIS_TICK.fill}>
      {shorten(String(payload?.value ?? ''))}
    </text>
  );
}

/** Horizontal bars, billable and non-billable stacked, longest first. */
function HoursBars({ bars }: { bars: readonly BarDatum[] }) {
  const { t } = useTranslation();
  const hours = useHoursText();
  const animate = !prefersReducedMotion();
  const data = bars.map((bar) => ({
    name: bar.name,
    billable: chartHours(bar.billableMinutes),
    nonBillable: chartHours(Math.max(0, bar.minutes - bar.billableMinutes)),
  }));
  return (
    <>
      <BarChart
        responsive
        accessibilityLayer={false}
        layout="vertical"
        data={data}
        style={{ width: '100%', height: Math.max(120, data.length * 34 + 40) }}
        margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
      >
        <CartesianGrid horizontal={false} stroke={GRID_COLOR} />
        <XAxis type="number" {...hoursAxis(hours.axis)} />
        <YAxis type="category" dataKey="name" tick={<NameTick />} tickLine={false} width={128} interval={0} />
        <Tooltip content={<HoursTooltip />} />
        {billableBars(t, { animate, size: 22, radius: [0, 3, 3, 0] })}
      </BarChart>
      <Legend items={billableLegend(t)} />
    </>
  );
}

/**
 * Horizontal bars of hours per name (a project, a person) and, beside them, a table: the name (with
 * its detail, if any), hours with decimal hours, then the chart's own two columns.
 */
function BreakdownChart<T extends BarDatum>({
  title,
  alone,
  bars,
  chartBars,
  nameColumn,
  columns,
}: {
  title: string;
  /** Alone in its row: drawn wide, the numbers beside. */
  alone: boolean;
  bars: readonly T[];
  chartBars: readonly BarDatum[];
  nameColumn: string;
  columns: readonly [BreakdownColumn<T>, BreakdownColumn<T>];
}) {
  const { t } = useTranslation();
  return (
    <ChartFigure layout={alone ? 'wide' : 'half'} title={title} chart={<HoursBars bars={chartBars} />}>
      <NumbersTable
        title={title}
        scroll
        columns={[
          { label: nameColumn },
          { label: t('reports.columns.hours'), num: true },
          ...columns.map((column) => ({ label: column.label, num: true })),
        ]}
      >
        {bars.map((bar) => (
          <tr key={bar.key}>
            <th scope="row" className="report-table__name">
              {bar.name}
              {bar.detail ? <span className="report-table__detail">{bar.detail}</span> : null}
            </th>
            <td className="num">
              <HoursWithDecimal minutes={bar.minutes} />
            </td>
            {columns.map((column) => (
              <td key={column.label} className="num">
                {column.cell(bar)}
              </td>
            ))}
          </tr>
        ))}
      </NumbersTable>
    </ChartFigure>
  );
}

interface BreakdownColumn<T> {
  label: string;
  cell: (bar: T) => ReactNode;
}

export function ProjectChart({ bars, chartBars, alone }: { bars: readonly BarDatum[]; chartBars: readonly BarDatum[]; alone: boolean }) {
  const { t } = useTranslation();
  const hours = useHoursText();
  return (
    <BreakdownChart
      title={t('reports.charts.byProject')}
      alone={alone}
      bars={bars}
      chartBars={chartBars}
      nameColumn={t('reports.columns.project')}
      columns={[
        { label: t('reports.columns.billable'), cell: (bar) => formatDuration(bar.billableMinutes) },
        { label: t('reports.columns.share'), cell: (bar) => hours.percent(bar.share) },
      ]}
    />
  );
}

export function PersonChart({
  bars,
  chartBars,
  alone,
}: {
  bars: readonly (BarDatum & { capacityMinutes: number })[];
  chartBars: readonly BarDatum[];
  alone: boolean;
}) {
  const { t } = useTranslation();
  const hours = useHoursText();
  return (
    <BreakdownChart
      title={t('reports.charts.byPerson')}
      alone={alone}
      bars={bars}
      chartBars={chartBars}
      nameColumn={t('reports.columns.person')}
      columns={[
        { label: t('reports.columns.capacity'), cell: (bar) => formatDuration(bar.capacityMinutes) },
        {
          label: t('reports.columns.utilisation'),
          cell: (bar) => (bar.capacityMinutes > 0 ? hours.percent(share(bar.minutes, bar.capacityMinutes)) : '—'),
        },
      ]}
    />
  );
}

function EstimateCell({ row }: { row: TaskRow }) {
  const { t } = useTranslation();
  const amount = row.differenceMinutes === null ? '' : formatDuration(Math.abs(row.differenceMinutes));
  return (
    <span className={`estimate-mark estimate-mark--${row.mark}`}>
      <span className="estimate-mark__icon" aria-hidden="true">
        {row.mark === 'over' ? '▲' : row.mark === 'under' ? '▼' : row.mark === 'on' ? '●' : '–'}
      </span>
      {t(`reports.estimate.${row.mark}`, { amount })}
    </span>
  );
}

export function TaskChart({
  rows,
  chartBars,
  periodMinutes,
}: {
  rows: readonly TaskRow[];
  chartBars: readonly BarDatum[];
  periodMinutes: number;
}) {
  const { t } = useTranslation();
  const title = t('reports.charts.byTask');
  return (
    <ChartFigure layout="full" title={title} description={t('reports.charts.byTaskNote')} chart={<HoursBars bars={chartBars} />}>
      <NumbersTable
        title={title}
        className="table table--stack report-table report-table--tasks"
        scroll
        columns={[
          { label: t('reports.columns.reference') },
          { label: t('reports.columns.title') },
          { label: t('reports.columns.period'), num: true },
          { label: t('reports.columns.tracked'), num: true },
          { label: t('reports.columns.estimate'), num: true },
          { label: t('reports.columns.againstEstimate') },
        ]}
        footer={
          <tfoot className="report-table__total">
            <tr>
              <th scope="row" colSpan={2}>
                {t('reports.columns.total')}
              </th>
              <td className="num">{formatDuration(periodMinutes)}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        }
      >
        {rows.map((row) => (
          <tr key={row.taskId}>
            <td className="report-table__reference">
              <Link to={`/tasks/${row.taskId}`}>{row.reference}</Link>
            </td>
            <th scope="row" className="report-table__title">
              {row.title}
            </th>
            {/* On a phone the rows stack and each value is labelled by its column (data-label). */}
            <td className="num" data-label={t('reports.columns.period')}>
              <span>
                <HoursWithDecimal minutes={row.minutes} />
              </span>
            </td>
            <td className="num" data-label={t('reports.columns.tracked')}>
              <span>{formatDuration(row.trackedMinutes)}</span>
            </td>
            <td className="num" data-label={t('reports.columns.estimate')}>
              <span>{row.estimateMinutes === null ? '—' : formatDuration(row.estimateMinutes)}</span>
            </td>
            <td data-label={t('reports.columns.againstEstimate')}>
              <EstimateCell row={row} />
            </td>
          </tr>
        ))}
      </NumbersTable>
    </ChartFigure>
  );
}
