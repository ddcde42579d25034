/**
 * The validator's problems, by diagnostic code (and a variant where one code has several sentences). Values:
 * step (the step's name), field (the field's label), and the diagnostic's params.
 */
export const diagnosticsMessages = {
  vi: {
    codes: {
      GRAPH_NOT_OBJECT: 'Đây không phải là một chiến dịch: không đọc được dữ liệu sơ đồ.',
      SCHEMA_VERSION_UNSUPPORTED:
        'Chiến dịch này không có phiên bản định dạng được hỗ trợ; không thể kiểm tra ở đây.',
      SCHEMA_VERSION_UNSUPPORTED_newer:
        'Chiến dịch này được lưu bởi phiên bản Loa mới hơn (định dạng {{version}}); không thể kiểm tra ở đây.',
      GRAPH_SHAPE: 'Một phần dữ liệu của chiến dịch bị hỏng ({{path}}).',
      GRAPH_SHAPE_connection: 'Kết nối số {{connection}} bị hỏng: hãy xoá và vẽ lại.',
      GRAPH_SHAPE_step: 'Bước số {{step}} bị hỏng: hãy xoá và thêm lại.',
      GRAPH_SHAPE_position: '{{step}} không có vị trí trên sơ đồ: hãy kéo nó để lưu vị trí.',
      SETTINGS_INVALID: 'Cài đặt chiến dịch: trường “{{field}}” chưa hợp lệ.',
      SETTINGS_INVALID_damaged: 'Cài đặt chiến dịch bị hỏng: hãy mở cài đặt và lưu lại.',
      SETTINGS_INVALID_timezone:
        'Cài đặt chiến dịch: “{{timezone}}” không phải múi giờ hợp lệ. Hãy chọn, ví dụ, Asia/Ho_Chi_Minh.',
      NO_TRIGGER:
        'Chiến dịch chưa có bước bắt đầu: hãy thêm một bước (sự kiện, phân khúc, lịch, ngày hoặc thêm thủ công) để khách hàng vào hành trình.',
      MULTIPLE_TRIGGERS:
        'Chiến dịch có {{count}} bước bắt đầu; mỗi chiến dịch chỉ bắt đầu từ một bước. Hãy xoá bớt hoặc tách thành các chiến dịch riêng.',
      NODE_ID_MISSING: 'Một bước không có mã: hãy xoá và thêm lại.',
      NODE_ID_INVALID: '{{step}} có mã không hợp lệ: mã gồm 1 đến 64 chữ cái, chữ số, dấu _ hoặc -.',
      DUPLICATE_NODE_ID: '{{step}} trùng mã với một bước khác. Hãy xoá một bước và thêm lại.',
      UNKNOWN_NODE_TYPE: '{{step}} không cho biết đây là loại bước nào. Hãy xoá hoặc thay thế.',
      UNKNOWN_NODE_TYPE_named: '{{step}} là loại bước Loa không biết (“{{type}}”). Hãy xoá hoặc thay thế.',
      INVALID_CONFIG: '{{step}}: trường “{{field}}” chưa hợp lệ.',
      INVALID_CONFIG_whole: '{{step}}: cấu hình chưa hợp lệ.',
      INVALID_CONFIG_timezone:
        '{{step}}: “{{timezone}}” không phải múi giờ hợp lệ. Hãy chọn, ví dụ, Asia/Ho_Chi_Minh.',
      EDGE_INVALID: 'Một kết nối bị hỏng: hãy xoá và vẽ lại.',
      EDGE_INVALID_id: 'Một kết nối không có mã hợp lệ: hãy xoá và vẽ lại.',
      EDGE_INVALID_source: 'Một kết nối không cho biết nó xuất phát từ bước nào: hãy xoá và vẽ lại.',
      EDGE_INVALID_target: 'Một kết nối không cho biết nó dẫn tới bước nào: hãy xoá và vẽ lại.',
      EDGE_INVALID_handle: 'Một kết nối không cho biết nó rời bước từ lối ra nào: hãy vẽ lại.',
      DUPLICATE_EDGE_ID: 'Một kết nối trùng mã với kết nối khác: hãy xoá và vẽ lại.',
      EDGE_SOURCE_MISSING:
        'Một kết nối xuất phát từ một bước không có trong chiến dịch (“{{source}}”): hãy xoá kết nối.',
      EDGE_TARGET_MISSING:
        'Một kết nối dẫn tới một bước không có trong chiến dịch (“{{target}}”): hãy xoá hoặc nối lại.',
      EDGE_INTO_TRIGGER:
        'Một kết nối dẫn vào bước bắt đầu {{step}}: khách hàng chỉ vào qua bước bắt đầu. Hãy xoá kết nối.',
      HANDLE_NOT_OFFERED:
        'Một kết nối rời {{step}} qua lối ra “{{handle}}” mà bước này không có (chỉ có {{offered}}). Hãy xoá và vẽ lại.',
      HANDLE_NOT_OFFERED_end:
        '{{step}} kết thúc hành trình nên không gì có thể theo sau: hãy xoá kết nối rời khỏi nó.',
      HANDLE_CONNECTED_TWICE:
        '{{step}} có nhiều hơn một kết nối từ lối ra “{{handle}}”; khách hàng chỉ đi theo một. Hãy giữ lại một.',
      UNREACHABLE_NODE:
        '{{step}} chưa được nối vào hành trình: sẽ không khách hàng nào tới được. Hãy nối hoặc xoá bước này.',
      CYCLE_WITHOUT_WAIT:
        '{{step}} nằm trong một vòng lặp không có bước chờ: khách hàng sẽ lặp mãi. Hãy thêm bước chờ hoặc bỏ một kết nối.',
      CYCLE_WITHOUT_WAIT_self:
        '{{step}} quay lại chính nó mà không chờ: khách hàng sẽ lặp mãi. Hãy thêm bước chờ hoặc bỏ kết nối.',
      SPLIT_WEIGHTS_NOT_100: '{{step}} chia {{total}}% khách hàng; tổng tỉ lệ các nhánh phải đúng bằng 100%.',
      DUPLICATE_VARIANT_ID: '{{step}} có hai nhánh cùng mã “{{variant}}”: hãy đặt mã riêng cho mỗi nhánh.',
      WAIT_EVENT_WITHOUT_TIMEOUT:
        '{{step}} chờ sự kiện mà không có thời hạn: khách hàng có thể chờ mãi. Hãy đặt thời gian chờ tối đa.',
      GOAL_SHADOWS_WAIT:
        '{{step}} chờ sự kiện “{{event}}”, nhưng mục tiêu chiến dịch đã kết thúc hành trình khi có “{{event}}”: nhánh này không bao giờ xảy ra. Hãy tắt “thoát khi đạt mục tiêu” hoặc thêm bộ lọc cho mục tiêu.',
      LIQUID_SYNTAX: '{{step}}: trường “{{field}}” có chỗ chèn dữ liệu sai cú pháp ({{error}}).',
      UNKNOWN_CONTACT_FIELD:
        '{{step}}: trường “{{field}}” dùng thông tin khách hàng “{{contactField}}” mà khách hàng không có. Hãy kiểm tra chính tả hoặc thêm trường này.',
      TEMPLATE_UNKNOWN:
        '{{step}} dùng mẫu ZNS {{template}}, không có trong các mẫu đã duyệt của workspace. Hãy đồng bộ mẫu hoặc chọn mẫu khác.',
      TEMPLATE_PARAM_MISSING: '{{step}}: mẫu “{{template}}” cần giá trị cho “{{param}}”. Hãy điền vào.',
      TEMPLATE_PARAM_UNKNOWN:
        '{{step}} điền “{{param}}” nhưng mẫu “{{template}}” không có tham số này; giá trị sẽ bị bỏ qua.',
      TEMPLATE_PARAM_TOO_LONG:
        '{{step}}: giá trị của “{{param}}” dài {{length}} ký tự; mẫu “{{template}}” cho phép tối đa {{maxLength}}. Hãy rút gọn.',
      ACCOUNT_MISSING:
        '{{step}} gửi qua một tài khoản không còn tồn tại. Hãy chọn một tài khoản {{channel}} của workspace.',
      ACCOUNT_UNPUBLISHED:
        '{{step}} gửi qua “{{account}}”, tài khoản chưa được kích hoạt. Hãy kích hoạt hoặc chọn tài khoản khác.',
      ACCOUNT_WRONG_CHANNEL:
        '{{step}} gửi {{channel}} qua “{{account}}”, không phải tài khoản {{channel}}. Hãy chọn tài khoản {{channel}}.',
      ACCOUNT_PURPOSE_UNSUPPORTED:
        '{{step}} gửi tin {{purpose}} qua “{{account}}”, tài khoản này không gửi được loại tin đó từ hành trình.',
      SEND_OUTCOME_NODE_INVALID:
        '{{step}} kiểm tra kết quả của một bước gửi không có trong chiến dịch. Hãy chọn một bước gửi.',
      SEND_OUTCOME_NODE_INVALID_notSend:
        '{{step}} kiểm tra kết quả của {{sendStep}}, bước này không gửi tin. Hãy chọn một bước gửi.',
      INVALID_CRON:
        '{{step}} lặp theo “{{cron}}”, không phải lịch hợp lệ. Hãy dùng biểu thức cron như “0 9 * * 1” (9:00 thứ Hai).',
      SEGMENT_UNKNOWN:
        '{{step}} dùng một phân khúc không có trong workspace. Hãy chọn một phân khúc của workspace.',
      EVENT_NEVER_SEEN:
        '{{step}} dùng sự kiện “{{event}}” mà workspace chưa từng nhận. Hãy kiểm tra chính tả hoặc gửi thử một sự kiện.',
      EVENT_NEVER_SEEN_goal:
        'Mục tiêu chiến dịch dùng sự kiện “{{event}}” mà workspace chưa từng nhận. Hãy kiểm tra chính tả hoặc gửi thử một sự kiện.',
      VALIDATION_INCOMPLETE:
        'Loa chưa kiểm tra xong chiến dịch này; hãy sửa các lỗi đã liệt kê rồi kiểm tra lại.',
    },
    channels: { zns: 'ZNS', oa: 'Zalo OA', sms: 'SMS', email: 'email' },
    purposes: {
      transactional: 'giao dịch',
      care: 'chăm sóc khách hàng',
      otp: 'OTP',
      advertising: 'quảng cáo',
    },
    aStep: 'Một bước',
  },
  en: {
    codes: {
      GRAPH_NOT_OBJECT: 'This is not a campaign: the data could not be read as a campaign graph.',
      SCHEMA_VERSION_UNSUPPORTED: 'This campaign has no supported format version; it cannot be checked here.',
      SCHEMA_VERSION_UNSUPPORTED_newer:
        'This campaign was saved by a newer version of Loa (format {{version}}); it cannot be checked here.',
      GRAPH_SHAPE: 'Part of the campaign data is damaged ({{path}}).',
      GRAPH_SHAPE_connection: 'Connection #{{connection}} is damaged: remove it and draw it again.',
      GRAPH_SHAPE_step: 'Step #{{step}} is damaged: remove it and add it again.',
      GRAPH_SHAPE_position: '{{step}} has no place on the canvas: move it to save its position.',
      SETTINGS_INVALID: 'Campaign settings: “{{field}}” is not valid.',
      SETTINGS_INVALID_damaged: 'Campaign settings are damaged: open the settings and save them again.',
      SETTINGS_INVALID_timezone:
        'Campaign settings: “{{timezone}}” is not a known time zone. Pick one such as Asia/Ho_Chi_Minh.',
      NO_TRIGGER:
        'The campaign has no trigger: add one (an event, a segment, a schedule, a date or manual entry) to say how contacts enter.',
      MULTIPLE_TRIGGERS:
        'The campaign has {{count}} triggers; a campaign starts from exactly one. Remove the others or make separate campaigns.',
      NODE_ID_MISSING: 'A step has no id: remove it and add it again.',
      NODE_ID_INVALID: '{{step}} has an id that is not allowed: ids have 1 to 64 letters, digits, _ or -.',
      DUPLICATE_NODE_ID: '{{step}} has the same id as another step. Remove one of them and add it again.',
      UNKNOWN_NODE_TYPE: '{{step}} does not say what kind of step it is. Remove it or replace it.',
      UNKNOWN_NODE_TYPE_named:
        '{{step}} is a kind of step Loa does not know (“{{type}}”). Remove it or replace it.',
      INVALID_CONFIG: '{{step}}: “{{field}}” is not valid.',
      INVALID_CONFIG_whole: '{{step}}: its settings are not valid.',
      INVALID_CONFIG_timezone:
        '{{step}}: “{{timezone}}” is not a known time zone. Pick one such as Asia/Ho_Chi_Minh.',
      EDGE_INVALID: 'A connection is damaged: remove it and draw it again.',
      EDGE_INVALID_id: 'A connection has no valid id: remove it and draw it again.',
      EDGE_INVALID_source: 'A connection does not say which step it leaves: remove it and draw it again.',
      EDGE_INVALID_target: 'A connection does not say which step it leads to: remove it and draw it again.',
      EDGE_INVALID_handle: 'A connection does not say which exit of the step it leaves: draw it again.',
      DUPLICATE_EDGE_ID: 'A connection has the same id as another one: remove it and draw it again.',
      EDGE_SOURCE_MISSING:
        'A connection starts at a step that is not in the campaign (“{{source}}”): remove the connection.',
      EDGE_TARGET_MISSING:
        'A connection leads to a step that is not in the campaign (“{{target}}”): remove it or connect it again.',
      EDGE_INTO_TRIGGER:
        'A connection leads into the trigger {{step}}: contacts enter only through the trigger. Remove the connection.',
      HANDLE_NOT_OFFERED:
        'A connection leaves {{step}} through “{{handle}}”, which it does not have (it has {{offered}}). Remove it and draw it again.',
      HANDLE_NOT_OFFERED_end:
        '{{step}} ends the journey, so nothing can follow it: remove the connection that leaves it.',
      HANDLE_CONNECTED_TWICE:
        '{{step}} has more than one connection from its “{{handle}}” exit; a contact can follow only one. Remove all but one.',
      UNREACHABLE_NODE:
        '{{step}} is not connected to the journey: no contact will reach it. Connect it or remove it.',
      CYCLE_WITHOUT_WAIT:
        '{{step}} is in a loop without any wait: contacts would go round endlessly. Add a wait step to the loop or remove a connection.',
      CYCLE_WITHOUT_WAIT_self:
        '{{step}} leads back to itself without any wait: contacts would go round endlessly. Add a wait step or remove the connection.',
      SPLIT_WEIGHTS_NOT_100:
        '{{step}} shares out {{total}}% of contacts; the variants must add up to exactly 100%.',
      DUPLICATE_VARIANT_ID:
        '{{step}} has two variants with the id “{{variant}}”: give each variant its own id.',
      WAIT_EVENT_WITHOUT_TIMEOUT:
        '{{step}} waits for an event without a timeout: contacts would wait forever. Set how long to wait.',
      GOAL_SHADOWS_WAIT:
        '{{step}} waits for “{{event}}”, but the campaign goal ends the journey on any “{{event}}” first: this branch never happens. Turn off “exit on goal” or give the goal a filter.',
      LIQUID_SYNTAX: '{{step}}: “{{field}}” has a broken placeholder ({{error}}).',
      UNKNOWN_CONTACT_FIELD:
        '{{step}}: “{{field}}” uses the contact field “{{contactField}}”, which contacts do not have. Check the spelling or add the field.',
      TEMPLATE_UNKNOWN:
        "{{step}} uses ZNS template {{template}}, which is not among this workspace's approved templates. Sync templates or choose another one.",
      TEMPLATE_PARAM_MISSING: '{{step}}: template “{{template}}” needs a value for “{{param}}”. Fill it in.',
      TEMPLATE_PARAM_UNKNOWN:
        '{{step}} fills in “{{param}}”, which template “{{template}}” does not have; it will be ignored.',
      TEMPLATE_PARAM_TOO_LONG:
        '{{step}}: the value for “{{param}}” has {{length}} characters; template “{{template}}” allows at most {{maxLength}}. Shorten it.',
      ACCOUNT_MISSING:
        "{{step}} sends through an account that no longer exists. Choose one of the workspace's {{channel}} accounts.",
      ACCOUNT_UNPUBLISHED:
        '{{step}} sends through “{{account}}”, which is not published yet. Publish the account or choose another one.',
      ACCOUNT_WRONG_CHANNEL:
        '{{step}} sends {{channel}} through “{{account}}”, which is not a {{channel}} account. Choose a {{channel}} account.',
      ACCOUNT_PURPOSE_UNSUPPORTED:
        '{{step}} sends a {{purpose}} message through “{{account}}”, which cannot send it from a journey.',
      SEND_OUTCOME_NODE_INVALID:
        '{{step}} checks the outcome of a send step that is not in the campaign. Choose a send step.',
      SEND_OUTCOME_NODE_INVALID_notSend:
        '{{step}} checks the outcome of {{sendStep}}, which does not send a message. Choose a send step.',
      INVALID_CRON:
        '{{step}} repeats on “{{cron}}”, which is not a valid schedule. Use a cron expression such as “0 9 * * 1” (Mondays at 9:00).',
      SEGMENT_UNKNOWN:
        "{{step}} uses a segment that does not exist in this workspace. Choose one of the workspace's segments.",
      EVENT_NEVER_SEEN:
        '{{step}} uses the event “{{event}}”, which this workspace has never received. Check the spelling, or send one such event first.',
      EVENT_NEVER_SEEN_goal:
        'The campaign goal uses the event “{{event}}”, which this workspace has never received. Check the spelling, or send one such event first.',
      VALIDATION_INCOMPLETE:
        'Loa could not finish checking this campaign; fix the problems listed and check again.',
    },
    channels: { zns: 'ZNS', oa: 'Zalo OA', sms: 'SMS', email: 'email' },
    purposes: {
      transactional: 'transactional',
      care: 'customer-care',
      otp: 'OTP',
      advertising: 'advertising',
    },
    aStep: 'A step',
  },
};
