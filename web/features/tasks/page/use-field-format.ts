import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../shared/projects.js';
import { formatDuration } from '../../../../shared/time.js';
import { formatCalendar } from '../../../components/format.js';
import { formatLocalDate } from '../../time/format.js';
import { useActivityTypes, useDirectory, useMilestones } from '../lookups.js';

/** Names for the ids a task holds: people from the project (or the directory), milestones, activity types. */
export function usePeopleNames(project: Project | undefined) {
  const directory = useDirectory();
  return useCallback(
    (id: number | null | undefined): string | null => {
      if (id === null || id === undefined) return null;
      return (
        project?.members.find((member) => member.userId === id)?.name ??
        directory.data?.find((person) => person.id === id)?.name ??
        `#${id}`
      );
    },
    [project, directory.data],
  );
}

export function useMinutes() {
  const { t } = useTranslation();
  return useCallback(
    (total: number) => {
      const hours = Math.floor(total / 60);
      const minutes = total % 60;
      if (hours === 0) return t('taskView.minutes', { count: minutes });
      if (minutes === 0) return t('taskView.hours', { count: hours });
      return t('taskView.hoursMinutes', { hours, minutes });
    },
    [t],
  );
}

/** A field's value in words, for history entries and the conflict notice. */
export function useFieldFormat(project: Project | undefined) {
  const { t, i18n } = useTranslation();
  const name = usePeopleNames(project);
  const milestones = useMilestones(project?.id);
  const activityTypes = useActivityTypes();
  const minutes = useMinutes();
  return useCallback(
    (field: string, value: unknown): string => {
      const none = t('taskView.none');
      if (value === null || value === undefined || value === '') return none;
      switch (field) {
        case 'captainId':
          return name(Number(value)) ?? none;
        case 'collaboratorIds':
          return Array.isArray(value) && value.length > 0 ? value.map((id) => name(Number(id))).join(', ') : none;
        case 'deadline':
          return formatCalendar(i18n.language, String(value));
        case 'estimateMinutes':
          return minutes(Number(value));
        case 'milestoneId':
          return milestones.data?.find((milestone) => milestone.id === Number(value))?.title ?? `#${value}`;
        case 'activityType':
          return activityTypes.data?.find((type) => type.key === value)?.name ?? String(value);
        case 'labels':
          return Array.isArray(value) && value.length > 0 ? value.join(', ') : none;
        case 'parentId':
          return `#${value}`;
        case 'description': {
          const text = String(value).replace(/\s+/g, ' ').trim();
          return text.length > 80 ? `${text.slice(0, 80)}…` : text;
        }
        default:
          return String(value);
      }
    },
    [t, i18n.language, name, milestones.data, activityTypes.data, minutes],
  );
}

export const FIELD_LABEL_KEYS = [
  'title',
  'description',
  'captainId',
  'collaboratorIds',
  'deadline',
  'estimateMinutes',
  'milestoneId',
  'parentId',
  'activityType',
  'labels',
] as const;
export type FieldName = (typeof FIELD_LABEL_KEYS)[number];

export function isFieldName(value: unknown): value is FieldName {
  return typeof value === 'string' && (FIELD_LABEL_KEYS as readonly string[]).includes(value);
}

/** Fields of a time entry that task history records when someone corrects it. */
export const TIME_ENTRY_FIELDS = ['taskId', 'date', 'minutes', 'startTime', 'activityTypeId', 'billable', 'note'] as const;
export type TimeEntryField = (typeof TIME_ENTRY_FIELDS)[number];

export function isTimeEntryField(value: unknown): value is TimeEntryField {
  return typeof value === 'string' && (TIME_ENTRY_FIELDS as readonly string[]).includes(value);
}

/** A time entry field's value in words, for corrections in the task's history. */
export function useTimeEntryFieldFormat() {
  const { t, i18n } = useTranslation();
  const activityTypes = useActivityTypes();
  return useCallback(
    (field: TimeEntryField, value: unknown): string => {
      const none = t('taskView.none');
      if (value === null || value === undefined || value === '') return none;
      switch (field) {
        case 'minutes':
          return typeof value === 'number' ? formatDuration(value) : String(value);
        case 'date':
          return formatLocalDate(String(value), i18n.language);
        case 'activityTypeId':
          return activityTypes.data?.find((type) => type.id === Number(value))?.name ?? `#${value}`;
        case 'billable':
          return value === true ? t('timeEntry.billable.yes') : t('timeEntry.billable.no');
        case 'taskId':
          return `#${value}`;
        case 'note': {
          const text = String(value).replace(/\s+/g, ' ').trim();
          return text.length > 80 ? `${text.slice(0, 80)}…` : text;
        }
        default:
          return String(value);
      }
    },
    [t, i18n.language, activityTypes.data],
  );
}
