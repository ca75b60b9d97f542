/** The report's filters: the period (a preset or custom dates), people, projects, clients, activity types, billable. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BILLABLE_CHOICES,
  type DateRange,
  emptyFilters,
  hasNarrowingFilters,
  type IdFilter,
  PERIOD_PRESETS,
  type PeriodPreset,
  type ReportFilters,
  withPeriod,
} from './report-filters.js';
import { formatRange } from './report-format.js';
import { MultiPick, type PickOption } from './MultiPick.js';

export interface FilterProblems {
  from?: string | undefined;
  to?: string | undefined;
  /** Problems not tied to the dates (an unknown id, …). */
  other?: string | undefined;
}

export interface ReportFilterBarProps {
  filters: ReportFilters;
  onChange: (next: ReportFilters) => void;
  /** The dates on screen (null while custom dates are incomplete). */
  range: DateRange | null;
  /** Null: the person sees only their own time, so there is no one to choose. */
  people: readonly PickOption[] | null;
  projects: readonly PickOption[];
  clients: readonly PickOption[];
  activityTypes: readonly PickOption[];
  problems: FilterProblems;
}

export function ReportFilterBar({ filters, onChange, range, people, projects, clients, activityTypes, problems }: ReportFilterBarProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  // On a phone everything but the period folds away behind a button.
  const [open, setOpen] = useState(false);
  const narrowing =
    (['userIds', 'projectIds', 'clientIds', 'activityTypeIds'] as const).filter((key) => filters[key].length > 0).length +
    (filters.billable === 'all' ? 0 : 1);

  function pick(key: IdFilter) {
    return (ids: number[]) => onChange({ ...filters, [key]: ids });
  }

  return (
    <search className={open ? 'report-filters report-filters--open' : 'report-filters'} aria-label={t('reports.filters.label')}>
      <div className="report-filters__period">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-period`}>
            {t('reports.filters.period')}
          </label>
          <select
            id={`${id}-period`}
            className="input select input--compact"
            value={filters.period}
            onChange={(event) => onChange(withPeriod(filters, event.target.value as PeriodPreset, range))}
          >
            {PERIOD_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {t(`reports.filters.presets.${preset}`)}
              </option>
            ))}
          </select>
        </div>
        {filters.period === 'custom' ? (
          <>
            <DateField
              label={t('reports.filters.from')}
              name="from"
              value={filters.from}
              error={problems.from}
              onChange={(from) => onChange({ ...filters, from })}
            />
            <DateField
              label={t('reports.filters.to')}
              name="to"
              value={filters.to}
              error={problems.to}
              onChange={(to) => onChange({ ...filters, to })}
            />
          </>
        ) : null}
        <p className="report-filters__range" aria-live="polite">
          {range ? t('reports.filters.showing', { range: formatRange(i18n.language, range) }) : null}
        </p>
        <button
          type="button"
          className="button button--small report-filters__toggle"
          aria-expanded={open}
          aria-controls={`${id}-more`}
          onClick={() => setOpen((value) => !value)}
        >
          {narrowing > 0 ? t('reports.filters.moreActive', { count: narrowing }) : t('reports.filters.more')}
        </button>
      </div>
      <div className="report-filters__more" id={`${id}-more`}>
        {people ? (
          <MultiPick
            label={t('reports.filters.people')}
            allLabel={t('reports.filters.everyone')}
            findLabel={t('reports.filters.findPerson')}
            options={people}
            value={filters.userIds}
            onChange={pick('userIds')}
          />
        ) : null}
        <MultiPick
          label={t('reports.filters.projects')}
          allLabel={t('reports.filters.allProjects')}
          findLabel={t('reports.filters.findProject')}
          options={projects}
          value={filters.projectIds}
          onChange={pick('projectIds')}
        />
        <MultiPick
          label={t('reports.filters.clients')}
          allLabel={t('reports.filters.allClients')}
          findLabel={t('reports.filters.findClient')}
          options={clients}
          value={filters.clientIds}
          onChange={pick('clientIds')}
        />
        <MultiPick
          label={t('reports.filters.activityTypes')}
          allLabel={t('reports.filters.allActivityTypes')}
          findLabel={t('reports.filters.findActivityType')}
          options={activityTypes}
          value={filters.activityTypeIds}
          onChange={pick('activityTypeIds')}
        />
        <fieldset className="report-filters__billable">
          <legend className="field__label">{t('reports.filters.billable')}</legend>
          <div className="segmented">
            {BILLABLE_CHOICES.map((choice) => (
              <label key={choice} className="segmented__option">
                <input
                  type="radio"
                  name={`${id}-billable`}
                  value={choice}
                  checked={filters.billable === choice}
                  onChange={() => onChange({ ...filters, billable: choice })}
                />
                <span>{t(`reports.filters.billableChoices.${choice}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {hasNarrowingFilters(filters) ? (
          <button
            type="button"
            className="button button--small reports-ghost report-filters__clear"
            onClick={() => onChange({ ...emptyFilters(), period: filters.period, from: filters.from, to: filters.to })}
          >
            {t('reports.filters.clear')}
          </button>
        ) : null}
      </div>
      <div role="alert" className="report-filters__alert">
        {problems.other ? <p className="alert alert--error">{problems.other}</p> : null}
      </div>
    </search>
  );
}

/** Typing a date passes through dates nobody means (year 0002…): the report follows once typing pauses, or on leaving the field. */
const DATE_SETTLE_MS = 700;

function DateField({
  label,
  name,
  value,
  error,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // Someone else changed the date (back button, another preset): show it.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === committed.current) return;
    const timer = window.setTimeout(() => {
      committed.current = text;
      onChangeRef.current(text);
    }, DATE_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  return (
    <div className={error ? 'field field--invalid report-filters__date' : 'field report-filters__date'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="date"
        className="input input--compact"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          if (text !== committed.current) {
            committed.current = text;
            onChange(text);
          }
        }}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
