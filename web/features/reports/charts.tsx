/**
 * The report's charts. Each is a <figure> named by its caption, with the drawing hidden from
 * assistive technology and the same numbers beside it as a table, so nobody needs the picture
 * (or its colours) to read the split.
 */
import { type ReactNode, useId, useMemo } from 'react';
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

function Donut({ data, total }: { data: readonly { key: string; name: string; minutes: number; color: string }[]; total: number }) {
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

export function ActivityChart({ slices, totalMinutes }: { slices: readonly Slice[]; totalMinutes: number }) {
  const { t } = useTranslation();
  const hours = useHoursText();
  const title = t('reports.charts.byActivity');
  return (
    <ChartFigure title={title} chart={<Donut data={slices} total={totalMinutes} />}>
      <table className="table report-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.columns.activity')}</th>
            <th scope="col" className="num">
              {t('reports.columns.hours')}
            </th>
            <th scope="col" className="num">
              {t('reports.columns.decimal')}
            </th>
            <th scope="col" className="num">
              {t('reports.columns.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {slices.map((slice) => (
            <tr key={slice.key}>
              <th scope="row" className="report-table__name">
                <span className="report-table__label">
                  <Swatch color={slice.color} />
                  {slice.name}
                </span>
              </th>
              <td className="num">{formatDuration(slice.minutes)}</td>
              <td className="num">{hours.decimal(slice.minutes)}</td>
              <td className="num">{hours.percent(slice.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFigure>
  );
}

export function BillableChart({ split, totalMinutes }: { split: readonly BillableSplit[]; totalMinutes: number }) {
  const { t } = useTranslation();
  const hours = useHoursText();
  const title = t('reports.charts.billableSplit');
  const rows = split.map((part) => ({
    key: part.kind,
    name: t(`reports.charts.${part.kind}`),
    minutes: part.minutes,
    share: part.share,
    color: part.kind === 'billable' ? BILLABLE_COLOR : NON_BILLABLE_COLOR,
  }));
  return (
    <ChartFigure
      title={title}
      chart={
        <Donut
          data={rows.filter((row) => row.minutes > 0)}
          total={totalMinutes}
        />
      }
    >
      <table className="table report-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.columns.kind')}</th>
            <th scope="col" className="num">
              {t('reports.columns.hours')}
            </th>
            <th scope="col" className="num">
              {t('reports.columns.decimal')}
            </th>
            <th scope="col" className="num">
              {t('reports.columns.share')}
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </ChartFigure>
  );
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
  const column = t(`reports.columns.${granularity}`);
  return (
    <ChartFigure
      layout="wide"
      title={title}
      chart={
        <>
          <ComposedChart responsive accessibilityLayer={false} data={data} style={{ width: '100%', height: 260 }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke={GRID_COLOR} />
            <XAxis dataKey="tick" tick={AXIS_TICK} tickLine={false} interval="preserveStartEnd" minTickGap={12} />
            <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={hours.axis} allowDecimals={false} />
            <Tooltip content={<HoursTooltip />} />
            <Bar dataKey="billable" name={t('reports.charts.billable')} stackId="hours" fill={BILLABLE_COLOR} isAnimationActive={animate} maxBarSize={36} />
            <Bar
              dataKey="nonBillable"
              name={t('reports.charts.nonBillable')}
              stackId="hours"
              fill={NON_BILLABLE_COLOR}
              radius={[3, 3, 0, 0]}
              isAnimationActive={animate}
              maxBarSize={36}
            />
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
          <Legend
            items={[
              { label: t('reports.charts.billable'), color: BILLABLE_COLOR },
              { label: t('reports.charts.nonBillable'), color: NON_BILLABLE_COLOR },
              { label: t('reports.charts.capacity'), color: CAPACITY_COLOR, line: true },
            ]}
          />
        </>
      }
    >
      <ScrollBox label={t('reports.charts.numbersOf', { title })}>
        <table className="table report-table report-table--timeline">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" className="num">
                {t('reports.columns.hours')}
              </th>
              <th scope="col" className="num">
                {t('reports.columns.billable')}
              </th>
              <th scope="col" className="num">
                {t('reports.columns.capacity')}
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('reports.columns.total')}</th>
              <td className="num">{formatDuration(totals.minutes)}</td>
              <td className="num">{formatDuration(totals.billable)}</td>
              <td className="num">{formatDuration(totals.capacity)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
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
        <XAxis type="number" tick={AXIS_TICK} tickLine={false} tickFormatter={hours.axis} allowDecimals={false} />
        <YAxis type="category" dataKey="name" tick={<NameTick />} tickLine={false} width={128} interval={0} />
        <Tooltip content={<HoursTooltip />} />
        <Bar dataKey="billable" name={t('reports.charts.billable')} stackId="hours" fill={BILLABLE_COLOR} isAnimationActive={animate} maxBarSize={22} />
        <Bar
          dataKey="nonBillable"
          name={t('reports.charts.nonBillable')}
          stackId="hours"
          fill={NON_BILLABLE_COLOR}
          radius={[0, 3, 3, 0]}
          isAnimationActive={animate}
          maxBarSize={22}
        />
      </BarChart>
      <Legend
        items={[
          { label: t('reports.charts.billable'), color: BILLABLE_COLOR },
          { label: t('reports.charts.nonBillable'), color: NON_BILLABLE_COLOR },
        ]}
      />
    </>
  );
}

export function ProjectChart({ bars, chartBars, alone }: { bars: readonly BarDatum[]; chartBars: readonly BarDatum[]; alone: boolean }) {
  const { t } = useTranslation();
  const hours = useHoursText();
  const title = t('reports.charts.byProject');
  return (
    <ChartFigure layout={alone ? 'wide' : 'half'} title={title} chart={<HoursBars bars={chartBars} />}>
      <ScrollBox label={t('reports.charts.numbersOf', { title })}>
        <table className="table report-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.columns.project')}</th>
              <th scope="col" className="num">
                {t('reports.columns.hours')}
              </th>
              <th scope="col" className="num">
                {t('reports.columns.billable')}
              </th>
              <th scope="col" className="num">
                {t('reports.columns.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row" className="report-table__name">
                  {bar.name}
                  {bar.detail ? <span className="report-table__detail">{bar.detail}</span> : null}
                </th>
                <td className="num">
                  {formatDuration(bar.minutes)}
                  <span className="report-table__decimal">{hours.decimal(bar.minutes)}</span>
                </td>
                <td className="num">{formatDuration(bar.billableMinutes)}</td>
                <td className="num">{hours.percent(bar.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </ChartFigure>
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
  const title = t('reports.charts.byPerson');
  return (
    <ChartFigure layout={alone ? 'wide' : 'half'} title={title} chart={<HoursBars bars={chartBars} />}>
      <ScrollBox label={t('reports.charts.numbersOf', { title })}>
        <table className="table report-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.columns.person')}</th>
              <th scope="col" className="num">
                {t('reports.columns.hours')}
              </th>
              <th scope="col" className="num">
                {t('reports.columns.capacity')}
              </th>
              <th scope="col" className="num">
                {t('reports.columns.utilisation')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row" className="report-table__name">
                  {bar.name}
                </th>
                <td className="num">
                  {formatDuration(bar.minutes)}
                  <span className="report-table__decimal">{hours.decimal(bar.minutes)}</span>
                </td>
                <td className="num">{formatDuration(bar.capacityMinutes)}</td>
                <td className="num">{bar.capacityMinutes > 0 ? hours.percent(share(bar.minutes, bar.capacityMinutes)) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </ChartFigure>
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

export function TaskChart({ rows, chartBars, periodMinutes }: { rows: readonly TaskRow[]; chartBars: readonly BarDatum[]; periodMinutes: number }) {
  const { t } = useTranslation();
  const hours = useHoursText();
  const title = t('reports.charts.byTask');
  return (
    <ChartFigure layout="full" title={title} description={t('reports.charts.byTaskNote')} chart={<HoursBars bars={chartBars} />}>
      <ScrollBox label={t('reports.charts.numbersOf', { title })}>
        <table className="table table--stack report-table report-table--tasks">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.columns.reference')}</th>
              <th scope="col">{t('reports.columns.title')}</th>
              <th scope="col" className="num">
                {t('reports.columns.period')}
              </th>
              <th scope="col" className="num">
                {t('reports.columns.tracked')}
              </th>
              <th scope="col" className="num">
                {t('reports.columns.estimate')}
              </th>
              <th scope="col">{t('reports.columns.againstEstimate')}</th>
            </tr>
          </thead>
          <tbody>
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
                    {formatDuration(row.minutes)}
                    <span className="report-table__decimal">{hours.decimal(row.minutes)}</span>
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
          </tbody>
          <tfoot className="report-table__total">
            <tr>
              <th scope="row" colSpan={2}>
                {t('reports.columns.total')}
              </th>
              <td className="num">{formatDuration(periodMinutes)}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
    </ChartFigure>
  );
}
