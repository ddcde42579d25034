import { useTranslation } from 'react-i18next';
import { formatCount, formatMoney, formatVnd } from '../format/formats';
import type { ChannelReport, ErrorCount } from './report-queries';

const NONE = '—';
const vndOrNone = (amount: number | null) => (amount === null ? NONE : formatVnd(amount));

function FailedByCode({ codes }: { codes: ErrorCount[] }) {
  if (codes.length === 0) return <>{NONE}</>;
  return (
    <ul className="report-codes">
      {codes.map((code) => (
        <li key={code.code} data-code={code.code}>
          <code>{code.code}</code> × {formatCount(code.count)}
          {code.meaning && <span className="report-codes__meaning">{code.meaning}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Per channel and account: sent, delivered, seen, failed (by code), cost and cost per conversion, and the totals. */
export function ChannelTable({ report }: { report: ChannelReport }) {
  const { t } = useTranslation('reports');
  if (report.accounts.length === 0) return <p className="muted">{t('channels.empty')}</p>;
  const columns = ['messages', 'sent', 'delivered', 'seen', 'failed'] as const;
  const total = (column: (typeof columns)[number]) =>
    report.accounts.reduce((sum, account) => sum + account[column], 0);
  return (
    <div className="report-table-scroll">
      <table className="table report-table" data-testid="channel-table">
        <thead>
          <tr>
            <th scope="col">{t('channels.channel')}</th>
            <th scope="col">{t('channels.account')}</th>
            {columns.map((column) => (
              <th key={column} scope="col" className="report-table__number">
                {t(`channels.${column}`)}
              </th>
            ))}
            <th scope="col">{t('channels.failedByCode')}</th>
            <th scope="col" className="report-table__number">
              {t('channels.cost')}
            </th>
            <th scope="col" className="report-table__number">
              {t('channels.costPerConversion')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.accounts.map((account) => (
            <tr key={`${account.channel}-${account.accountId}`} data-account-id={account.accountId}>
              <td>{account.channel}</td>
              <th scope="row">{account.accountName}</th>
              {columns.map((column) => (
                <td key={column} className="report-table__number" data-column={column}>
                  {formatCount(account[column])}
                </td>
              ))}
              <td>
                <FailedByCode codes={account.failedByCode} />
              </td>
              <td className="report-table__number" data-column="cost">
                {formatVnd(account.costVnd)}
                {account.otherCosts.map((cost) => (
                  <span
                    key={cost.currency}
                    className="report-table__other-cost"
                    data-currency={cost.currency}
                  >
                    {t('channels.otherCost', { amount: formatMoney(cost.amount, cost.currency) })}
                  </span>
                ))}
              </td>
              <td className="report-table__number" data-column="costPerConversion">
                {vndOrNone(account.costPerConversionVnd)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="channel-total">
            <th scope="row" colSpan={2}>
              {t('channels.total', { count: report.conversions })}
            </th>
            {columns.map((column) => (
              <td key={column} className="report-table__number" data-column={column}>
                {formatCount(total(column))}
              </td>
            ))}
            <td />
            <td className="report-table__number" data-column="cost">
              {formatVnd(report.totalCostVnd)}
            </td>
            <td className="report-table__number" data-column="costPerConversion">
              {vndOrNone(report.costPerConversionVnd)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
