import { z } from 'zod';
import type { TestMessageBody, ZnsTemplate } from './channel-queries';

export type TestChannel = 'zns' | 'sms' | 'email';

export interface TestMessageValues {
  to: string;
  text: string;
  subject: string;
  templateId: string;
  templateData: Record<string, string>;
}

const isEmail = (value: string) => /^[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+$/.test(value);
const isPhone = (value: string) => /^\+?[0-9 .-]{8,16}$/.test(value);

/** The test message form of a channel; a ZNS message needs a template and its params within their lengths. */
export function testMessageSchema(channel: TestChannel, template: ZnsTemplate | undefined) {
  return z
    .object({
      to: z.string().trim(),
      text: z.string().max(1000, 'errors.tooLong'),
      subject: z.string().max(200, 'errors.tooLong'),
      templateId: z.string(),
      templateData: z.record(z.string(), z.string()),
    })
    .superRefine((values, context) => {
      const issue = (path: Array<string>, message: string) =>
        context.addIssue({ code: 'custom', path, message });
      if (channel === 'email' ? !isEmail(values.to) : !isPhone(values.to))
        issue(['to'], channel === 'email' ? 'errors.email' : 'errors.phone');
      if (channel !== 'zns') return;
      if (!template) {
        issue(['templateId'], 'errors.required');
        return;
      }
      for (const param of template.params) {
        const value = (values.templateData[param.name] ?? '').trim();
        if (param.require && value === '') issue(['templateData', param.name], 'errors.required');
        else if (value.length > param.maxLength) issue(['templateData', param.name], 'errors.tooLong');
      }
    });
}

/** The API's test-message body for the form's values. */
export function testMessageBody(
  channel: TestChannel,
  values: TestMessageValues,
  template: ZnsTemplate | undefined,
): TestMessageBody {
  const to = values.to.trim();
  const text = values.text.trim();
  switch (channel) {
    case 'zns': {
      const templateData: Record<string, string> = {};
      for (const param of template?.params ?? []) {
        const value = (values.templateData[param.name] ?? '').trim();
        if (value !== '') templateData[param.name] = value;
      }
      return { channel, to, templateId: values.templateId, templateData };
    }
    case 'sms':
      return { channel, to, ...(text && { text }) };
    case 'email':
      return {
        channel,
        to,
        ...(text && { text }),
        ...(values.subject.trim() && { subject: values.subject.trim() }),
      };
  }
}
