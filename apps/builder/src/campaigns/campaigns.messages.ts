export const campaignsMessages = {
  vi: {
    title: 'Chiến dịch',
    newCampaign: 'Tạo chiến dịch',
    searchLabel: 'Tìm chiến dịch',
    searchPlaceholder: 'Tìm theo tên hoặc mô tả',
    stateFilter: 'Trạng thái',
    allStates: 'Tất cả',
    loadMore: 'Xem thêm',
    empty: 'Chưa có chiến dịch nào. Tạo chiến dịch đầu tiên từ trang trắng hoặc từ mẫu.',
    emptyFiltered: 'Không có chiến dịch nào khớp bộ lọc.',
    columns: {
      name: 'Tên',
      state: 'Trạng thái',
      version: 'Phiên bản',
      journeys: 'Hành trình',
      edited: 'Sửa lần cuối',
      actions: 'Thao tác',
    },
    noVersion: 'Chưa xuất bản',
    journeyCounts: '{{entered}} đã vào · {{inProgress}} đang chạy',
    report: 'Báo cáo',
    reportOf: 'Báo cáo: {{name}}',
    versionNumber: 'v{{version}}',
    editedBy: '{{name}}, {{when}}',
    pendingApproval: 'Chờ duyệt',
    rejected: 'Bị từ chối',
    duplicate: 'Nhân bản',
    archive: 'Lưu trữ',
    archiveConfirm: 'Lưu trữ chiến dịch “{{name}}”? Chiến dịch lưu trữ không chạy và không sửa được nữa.',
    actionFailed: 'Không thực hiện được: {{detail}}',
    states: {
      draft: 'Bản nháp',
      pending_approval: 'Chờ duyệt',
      active: 'Đang chạy',
      paused: 'Tạm dừng',
      stopped: 'Đã dừng',
      archived: 'Đã lưu trữ',
    },
    create: {
      title: 'Tạo chiến dịch',
      name: 'Tên chiến dịch',
      nameRequired: 'Đặt tên cho chiến dịch',
      startFrom: 'Bắt đầu từ',
      blank: 'Trang trắng',
      blankDescription: 'Tự vẽ luồng từ đầu.',
      submit: 'Tạo và mở',
      creating: 'Đang tạo…',
    },
    channels: { zns: 'ZNS', oa: 'Zalo OA', sms: 'SMS', email: 'Email' },
    templates: {
      'abandoned-cart': {
        name: 'Nhắc giỏ hàng bị bỏ quên',
        description:
          'Khách bỏ quên giỏ hàng: chờ 4 giờ, nếu chưa thanh toán thì gửi ZNS nhắc, không gửi được thì nhắn SMS.',
      },
      'welcome-series': {
        name: 'Chuỗi chào mừng khách mới',
        description: 'ZNS chào mừng, 2 ngày sau email hướng dẫn, 5 ngày sau SMS tặng mã nếu khách chưa mua.',
      },
      'zns-sms-fallback': {
        name: 'Xác nhận đơn: ZNS, dự phòng SMS',
        description: 'Đơn hàng mới: gửi ZNS xác nhận; khách không dùng Zalo thì gửi SMS thay thế.',
      },
      'birthday-voucher': {
        name: 'Quà sinh nhật',
        description: '9 giờ sáng ngày sinh nhật: tạo mã giảm giá riêng, gửi qua ZNS, dự phòng SMS.',
      },
      'ab-test-zns': {
        name: 'Thử nghiệm A/B hai mẫu ZNS',
        description: 'Chia đôi một phân khúc, mỗi nửa nhận một mẫu ZNS; đo tỉ lệ thanh toán trong 7 ngày.',
      },
      'cod-order-confirmation-oa': {
        name: 'Xác nhận đơn COD qua Zalo OA',
        description:
          'Đơn thanh toán khi nhận hàng: nhắn OA xác nhận, chờ khách xác nhận 24 giờ, rồi cập nhật hoặc nhắc SMS.',
      },
      'scheduled-broadcast': {
        name: 'Bản tin hằng tuần',
        description:
          '10 giờ sáng thứ Sáu: SMS quảng cáo có [QC] và cách từ chối, kèm email; có giờ yên lặng và giới hạn tần suất.',
      },
    },
  },
  en: {
    title: 'Campaigns',
    newCampaign: 'New campaign',
    searchLabel: 'Search campaigns',
    searchPlaceholder: 'Search by name or description',
    stateFilter: 'State',
    allStates: 'All',
    loadMore: 'Show more',
    empty: 'No campaigns yet. Create the first one from a blank canvas or a template.',
    emptyFiltered: 'No campaign matches these filters.',
    columns: {
      name: 'Name',
      state: 'State',
      version: 'Version',
      journeys: 'Journeys',
      edited: 'Last edited',
      actions: 'Actions',
    },
    journeyCounts: '{{entered}} entered · {{inProgress}} in progress',
    noVersion: 'Not published',
    report: 'Report',
    reportOf: 'Report: {{name}}',
    versionNumber: 'v{{version}}',
    editedBy: '{{name}}, {{when}}',
    pendingApproval: 'Awaiting approval',
    rejected: 'Rejected',
    duplicate: 'Duplicate',
    archive: 'Archive',
    archiveConfirm: 'Archive “{{name}}”? An archived campaign does not run and can no longer be edited.',
    actionFailed: 'Could not do that: {{detail}}',
    states: {
      draft: 'Draft',
      pending_approval: 'Awaiting approval',
      active: 'Active',
      paused: 'Paused',
      stopped: 'Stopped',
      archived: 'Archived',
    },
    create: {
      title: 'New campaign',
      name: 'Campaign name',
      nameRequired: 'Give the campaign a name',
      startFrom: 'Start from',
      blank: 'Blank canvas',
      blankDescription: 'Draw the flow yourself.',
      submit: 'Create and open',
      creating: 'Creating…',
    },
    channels: { zns: 'ZNS', oa: 'Zalo OA', sms: 'SMS', email: 'Email' },
    templates: {
      'abandoned-cart': {
        name: 'Abandoned cart reminder',
        description:
          'A cart left behind: wait 4 hours; if it is still unpaid, send a ZNS reminder, and an SMS if the ZNS fails.',
      },
      'welcome-series': {
        name: 'Welcome series',
        description:
          'A welcome ZNS, tips by email 2 days later, and an SMS voucher 5 days later if they have not bought.',
      },
      'zns-sms-fallback': {
        name: 'Order confirmation: ZNS, SMS fallback',
        description: 'A new order: confirm it by ZNS; customers without Zalo get an SMS instead.',
      },
      'birthday-voucher': {
        name: 'Birthday gift',
        description:
          'At 9:00 on their birthday: create a personal voucher code and send it by ZNS, SMS as fallback.',
      },
      'ab-test-zns': {
        name: 'A/B test of two ZNS templates',
        description:
          'Split a segment in two, each half gets one ZNS template; compare payments within 7 days.',
      },
      'cod-order-confirmation-oa': {
        name: 'Cash-on-delivery confirmation on Zalo OA',
        description:
          'A COD order: confirm by OA message, wait 24 hours for the customer to confirm, then update or remind by SMS.',
      },
      'scheduled-broadcast': {
        name: 'Weekly newsletter',
        description:
          'Fridays at 10:00: an advertising SMS with [QC] and opt-out text, plus an email; quiet hours and frequency caps.',
      },
    },
  },
};
