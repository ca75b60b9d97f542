/** Every job the runner handles; a queued job of a type missing here fails as having no handler. */
import { checkDeadlinesJob } from './check-deadlines.job.js';
import { dailyDigestJob } from './daily-digest.job.js';
import { notifyTimesheetJob } from './notify-timesheet.job.js';
import { notifyJob } from './notify.job.js';
import type { JobDefinition } from './queue.js';
import { sendEmailJob } from './send-email.job.js';

export const JOBS: readonly JobDefinition<any>[] = [notifyJob, notifyTimesheetJob, sendEmailJob, dailyDigestJob, checkDeadlinesJob];
