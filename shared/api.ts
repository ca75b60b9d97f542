/**
 * Request and response schemas of the HTTP API: the single source for validation on the
 * server, the OpenAPI document, and the web app's types.
 */
import { z } from 'zod';
import { ROLES } from './roles.js';

export const RoleSchema = z.enum(ROLES);
export const IdSchema = z.coerce.number().int().positive();
export const IdParamsSchema = z.object({ id: IdSchema });

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .email('Enter an email address such as name@example.com.')
  .transform((email) => email.toLowerCase());

/** Length only: no composition rules (NIST SP 800-63B); common passwords are refused by the server. */
export const PasswordSchema = z.string().min(10, 'Use at least 10 characters.').max(256, 'Use at most 256 characters.');

export const PersonNameSchema = z.string().trim().min(1, 'Enter a name.').max(120);
export const LOCALES = ['en', 'tr'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const; // ISO: 1 = Monday … 7 = Sunday

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, e.g. 09:00.');

export const OrganizationSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    weekStart: z.number().int().min(1).max(7),
    workingDays: z.array(z.number().int().min(1).max(7)),
    workdayStart: z.string(),
    workdayEnd: z.string(),
    /** Local time the daily digest email goes out. */
    digestTime: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof OrganizationSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const UpdateOrganizationBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Enter the organization name.').max(120).optional(),
    timeZone: z.string().refine(isTimeZone, 'Choose a time zone such as Europe/Istanbul.').optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code such as EUR.')
      .optional(),
    weekStart: z.number().int().min(1).max(7).optional(),
    workingDays: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'Choose at least one working day.')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'List each day once.')
      .optional(),
    workdayStart: TimeOfDaySchema.optional(),
    workdayEnd: TimeOfDaySchema.optional(),
    digestTime: TimeOfDaySchema.optional(),
  })
  .strict();
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBodySchema>;

export const UserSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    locale: LocaleSchema,
    isInstanceAdmin: z.boolean(),
  })
  .meta({ id: 'User' });

export const MembershipSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: RoleSchema,
});

export const MeSchema = z
  .object({
    user: UserSchema,
    organization: OrganizationSchema,
    role: RoleSchema,
    organizations: z.array(MembershipSummarySchema),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const SetupStatusSchema = z.object({ needed: z.boolean() });

export const SetupBodySchema = z
  .object({
    organizationName: z.string().trim().min(1, 'Enter your company name.').max(120),
    name: PersonNameSchema,
    email: EmailSchema,
    password: PasswordSchema,
  })
  .strict();
export type SetupBody = z.infer<typeof SetupBodySchema>;

export const LoginBodySchema = z.object({ email: EmailSchema, password: z.string().min(1, 'Enter your password.').max(256) }).strict();
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const SwitchOrganizationBodySchema = z.object({ organizationId: IdSchema }).strict();

export const UpdateProfileBodySchema = z.object({ name: PersonNameSchema.optional(), locale: LocaleSchema.optional() }).strict();
export type UpdateProfileBody = z.infer<typeof UpdateProfileBodySchema>;

export const ChangePasswordBodySchema = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password.').max(256), newPassword: PasswordSchema })
  .strict();
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

/** A person as the organization sees them: account plus their membership here. */
export const PersonSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    capacityHours: z.number(),
    active: z.boolean(),
    /** invited: has not set a password yet; deactivated: active = false. */
    state: z.enum(['active', 'invited', 'deactivated']),
    createdAt: z.string(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

export const InvitationLinkSchema = z.object({ url: z.string(), expiresAt: z.string() }).meta({ id: 'InvitationLink' });
export type InvitationLink = z.infer<typeof InvitationLinkSchema>;

export const CreatedPersonSchema = PersonSchema.extend({ invitation: InvitationLinkSchema.nullable() }).meta({
  id: 'CreatedPerson',
});
export type CreatedPerson = z.infer<typeof CreatedPersonSchema>;

const CapacityHoursSchema = z.number().min(0, 'Capacity cannot be negative.').max(168, 'A week has 168 hours.');

export const CreateUserBodySchema = z
  .object({
    name: PersonNameSchema,
    email: EmailSchema,
    role: RoleSchema,
    password: PasswordSchema.optional(),
    capacityHours: CapacityHoursSchema.optional(),
  })
  .strict();
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = z
  .object({
    name: PersonNameSchema.optional(),
    role: RoleSchema.optional(),
    active: z.boolean().optional(),
    capacityHours: CapacityHoursSchema.optional(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;

export const PeopleListSchema = z.object({ items: z.array(PersonSchema) });

export const InvitationSchema = z
  .object({ email: z.string(), name: z.string(), organizationName: z.string(), expiresAt: z.string() })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof InvitationSchema>;

export const AcceptInvitationBodySchema = z.object({ password: PasswordSchema, name: PersonNameSchema.optional() }).strict();
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBodySchema>;
export const InvitationTokenParamsSchema = z.object({ token: z.string().min(10).max(200) });

export const ApiTokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const CreatedApiTokenSchema = ApiTokenSchema.extend({
  /** Shown once; only its hash is stored. */
  token: z.string(),
}).meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
export const CreateApiTokenBodySchema = z.object({ name: z.string().trim().min(1, 'Name the token.').max(100) }).strict();
export const ApiTokenListSchema = z.object({ items: z.array(ApiTokenSchema) });

export const CreateOrganizationBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Enter the organization name.').max(120),
    owner: z.object({ name: PersonNameSchema, email: EmailSchema, password: PasswordSchema }).strict(),
  })
  .strict();
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBodySchema>;

export const RequestPasswordResetBodySchema = z.object({ email: EmailSchema }).strict();
export const PasswordResetSchema = z.object({ email: z.string(), expiresAt: z.string() }).meta({ id: 'PasswordReset' });
export const CompletePasswordResetBodySchema = z.object({ password: PasswordSchema }).strict();
export const PasswordResetTokenParamsSchema = z.object({ token: z.string().min(10).max(200) });
