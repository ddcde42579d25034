import { nodeCatalogue, type NodeType } from '@loa/engine/browser';
import { useTranslation } from 'react-i18next';
import { formatDuration, languageOf } from './duration-words';
import { withKey, type Json } from './object-values';
import { useChannelAccounts } from './queries';
import { ObjectFields } from './schema-form';
import { describeObjectSchema, type ObjectDescriptor } from './schema-fields';
import { SmsPreview } from './sms-preview';
import { DurationInput } from './widgets/duration-input';
import { EmailPreview } from './email-preview';
import { ZnsSendForm } from './zns-send-form';

const descriptors = new Map<NodeType, ObjectDescriptor>();

/** The node type's fields, described once from its zod schema. */
export function descriptorOf(type: NodeType): ObjectDescriptor {
  let descriptor = descriptors.get(type);
  if (!descriptor) {
    descriptor = describeObjectSchema(nodeCatalogue[type].schema);
    descriptors.set(type, descriptor);
  }
  return descriptor;
}

interface NodeFormProps {
  type: NodeType;
  data: Json;
  onChange: (data: Json) => void;
}

/** The form of one node: a dedicated one where a generated form would be poor, the generated one otherwise. */
export function NodeForm(props: NodeFormProps) {
  switch (props.type) {
    case 'send.zns':
      return <ZnsSendForm data={props.data} onChange={props.onChange} />;
    case 'send.sms':
      return <SmsSendForm {...props} />;
    case 'send.email':
      return <EmailSendForm {...props} />;
    case 'wait.delay':
      return <DelayForm {...props} />;
    case 'wait.until':
    case 'trigger.date':
      return <CampaignZoneForm {...props} />;
    default:
      return (
        <ObjectFields
          descriptor={descriptorOf(props.type)}
          value={props.data}
          path=""
          onChange={props.onChange}
        />
      );
  }
}

/** Times of day here are read in the campaign's time zone. */
function CampaignZoneForm({ type, data, onChange }: NodeFormProps) {
  const { t } = useTranslation('config');
  return (
    <>
      <ObjectFields descriptor={descriptorOf(type)} value={data} path="" onChange={onChange} />
      <p className="node-config__note">{t('zoneNote')}</p>
    </>
  );
}

function DelayForm({ type, data, onChange }: NodeFormProps) {
  const { t, i18n } = useTranslation('config');
  const amount = typeof data.amount === 'number' ? data.amount : undefined;
  return (
    <>
      <ObjectFields
        descriptor={descriptorOf(type)}
        value={data}
        path=""
        onChange={onChange}
        omit={['amount', 'unit']}
      />
      <DurationInput
        value={data}
        path=""
        onChange={(duration) =>
          onChange(withKey({ ...data, unit: duration.unit }, 'amount', duration.amount))
        }
      />
      {amount !== undefined && amount > 0 && typeof data.unit === 'string' && (
        <p className="node-config__note">
          {t('delay.summary', {
            duration: formatDuration(amount, data.unit as never, languageOf(i18n.resolvedLanguage)),
          })}
        </p>
      )}
    </>
  );
}

function SmsSendForm({ type, data, onChange }: NodeFormProps) {
  const { t } = useTranslation('config');
  const accounts = useChannelAccounts();
  const accountId = typeof data.accountId === 'string' ? data.accountId : '';
  const brand = accounts.data?.find((account) => account.id === accountId)?.settings.brandname;
  const onAccount = (next: Json) => {
    // A new account brings its registered brand name unless the marketer typed one.
    const chosen = accounts.data?.find((account) => account.id === next.accountId);
    const chosenBrand = chosen?.settings.brandname;
    if (next.accountId !== accountId && !data.brandName && typeof chosenBrand === 'string')
      onChange({ ...next, brandName: chosenBrand });
    else onChange(next);
  };
  return (
    <>
      <ObjectFields
        descriptor={descriptorOf(type)}
        value={data}
        path=""
        onChange={onAccount}
        omit={['text']}
      />
      {typeof brand === 'string' && brand !== data.brandName && (
        <p className="config-field__hint">{t('sms.brandFromAccount', { brand })}</p>
      )}
      <ObjectFields
        descriptor={descriptorOf(type)}
        value={data}
        path=""
        onChange={onChange}
        omit={['label', 'accountId', 'brandName', 'purpose']}
      />
      <SmsPreview
        text={typeof data.text === 'string' ? data.text : ''}
        advertising={data.purpose === 'advertising'}
        accountId={accountId}
      />
    </>
  );
}

function EmailSendForm({ type, data, onChange }: NodeFormProps) {
  const text = (field: string) => (typeof data[field] === 'string' ? data[field] : '');
  return (
    <>
      <ObjectFields descriptor={descriptorOf(type)} value={data} path="" onChange={onChange} />
      <EmailPreview content={{ subject: text('subject'), html: text('html'), text: text('text') }} />
    </>
  );
}
