import type { UnsubscribeState } from './unsubscribe.service';

const TEXT: Record<UnsubscribeState, { title: string; body: string; button: boolean }> = {
  subscribed: {
    title: 'Hủy đăng ký nhận email / Unsubscribe',
    body: 'Bạn sẽ không nhận email quảng cáo từ chúng tôi nữa. / You will no longer receive marketing e-mails from us.',
    button: true,
  },
  unsubscribed: {
    title: 'Đã hủy đăng ký / Unsubscribed',
    body: 'Bạn đã hủy đăng ký nhận email quảng cáo. / You are unsubscribed from marketing e-mails.',
    button: false,
  },
  unknown_token: {
    title: 'Liên kết không hợp lệ / Link not valid',
    body: 'Liên kết hủy đăng ký này không còn hiệu lực. / This unsubscribe link is not valid.',
    button: false,
  },
};

/** A small self-contained page (no scripts) in Vietnamese and English. */
export function unsubscribePage(state: UnsubscribeState): string {
  const text = TEXT[state];
  const form = text.button
    ? `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Hủy đăng ký / Unsubscribe</button></form>`
    : '';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.title}</title></head><body><main><h1>${text.title}</h1><p>${text.body}</p>${form}</main></body></html>`;
}
