import { z } from 'zod';

const HOSTNAME =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const ADDRESS = /^[^\s<>@]+@[^\s<>@]+$/;
const NAMED_ADDRESS = /^[^<>]*<[^\s<>@]+@[^\s<>@]+>$/;

export const SmtpAccountSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'host is required')
      .meta({ title: 'SMTP host', description: 'The mail server Loa submits to, e.g. smtp.example.com.' }),
    port: z
      .number()
      .int('port must be a whole number')
      .min(1, 'port must be between 1 and 65535')
      .max(65535, 'port must be between 1 and 65535')
      .default(587)
      .meta({ title: 'Port', description: '587 (STARTTLS) or 465 (TLS from the start).' }),
    secure: z.boolean().default(false).meta({
      title: 'TLS from the start',
      description:
        'On for port 465; off for 587, where the connection is upgraded with STARTTLS when offered.',
    }),
    verifyTlsCertificate: z.boolean().default(true).meta({
      title: 'Verify the TLS certificate',
      description: 'Turn off only for a test server with a self-signed certificate.',
    }),
    auth: z
      .object({
        user: z
          .string()
          .min(1, 'auth.user is required')
          .meta({ title: 'User name', description: 'SMTP login.' }),
        pass: z
          .string()
          .min(1, 'auth.pass is required')
          .meta({ title: 'Password', description: 'SMTP password or app password.', secret: true }),
      })
      .optional()
      .meta({ title: 'Login', description: 'Leave out for a relay that does not ask for a login.' }),
    poolSize: z
      .number()
      .int('poolSize must be a whole number')
      .min(1, 'poolSize must be between 1 and 50')
      .max(50, 'poolSize must be between 1 and 50')
      .default(5)
      .meta({ title: 'Connections', description: 'SMTP connections kept open for this account.' }),
    from: z
      .string()
      .trim()
      .refine((value) => ADDRESS.test(value) || NAMED_ADDRESS.test(value), {
        message: 'from must be an email address or "Name <address>"',
      })
      .meta({ title: 'From', description: 'Sender, e.g. "Shop Hoa <news@shophoa.vn>".' }),
    replyTo: z
      .email('replyTo must be an email address')
      .optional()
      .meta({ title: 'Reply-To', description: 'Where replies go, when not the From address.' }),
    messageIdDomain: z.string().trim().regex(HOSTNAME, 'messageIdDomain must be a domain name').meta({
      title: 'Message-ID domain',
      description: 'The domain after @ in every Message-ID (your sending domain).',
    }),
    unsubscribe: z
      .object({
        urlTemplate: z
          .url({ protocol: /^https$/, error: 'unsubscribe.urlTemplate must be an https URL' })
          .refine((value) => value.includes('{token}'), {
            message: 'unsubscribe.urlTemplate must contain {token}',
          })
          .meta({
            title: 'One-click unsubscribe URL',
            description:
              'HTTPS URL with {token}, replaced by an opaque per-recipient, per-list token (RFC 8058).',
          }),
        mailto: z.email('unsubscribe.mailto must be an email address').optional().meta({
          title: 'Unsubscribe mailbox',
          description: 'Also offered as a mailto: unsubscribe address.',
        }),
      })
      .meta({ title: 'Unsubscribe', description: 'List-Unsubscribe and List-Unsubscribe-Post headers.' }),
  })
  .meta({ title: 'SMTP account', description: 'Email through an SMTP server with pooled connections.' });

export type SmtpAccountInput = z.input<typeof SmtpAccountSchema>;
export type SmtpAccount = z.output<typeof SmtpAccountSchema>;
