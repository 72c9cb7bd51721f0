import { z } from 'zod';

/** Response shapes of accounts, users, sessions, API tokens, plans and the audit log. */
export const userSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'member']),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const accountSchema = z
  .object({ id: z.string(), name: z.string(), planId: z.string(), createdAt: z.string() })
  .meta({ id: 'Account' });

export const signedInSchema = z
  .object({
    user: userSchema,
    account: accountSchema,
    csrfToken: z.string().describe('send it as x-csrf-token on every POST/PUT/PATCH/DELETE of this session'),
  })
  .meta({ id: 'SignedIn' });

export const planSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    orderConnections: z.boolean().describe('whether order synchronization may be activated'),
    maxConnections: z.number().int().nullable().describe('null = unlimited'),
    ordersPerMonth: z.number().int().nullable().describe('orders that reach the store per UTC month; null = unlimited'),
  })
  .meta({ id: 'Plan' });

export const accountViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    plan: planSchema,
    usage: z.object({
      connections: z.number().int(),
      ordersThisMonth: z.number().int().describe('orders that reached the store this UTC month'),
      ordersHeldByQuota: z.number().int().describe('imported and kept, held back from the store by the monthly quota'),
    }),
  })
  .meta({ id: 'AccountView' });

export const accountSummarySchema = accountSchema
  .extend({ connections: z.number().int(), users: z.number().int() })
  .meta({ id: 'AccountSummary' });

export const apiTokenSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    prefix: z.string().describe('the first characters of the token, to recognise it'),
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const auditEntrySchema = z
  .object({
    id: z.string(),
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    occurredAt: z.string(),
  })
  .meta({ id: 'AuditEntry' });
