import type { SandboxSeed, ZnsTemplateParamSeed } from '../sandbox.types';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

function param(name: string, maxLength: number, require = true): ZnsTemplateParamSeed {
  return { name, type: 'STRING', require, maxLength, minLength: 0, acceptNull: false };
}

/**
 * The sandbox's default accounts. Every secret is an obviously fake `sandbox-…` string; the phones are in the
 * 84… form. Follower interaction times are relative to `now` so the OA windows hold whenever it starts.
 */
export function defaultSeed(now: number = Date.now()): SandboxSeed {
  return {
    zalo: [
      {
        appId: '1000000000000000001',
        secretKey: 'sandbox-zalo-app-secret',
        webhookSecret: 'sandbox-zalo-oa-webhook-secret',
        redirectUri: 'http://127.0.0.1:3000/channel-accounts/zalo/callback',
        oas: [
          {
            oaId: '2000000000000000001',
            name: 'Cửa hàng Sandbox',
            adminPhones: ['84900000001'],
            dailyQuota: 5000,
            accessToken: 'sandbox-zalo-access-token',
            refreshToken: 'sandbox-zalo-refresh-token',
            accessTokenTtlSeconds: 90000,
            templates: [
              {
                templateId: '300001',
                templateName: 'Xác nhận đơn hàng',
                status: 'ENABLE',
                templateTag: 'TRANSACTION',
                price: '300',
                params: [
                  param('customer_name', 30),
                  param('order_code', 30),
                  param('amount', 12),
                  param('currency', 20, false),
                  param('order_date', 20),
                ],
              },
              {
                templateId: '300002',
                templateName: 'Mã xác thực OTP',
                status: 'ENABLE',
                templateTag: 'OTP',
                price: '300',
                params: [param('otp', 10)],
              },
              {
                templateId: '300003',
                templateName: 'Ưu đãi thành viên',
                status: 'PENDING_REVIEW',
                templateTag: 'PROMOTION',
                price: '300',
                params: [param('customer_name', 30), param('date', 20)],
              },
              {
                templateId: '300004',
                templateName: 'Nhắc lịch hẹn',
                status: 'REJECT',
                templateTag: 'CUSTOMER_CARE',
                price: '300',
                params: [param('customer_name', 30), param('date', 20)],
              },
              {
                templateId: '300005',
                templateName: 'Thông báo giao hàng',
                status: 'DISABLE',
                templateTag: 'TRANSACTION',
                price: '300',
                params: [param('customer_name', 30), param('order_code', 30)],
              },
            ],
            followers: [
              {
                userId: '5000000000000000001',
                displayName: 'Nguyễn Văn An',
                phone: '84900000011',
                follower: true,
                lastInteractionAt: now - 2 * HOUR_MS,
              },
              {
                userId: '5000000000000000002',
                displayName: 'Trần Thị Bình',
                phone: '84900000012',
                follower: true,
                lastInteractionAt: now - 3 * DAY_MS,
              },
              {
                userId: '5000000000000000003',
                displayName: 'Lê Văn Cường',
                phone: '84900000013',
                follower: true,
                lastInteractionAt: now - 8 * DAY_MS,
              },
              {
                userId: '5000000000000000004',
                displayName: 'Phạm Thị Dung',
                follower: true,
                lastInteractionAt: now - 2 * 365 * DAY_MS,
              },
              {
                userId: '5000000000000000005',
                displayName: 'Hoàng Văn Em',
                phone: '84900000015',
                follower: false,
                lastInteractionAt: now - HOUR_MS,
              },
            ],
          },
        ],
      },
    ],
    phonesNotOnZalo: ['84900000099', '84900000098'],
    esms: [
      {
        apiKey: 'sandbox-esms-api-key',
        secretKey: 'sandbox-esms-secret-key',
        brandnames: ['SANDBOX', 'LOA-DEMO'],
        balance: 1_000_000,
      },
    ],
    speedsms: [{ accessToken: 'sandbox-speedsms-token', senders: ['SANDBOX'], balance: 500_000 }],
    twilio: [
      {
        accountSid: 'AC00000000000000000000000000000001',
        authToken: 'sandbox-twilio-auth-token',
        senders: ['+15005550006', 'SANDBOX'],
        messagingServiceSids: ['MG00000000000000000000000000000001'],
      },
    ],
    smtp: [{ user: 'sandbox', pass: 'sandbox-smtp-password' }],
  };
}
