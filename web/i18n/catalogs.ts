/**
 * The message catalogs, one file per part of the app and language, merged here. Each file owns its
 * own top-level sections, so parts of the app can be translated without touching each other's files.
 */
import enBase from './en.json';
import enNotifications from './en.notifications.json';
import enProjects from './en.projects.json';
import enTasks from './en.tasks.json';
import enTime from './en.time.json';
import enTimesheet from './en.timesheet.json';
import enReports from './en.reports.json';
import enActivity from './en.activity.json';
import enProblems from './en.problems.json';
import trBase from './tr.json';
import trNotifications from './tr.notifications.json';
import trProjects from './tr.projects.json';
import trTasks from './tr.tasks.json';
import trTime from './tr.time.json';
import trTimesheet from './tr.timesheet.json';
import trReports from './tr.reports.json';
import trActivity from './tr.activity.json';
import trProblems from './tr.problems.json';

export const en = {
  ...enBase,
  ...enProblems,
  ...enProjects,
  ...enTasks,
  ...enNotifications,
  ...enTime,
  ...enTimesheet,
  ...enReports,
  ...enActivity,
};
export const tr: typeof en = {
  ...trBase,
  ...trProblems,
  ...trProjects,
  ...trTasks,
  ...trNotifications,
  ...trTime,
  ...trTimesheet,
  ...trReports,
  ...trActivity,
};
